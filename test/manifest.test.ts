// package.json `contributes` and the code agree in both directions: the client's registry
// (src/extension/registry.ts), the server's settings registry, the core's rules, and what the .vsix ships.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../src/core';
import { FIX_ALL_KIND as SERVER_FIX_ALL_KIND, SHOW_RULE_DOC_COMMAND } from '../src/server/actions';
import { SETTINGS as SERVER_SETTINGS, SETTINGS_SECTION as SERVER_SECTION } from '../src/server/settings';
import { COMMANDS, EXTENSION_ID, FIX_ALL_KIND, LANGUAGES, RULE_IDS, SETTINGS, SETTINGS_SECTION } from '../src/extension/registry';

const ROOT = path.resolve(__dirname, '..');

interface Manifest {
  name: string;
  publisher: string;
  main: string;
  engines: Record<string, string>;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string } };
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, unknown> };
    codeActions: { languages: string[]; actions: { kind: string }[] }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

/** The client's sources but the registry, concatenated. */
function extensionSources(): string {
  const dir = path.join(ROOT, 'src', 'extension');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && name !== 'registry.ts')
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
}

describe('manifest: package.json and the code agree', () => {
  describe('identity and activation', () => {
    it('the extension id is publisher.name', () => {
      assert.equal(`${manifest.publisher}.${manifest.name}`, EXTENSION_ID);
    });

    it('main is the bundled client', () => {
      assert.equal(manifest.main, './dist/extension.js');
    });

    it('engines.vscode is ^1.91.0 and @types/vscode is not newer (vsce refuses that)', () => {
      assert.equal(manifest.engines.vscode, '^1.91.0');
      assert.match(manifest.devDependencies['@types/vscode'] ?? '', /^1\.91\.\d+$/);
    });

    it('activates on the four languages the client serves', () => {
      assert.deepEqual(manifest.activationEvents, LANGUAGES.map((language) => `onLanguage:${language}`));
    });

    it('supports untrusted workspaces in a limited way', () => {
      assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    });
  });

  describe('commands', () => {
    it('contributes.commands is the registry, both ways, with titles and categories', () => {
      assert.deepEqual(
        manifest.contributes.commands,
        Object.values(COMMANDS).map((command) => ({ command: command.id, title: command.title, category: command.category })),
      );
    });

    it('the client registers commands only through the registry', () => {
      const sources = extensionSources();
      assert.match(sources, /Object\.entries\(COMMANDS\)\.map\(\(\[key, spec\]\) =>\s*vscode\.commands\.registerCommand\(spec\.id/);
      assert.equal((sources.match(/registerCommand\(/g) ?? []).length, 1, 'one registerCommand call, over the registry');
      const literals = new Set(sources.match(/'asyncLens\.[A-Za-z]+'/g) ?? []);
      assert.deepEqual([...literals], [], 'no command id is spelled outside registry.ts');
    });

    it("the server's Learn command is one the client registers", () => {
      assert.ok(Object.values(COMMANDS).some((command) => command.id === SHOW_RULE_DOC_COMMAND));
    });
  });

  describe('settings', () => {
    const contributed = manifest.contributes.configuration.properties;

    it('contributes.configuration is the client registry, both ways', () => {
      assert.deepEqual(
        contributed,
        Object.fromEntries(Object.entries(SETTINGS).map(([key, schema]) => [`${SETTINGS_SECTION}.${key}`, schema])),
      );
    });

    it("the client's settings are the server's (names, types, defaults, allowed values), both ways", () => {
      assert.equal(SETTINGS_SECTION, SERVER_SECTION);
      assert.deepEqual(Object.keys(SETTINGS).sort(), Object.keys(SERVER_SETTINGS).sort());
      for (const [key, server] of Object.entries(SERVER_SETTINGS)) {
        const client = SETTINGS[key as keyof typeof SETTINGS];
        assert.equal(client.type, server.type, `${key}: type`);
        assert.deepEqual(client.default, server.default, `${key}: default`);
        assert.deepEqual('enum' in client ? client.enum : undefined, server.enum, `${key}: enum`);
      }
    });

    it('every setting has a description', () => {
      for (const [key, schema] of Object.entries(SETTINGS)) {
        const text = 'description' in schema ? schema.description : 'markdownDescription' in schema ? schema.markdownDescription : '';
        assert.ok(text && text.length > 10, `${key} has a description`);
      }
    });

    it("asyncLens.rules lists exactly the core's rules", () => {
      assert.deepEqual([...RULE_IDS].sort(), RULES.map((rule) => rule.meta.id).sort());
      assert.deepEqual(Object.keys(SETTINGS.rules.properties).sort(), [...RULE_IDS].sort());
    });
  });

  describe('code actions', () => {
    it('the fix-all kind is the server’s, and is contributed for the four languages', () => {
      assert.equal(FIX_ALL_KIND, SERVER_FIX_ALL_KIND);
      const [entry] = manifest.contributes.codeActions;
      assert.deepEqual(entry?.languages, [...LANGUAGES]);
      assert.ok(entry?.actions.some((action) => action.kind === FIX_ALL_KIND));
    });
  });

  describe('packaging', () => {
    it('the .vsix ships only the bundles, the rule docs, the examples, the snippets, grammar, strings and media, README, LICENSE and package.json', function () {
      this.timeout(60_000);
      if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) this.skip();
      const listed = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package-vsix.mjs'), '--ls'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(listed.status, 0, listed.stderr);
      const files = listed.stdout.split('\n').map((line) => line.trim()).filter(Boolean).sort();
      const allowed = /^(package\.json|package\.nls(\.[a-z-]+)?\.json|README\.md|LICENSE|dist\/(extension|server)\.js|docs\/(zh-cn\/)?rules\/[a-z-]+\.md|docs\/rules\/README\.md|examples\/.+|snippets\/[a-z-]+\.code-snippets|syntaxes\/[a-z.-]+\.tmLanguage\.json|l10n\/bundle\.l10n\.[a-z-]+\.json|media\/.+)$/;
      assert.deepEqual(files.filter((file) => !allowed.test(file)), [], 'nothing else ships');
      for (const required of ['package.json', 'README.md', 'LICENSE', 'dist/extension.js', 'dist/server.js', 'examples/02-gather.ts']) {
        assert.ok(files.includes(required), `${required} ships`);
      }
      for (const rule of RULE_IDS) assert.ok(files.includes(`docs/rules/${rule}.md`), `docs/rules/${rule}.md ships`);
    });
  });
});
