// Diagnostics of every rule appear on the examples exactly where the CLI reports them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RULE_IDS } from '../../../../src/extension/registry';
import { codeOf, describe as describeDiagnostic, docUrl, expectedFindings, openExample, openScratch, SOURCE, waitForDiagnostics, waitForRules, workspaceRoot } from '../helpers';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

describe('diagnostics', () => {
  const expected = expectedFindings();

  it('the examples have a finding of every rule (the CLI says)', () => {
    assert.deepEqual([...new Set(expected.map((finding) => finding.rule))].sort(), [...RULE_IDS].sort());
  });

  for (const rule of RULE_IDS) {
    it(`${rule}: code, range, severity and message as the CLI reports them`, async () => {
      const files = [...new Set(expected.filter((finding) => finding.rule === rule).map((finding) => finding.file))];
      assert.ok(files.length > 0, `an example shows ${rule}`);
      for (const file of files) {
        const want = expected.filter((finding) => finding.file === file);
        const editor = await openExample(file);
        const wanted = want.map((f) => `${f.rule}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`).sort();
        const got = await waitForDiagnostics(editor.document.uri, wanted.join(', '), (diagnostics) => diagnostics.length === want.length);
        assert.deepEqual(got.map(describeDiagnostic).sort(), wanted);
        for (const finding of want) {
          const diagnostic = got.find((d) => describeDiagnostic(d) === `${finding.rule}@${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`)!;
          assert.equal(diagnostic.source, SOURCE);
          assert.equal(diagnostic.message, finding.message);
          assert.equal(diagnostic.severity, SEVERITY[finding.severity]);
        }
      }
    });
  }

  it('each diagnostic links to its rule doc (code.target)', async () => {
    const editor = await openExample('02-gather.ts');
    const [diagnostic] = await waitForRules(editor.document.uri, ['unawaited-promise-all']);
    const code = diagnostic!.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'unawaited-promise-all');
    assert.equal(code.target.toString(true), docUrl('unawaited-promise-all'));
  });

  it('an example without a mistake has no async-lens diagnostic', async () => {
    // Opened after a file with a finding: the server answers in order, so once the second file's
    // diagnostics are in, the first (clean) one has been analysed too.
    const clean = await openExample('01-task-timing.ts');
    const marker = await openScratch('after-clean.ts', 'async function f(): Promise<void> {}\nf();\n');
    await waitForRules(marker.document.uri, ['floating-promise']);
    assert.deepEqual(vscode.languages.getDiagnostics(clean.document.uri).filter((d) => d.source === SOURCE).map(codeOf), []);
  });

  it('an untitled TypeScript document gets diagnostics', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'typescript',
      content: 'async function load(): Promise<number> {\n  return 1;\n}\nload();\n',
    });
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await waitForRules(document.uri, ['floating-promise']);
    assert.equal(describeDiagnostic(diagnostic!), 'floating-promise@4:1-4:7');
  });

  it('a JavaScript file gets diagnostics', async () => {
    const editor = await openScratch('plain.js', "const fs = require('node:fs');\nasync function read() {\n  return fs.readFileSync('x', 'utf8');\n}\nmodule.exports = { read };\n");
    assert.equal(editor.document.languageId, 'javascript');
    await waitForRules(editor.document.uri, ['blocking-in-async']);
  });

  it('a file with a syntax error still shows findings', async () => {
    const editor = await openScratch(
      'half-typed.ts',
      'async function save(): Promise<void> {}\n\nasync function main(): Promise<void> {\n  save();\n  const x = {\n}\n\nfunction broken( {\n',
    );
    const [diagnostic] = await waitForRules(editor.document.uri, ['floating-promise']);
    assert.equal(describeDiagnostic(diagnostic!), 'floating-promise@4:3-4:9');
    assert.ok(workspaceRoot());
  });
});
