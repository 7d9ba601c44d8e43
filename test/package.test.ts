import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RULES } from '../src/core';

// What `npm pack` puts in the npm package (the CLI, the language server and the ESLint plugin): the
// bundles they run, the docs they read at run time (`--explain`, hovers, ESLint's `meta.docs.url`),
// the config schema, and the package's own papers. The build writes a linked source map next to
// every bundle and the VS Code client's bundle beside them: `files` lists the four bundles by name
// so that neither ships. Runs on the built `dist/` (`npm run build` first), with scripts off so
// that packing does not rebuild under other tests.

const ROOT = path.join(__dirname, '..');
const RULE_IDS = RULES.map((rule) => rule.meta.id);

/** The files outside `docs/` that the package holds: exactly these. */
const EXACT = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/cli-worker.js',
  'dist/cli.js',
  'dist/eslint-plugin.js',
  'dist/server.js',
  'package.json',
  ...readdirSync(path.join(ROOT, 'schemas')).map((name) => `schemas/${name}`),
].sort();

/** Runs npm with scripts off (no `prepare` rebuild) and returns its stdout; fails on a non-zero exit. */
function npm(args: readonly string[], cwd = ROOT): string {
  const result = spawnSync('npm', [...args, '--ignore-scripts'], { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.error) throw result.error;
  assert.equal(result.status, 0, `npm ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

/** Runs a file of the unpacked package with Node in `cwd`. */
function runNode(file: string, args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}) {
  const result = spawnSync(process.execPath, [file, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result;
}

describe('the npm package', function () {
  this.timeout(120_000);
  let files: string[] = [];

  before(function () {
    for (const bundle of ['cli.js', 'cli-worker.js', 'server.js', 'eslint-plugin.js', 'extension.js']) {
      assert.ok(existsSync(path.join(ROOT, 'dist', bundle)), `dist/${bundle} is missing: run 'npm run build' first`);
    }
    const reports = JSON.parse(npm(['pack', '--dry-run', '--json'])) as { name: string; files: { path: string }[] }[];
    assert.equal(reports.length, 1);
    const report = reports[0]!;
    assert.equal(report.name, 'async-lens');
    files = report.files.map((file) => file.path).sort();
  });

  it('holds exactly the four bundles, the docs, the schema, README, LICENSE, CHANGELOG and package.json', () => {
    assert.deepEqual(
      files.filter((file) => !file.startsWith('docs/')),
      EXACT,
    );
    const docs = files.filter((file) => file.startsWith('docs/'));
    assert.deepEqual(
      docs.filter((file) => !/^docs\/[A-Za-z0-9/._-]+\.(md|tsv)$/.test(file)),
      [],
      'docs ships only Markdown and the precision labels',
    );
    const required = ['docs/configuration.md', 'docs/eslint.md', 'docs/lessons.md', 'docs/rules/README.md'];
    for (const id of RULE_IDS) required.push(`docs/rules/${id}.md`, `docs/zh-cn/rules/${id}.md`);
    assert.deepEqual(
      required.filter((file) => !docs.includes(file)),
      [],
      'the docs the CLI, the server and the ESLint plugin read ship',
    );
  });

  it('leaves out source maps, the VS Code client, sources, tests, fixtures, examples and benchmarks', () => {
    // The maps exist (the build writes them), so leaving them out is the package's doing.
    assert.ok(existsSync(path.join(ROOT, 'dist', 'cli.js.map')), 'the build writes dist/cli.js.map');
    const forbidden = files.filter(
      (file) =>
        file.endsWith('.map') ||
        file === 'dist/extension.js' ||
        /^(src|test|bench|examples|scripts|media|snippets|syntaxes|l10n|out|artifacts|dist-test|node_modules)\//.test(file) ||
        /(^|\/)fixtures?\//.test(file) ||
        /\.(test|spec)\.[cm]?[jt]s$/.test(file) ||
        /\.(ts|tsx|vsix|tgz)$/.test(file),
    );
    assert.deepEqual(forbidden, []);
  });

  it('runs from the unpacked tarball alone: the CLI with its worker, --explain in both locales, --version', function () {
    const work = mkdtempSync(path.join(tmpdir(), 'async-lens-pack-'));
    try {
      const tarball = npm(['pack', '--pack-destination', work]).trim().split('\n').pop()!;
      assert.equal(tarball, 'async-lens-0.1.0.tgz');
      const untar = spawnSync('tar', ['-xzf', tarball], { cwd: work, encoding: 'utf8' });
      assert.equal(untar.status, 0, untar.stderr);
      const cli = path.join(work, 'package', 'dist', 'cli.js');

      assert.equal(runNode(cli, ['--version'], work).stdout, '0.1.0\n');
      const explained = runNode(cli, ['--explain', 'floating-promise'], work);
      assert.equal(explained.status, 0, explained.stderr);
      assert.match(explained.stdout, /^# floating-promise\n\nA promise is created and dropped/);
      const chinese = runNode(cli, ['--locale', 'zh-cn', '--explain', 'floating-promise'], work);
      assert.equal(chinese.status, 0, chinese.stderr);
      assert.match(chinese.stdout, /^# floating-promise\n\n一个 promise 被创建后又被丢弃/);

      // Two files on two forced workers: the worker bundle is found next to the CLI's.
      const project = path.join(work, 'project');
      mkdirSync(project);
      for (const name of ['a.ts', 'b.ts']) {
        writeFileSync(path.join(project, name), "export async function main(): Promise<void> {\n  fetch('https://example.com');\n}\n");
      }
      const linted = runNode(cli, ['--debug', '--format', 'json', '.'], project, { ASYNC_LENS_WORKERS: '2' });
      assert.equal(linted.status, 1, linted.stderr);
      assert.match(linted.stderr, /^async-lens: debug: 2 files, 2 workers$/m);
      const { diagnostics } = JSON.parse(linted.stdout) as { diagnostics: { file: string; rule: string; line: number; column: number }[] };
      assert.deepEqual(
        diagnostics.map(({ file, rule, line, column }) => ({ file, rule, line, column })),
        [
          { file: 'a.ts', rule: 'floating-promise', line: 2, column: 3 },
          { file: 'b.ts', rule: 'floating-promise', line: 2, column: 3 },
        ],
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

/** The lines of the README section that starts with `heading` (up to the next `## `). */
function section(readme: string, heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `the README has a section "${heading}"`);
  const end = readme.indexOf('\n## ', start + heading.length + 2);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The first cells (in backticks) of the Markdown table rows of `text`. */
function firstCells(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split(' | ')[0]!.slice(2));
}

/** The body of the first fenced block of `language` in `text` after `from`. */
function fenced(text: string, language: string, from = 0): string {
  const open = text.indexOf('```' + language + '\n', from);
  assert.ok(open >= 0, `a \`\`\`${language} block`);
  const body = open + language.length + 4;
  return text.slice(body, text.indexOf('\n```', body) + 1);
}

// The README ships in the package and on the Marketplace page: these keep what it states about the
// CLI, the settings, the snippets and the ESLint config equal to the code.
describe('the README', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('lists exactly the options of `async-lens --help`', () => {
    const help = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0, help.stderr);
    const fromHelp = [...help.stdout.matchAll(/^ {2}(?:-h, )?(--[a-z-]+)/gm)].map((match) => match[1]).sort();
    const fromReadme = firstCells(section(readme, '## Using the command line'))
      .flatMap((cell) => [...cell.matchAll(/(?:^|[`/])(--[a-z-]+)/g)].map((match) => match[1]))
      .sort();
    assert.deepEqual(fromReadme, fromHelp);
  });

  it('shows the text report the CLI prints for examples/02-gather.ts', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'examples/02-gather.ts'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(fenced(section(readme, '## Using the command line'), 'text'), run.stdout);
  });

  it('lists every VS Code setting with its default', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default: unknown }> } };
    };
    const rows = section(readme, '## VS Code')
      .split('\n')
      .filter((line) => line.startsWith('| `asyncLens.'))
      .map((line) => line.split(' | ').slice(0, 2).map((cell) => cell.replace(/^\| /, '').replace(/`/g, '')));
    const expected = Object.entries(manifest.contributes.configuration.properties).map(([name, spec]) => [
      name,
      typeof spec.default === 'string' ? spec.default : JSON.stringify(spec.default),
    ]);
    assert.deepEqual(rows.sort(), expected.sort());
  });

  it('lists every snippet prefix of the TypeScript and JavaScript snippet files', () => {
    const prefixes = new Set<string>();
    for (const file of ['typescript.code-snippets', 'javascript.code-snippets']) {
      const snippets = JSON.parse(readFileSync(path.join(ROOT, 'snippets', file), 'utf8')) as Record<string, { prefix: string | string[] }>;
      for (const { prefix } of Object.values(snippets)) for (const one of [prefix].flat()) prefixes.add(one);
    }
    const listed = new Set(
      section(readme, '## Learning async TypeScript from asyncio')
        .split('\n')
        .filter((line) => line.startsWith('| `async-'))
        .flatMap((line) => [...line.split(' | ')[0]!.matchAll(/`(async-[a-z-]+)`/g)].map((match) => match[1]!)),
    );
    assert.deepEqual([...listed].sort(), [...prefixes].sort());
  });

  it('gives the flat config of docs/eslint.md', () => {
    const eslintDoc = readFileSync(path.join(ROOT, 'docs', 'eslint.md'), 'utf8');
    assert.equal(fenced(section(readme, '## ESLint'), 'js'), fenced(eslintDoc, 'js'));
  });

  it('links only to files that exist', () => {
    const targets = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/.test(target));
    assert.ok(targets.includes('docs/configuration.md'));
    assert.deepEqual(
      targets.filter((target) => !existsSync(path.join(ROOT, target))),
      [],
    );
  });
});
