// The config file in the language server, over stdio: a bad config is one error notification
// naming the key while diagnostics are served with the defaults; fixing the file (a watched-file
// event) re-reads it and re-analyses open documents; settings override the file per rule.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileUri, LspClient } from './harness';
import { makeTree, removeTree } from '../cli/helpers';

const DROPPED = 'async function load() {}\nload();\n';
/** LSP DiagnosticSeverity: 1 error, 2 warning, 3 information. */
const ERROR = 1;
const WARNING = 2;

interface ShownMessage {
  type: number;
  message: string;
}

describe('server: the config file', function () {
  this.timeout(30_000);
  let root: string;
  let client: LspClient | undefined;
  let shown: ShownMessage[];

  async function start(files: Record<string, string>, settings: Record<string, unknown> = {}): Promise<LspClient> {
    root = makeTree(files);
    shown = [];
    client = await LspClient.start(settings, { rootPath: root });
    client.connection.onNotification('window/showMessage', (params: ShownMessage) => {
      shown.push(params);
    });
    return client;
  }

  afterEach(async () => {
    if (client) await client.stop().catch(() => client?.kill());
    client = undefined;
    removeTree(root);
  });

  it('shows one notification for a typo, serves the defaults, and re-analyses when the file is fixed', async () => {
    const lsp = await start({ 'async-lens.config.json': '{\n  "rulez": {}\n}\n', 'src/a.ts': DROPPED, 'src/b.ts': DROPPED });
    const a = fileUri(path.join(root, 'src', 'a.ts'));
    const b = fileUri(path.join(root, 'src', 'b.ts'));
    await lsp.open(a, DROPPED);
    const first = await lsp.waitForDiagnostics(a, (params) => params.diagnostics.length === 1);
    assert.equal(first.diagnostics[0]?.code, 'floating-promise');
    assert.equal(first.diagnostics[0]?.severity, WARNING);
    await lsp.open(b, DROPPED);
    await lsp.waitForDiagnostics(b, (params) => params.diagnostics.length === 1);
    // Both documents share the broken config: it is shown once.
    assert.deepEqual(shown, [
      {
        type: ERROR,
        message: 'async-lens: async-lens.config.json:2:3: unknown key "rulez" (did you mean "rules"?) (using the default configuration until it is fixed)',
      },
    ]);

    const config = path.join(root, 'async-lens.config.json');
    writeFileSync(config, '{\n  "rules": { "floating-promise": "error" }\n}\n');
    const from = lsp.count(a);
    await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: 2 }] });
    const fixed = await lsp.waitForDiagnostics(a, (params) => params.diagnostics[0]?.severity === ERROR, from);
    assert.equal(fixed.diagnostics.length, 1);
    await lsp.waitForDiagnostics(b, (params) => params.diagnostics[0]?.severity === ERROR);
    assert.equal(shown.length, 1);
  });

  it('shows a new error when a change breaks the file again', async () => {
    const lsp = await start({ 'async-lens.config.json': '{}', 'a.ts': DROPPED });
    const a = fileUri(path.join(root, 'a.ts'));
    await lsp.open(a, DROPPED);
    await lsp.waitForDiagnostics(a, (params) => params.diagnostics.length === 1);
    assert.equal(shown.length, 0, JSON.stringify(shown));
    const config = path.join(root, 'async-lens.config.json');
    writeFileSync(config, '{ "rules": { "floating-promise": "warn" } }');
    const from = lsp.count(a);
    await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: 2 }] });
    const again = await lsp.waitForDiagnostics(a, () => true, from);
    assert.equal(again.diagnostics[0]?.severity, WARNING);
    assert.deepEqual(
      shown.map((params) => params.message),
      [
        'async-lens: async-lens.config.json:1:34: "rules.floating-promise": unknown severity "warn"; valid: "off", "info", "warning", "error" (did you mean "warning"?) (using the default configuration until it is fixed)',
      ],
    );
  });

  it('applies the config, lets asyncLens.rules override it, and shows nothing for ignored files', async () => {
    const lsp = await start(
      {
        'package.json': '{ "name": "app", "asyncLens": { "rules": { "floating-promise": "error", "await-in-loop": "off" }, "ignores": ["gen/"] } }',
        'a.ts': DROPPED,
        'gen/b.ts': DROPPED,
      },
      { rules: { 'floating-promise': 'info' } },
    );
    const a = fileUri(path.join(root, 'a.ts'));
    const b = fileUri(path.join(root, 'gen', 'b.ts'));
    await lsp.open(a, DROPPED);
    const published = await lsp.waitForDiagnostics(a, (params) => params.diagnostics.length === 1);
    assert.equal(published.diagnostics[0]?.severity, 3);
    await lsp.open(b, DROPPED);
    const ignored = await lsp.waitForDiagnostics(b);
    assert.deepEqual(ignored.diagnostics, []);
    assert.equal(shown.length, 0, JSON.stringify(shown));
  });
});
