// package.json `contributes` and the code agree in both directions: the client's registry
// (src/extension/registry.ts), the server's settings registry, the core's rules, and what the .vsix ships.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../src/core';
import { FIX_ALL_KIND as SERVER_FIX_ALL_KIND, SHOW_RULE_DOC_COMMAND } from '../src/server/actions';
import { SETTINGS as SERVER_SETTINGS, SETTINGS_SECTION as SERVER_SECTION } from '../src/server/settings';
import { fixedContextKey, insertSnippetCommand, LESSONS, openLessonCommand, WALKTHROUGH_ID } from '../src/extension/lessons';
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
    walkthroughs: {
      id: string;
      title: string;
      steps: { id: string; title: string; description: string; media: { markdown: string }; completionEvents: string[] }[];
    }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

/** The English texts of the manifest's `%key%` placeholders. */
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** A `%key%` placeholder's key, or undefined for any other string. */
function placeholderKey(value: string): string | undefined {
  return /^%([^%\s]+)%$/.exec(value)?.[1];
}

/** A copy of `value` with each `%key%` replaced by its English text (an unknown key is left as it is). */
function resolveNls<T>(value: T): T {
  if (typeof value === 'string') {
    const key = placeholderKey(value);
    return (key !== undefined && key in nls ? nls[key] : value) as T;
  }
  if (Array.isArray(value)) return value.map(resolveNls) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, resolveNls(inner)])) as T;
  }
  return value;
}

/** Every `%key%` placeholder in `value`, with the JSON path where it sits. */
function placeholders(value: unknown, at = ''): { key: string; at: string }[] {
  if (typeof value === 'string') {
    const key = placeholderKey(value);
    return key === undefined ? [] : [{ key, at }];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([name, inner]) => placeholders(inner, `${at}.${name}`));
  }
  return [];
}

/** package.json as VS Code shows it in English: placeholders resolved through package.nls.json. */
const localized = resolveNls(manifest);

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
        localized.contributes.commands,
        Object.values(COMMANDS).map((command) => ({ command: command.id, title: command.title, category: command.category })),
      );
    });

    it('the client registers commands only through the registry', () => {
      const sources = extensionSources();
      assert.match(sources, /Object\.entries\(COMMANDS\)\.map\(\(\[key, spec\]\) =>\s*vscode\.commands\.registerCommand\(spec\.id/);
      // The other one registers the walkthrough's lesson commands, whose ids lessons.ts builds.
      assert.match(sources, /LESSONS\.flatMap\([\s\S]*?\]\)\.map\(\(\[id, handler\]\) => vscode\.commands\.registerCommand\(id, handler\)\)/);
      assert.equal((sources.match(/registerCommand\(/g) ?? []).length, 2, 'one registerCommand call over the registry, one over the lessons');
      const literals = new Set(sources.match(/'asyncLens\.[A-Za-z]+'/g) ?? []);
      assert.deepEqual([...literals], [], 'no command id is spelled outside registry.ts');
    });

    it("the server's Learn command is one the client registers", () => {
      assert.ok(Object.values(COMMANDS).some((command) => command.id === SHOW_RULE_DOC_COMMAND));
    });
  });

  describe('settings', () => {
    const contributed = localized.contributes.configuration.properties;

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

  describe('localized strings (package.nls.json)', () => {
    it('every command title, setting description and code action text is a %key% placeholder', () => {
      const texts: { at: string; value: unknown }[] = [];
      manifest.contributes.commands.forEach((command, i) => texts.push({ at: `commands[${i}].title`, value: command.title }));
      const collect = (schema: Record<string, unknown>, at: string): void => {
        for (const field of ['description', 'markdownDescription']) {
          if (field in schema) texts.push({ at: `${at}.${field}`, value: schema[field] });
        }
        const enums = schema.enumDescriptions;
        if (Array.isArray(enums)) enums.forEach((value, i) => texts.push({ at: `${at}.enumDescriptions[${i}]`, value }));
        for (const [name, inner] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) collect(inner, `${at}.${name}`);
      };
      for (const [name, schema] of Object.entries(manifest.contributes.configuration.properties)) collect(schema as Record<string, unknown>, name);
      manifest.contributes.codeActions.forEach((entry, i) =>
        entry.actions.forEach((action, j) => {
          const { title, description } = action as { title?: unknown; description?: unknown };
          texts.push({ at: `codeActions[${i}].actions[${j}].title`, value: title }, { at: `codeActions[${i}].actions[${j}].description`, value: description });
        }),
      );
      assert.ok(texts.length > 20, `found ${texts.length} texts`);
      const plain = texts.filter(({ value }) => typeof value !== 'string' || placeholderKey(value) === undefined).map(({ at }) => at);
      assert.deepEqual(plain, [], 'texts spelled in package.json instead of package.nls.json');
    });

    it('every placeholder has an English text, and package.nls.json has no unused key', () => {
      const used = placeholders(manifest);
      assert.deepEqual(used.filter(({ key }) => !(key in nls)), [], 'placeholders without a text in package.nls.json');
      const keys = new Set(used.map(({ key }) => key));
      assert.deepEqual(Object.keys(nls).filter((key) => !keys.has(key)), [], 'keys of package.nls.json that package.json does not use');
    });

    it('the manifest asks VS Code for the client bundles in l10n/', () => {
      assert.equal((manifest as unknown as { l10n?: string }).l10n, './l10n');
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

  describe('walkthrough', () => {
    const walkthrough = manifest.contributes.walkthroughs[0]!;
    const zh = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;

    it('has one step per lesson, in order, and a "fix the mistake" step after each lesson with a rule', () => {
      assert.equal(walkthrough.id, WALKTHROUGH_ID);
      assert.equal(resolveNls(walkthrough.title), 'Async TypeScript for asyncio users');
      const expected = LESSONS.flatMap((lesson) => [
        { id: lesson.id, events: [lesson.example ? `onCommand:${openLessonCommand(lesson)}` : `onCommand:${insertSnippetCommand(lesson)}`] },
        ...(lesson.rule ? [{ id: `${lesson.id}Fix`, events: [`onContext:${fixedContextKey(lesson)}`] }] : []),
      ]);
      assert.deepEqual(
        walkthrough.steps.map((step) => ({ id: step.id, events: step.completionEvents })),
        expected,
      );
    });

    it('every button runs a lesson command the client registers, in both languages', () => {
      const registered = new Set(LESSONS.flatMap((lesson) => [
        ...(lesson.example ? [openLessonCommand(lesson)] : []),
        ...(lesson.snippet ? [insertSnippetCommand(lesson)] : []),
      ]));
      for (const step of walkthrough.steps) {
        const key = placeholderKey(step.description);
        assert.ok(key, `${step.id}: the description is localized`);
        for (const text of [nls[key], zh[key]]) {
          assert.ok(text, `${step.id}: ${key} has an English and a Chinese text`);
          const commands = [...text.matchAll(/\]\(command:([^)?]+)\)/g)].map((match) => match[1]!);
          assert.ok(commands.length > 0, `${step.id}: has a button`);
          for (const command of commands) assert.ok(registered.has(command), `${step.id}: ${command} is registered`);
        }
      }
    });

    it('the media exist, the snippets are in the snippet file, and each rule lesson\'s example shows its mistake', () => {
      for (const step of walkthrough.steps) assert.ok(fs.existsSync(path.join(ROOT, step.media.markdown)), step.media.markdown);
      const snippets = fs.readFileSync(path.join(ROOT, 'snippets', 'typescript.code-snippets'), 'utf8');
      for (const lesson of LESSONS) {
        if (lesson.snippet) assert.ok(snippets.includes(`${JSON.stringify(lesson.snippet)}: {`), `snippet ${lesson.snippet}`);
        if (!lesson.example) continue;
        const example = fs.readFileSync(path.join(ROOT, 'examples', lesson.example), 'utf8');
        if (lesson.rule) assert.match(example, new RegExp(`// ${lesson.rule}\\n`), `${lesson.example} marks its ${lesson.rule} line`);
      }
    });
  });

  describe('packaging', () => {
    it('the .vsix ships only the bundles, the rule docs, the examples, the snippets, grammar, strings and media, README, LICENSE and package.json', function () {
      this.timeout(60_000);
      if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) this.skip();
      const listed = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package-vsix.mjs'), '--ls'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(listed.status, 0, listed.stderr);
      const files = listed.stdout.split('\n').map((line) => line.trim()).filter(Boolean).sort();
      const allowed = /^(package\.json|package\.nls(\.[a-z-]+)?\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/(extension|server)\.js|docs\/(zh-cn\/)?rules\/[a-z-]+\.md|docs\/rules\/README\.md|examples\/.+|snippets\/[a-z-]+\.code-snippets|syntaxes\/[a-z.-]+\.tmLanguage\.json|l10n\/bundle\.l10n\.[a-z-]+\.json|media\/.+|schemas\/[a-z.-]+\.schema\.json)$/;
      assert.deepEqual(files.filter((file) => !allowed.test(file)), [], 'nothing else ships');
      for (const required of ['package.json', 'README.md', 'LICENSE', 'dist/extension.js', 'dist/server.js', 'examples/02-gather.ts']) {
        assert.ok(files.includes(required), `${required} ships`);
      }
      for (const rule of RULE_IDS) assert.ok(files.includes(`docs/rules/${rule}.md`), `docs/rules/${rule}.md ships`);
    });
  });
});
