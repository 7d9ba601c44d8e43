// Every locale says the same things: the core catalogs have the same ids and placeholders, the
// manifest's nls files and the client's l10n bundle have the same keys and placeholders, and every
// rule has an English and a Chinese doc with the same sections and the very same code blocks.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/core';
import { catalog, format, LOCALES, matchLocale } from '../../src/core/messages';
import { parseRuleDoc, ZH_CN_DOC_HEADINGS } from '../../src/server/rule-docs';
import { analyzeText } from '../support/harness';

const ROOT = path.join(__dirname, '..', '..');

/** The `{name}` placeholders of a core message, sorted. */
function namedPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

/** The `{0}` placeholders of a `vscode.l10n` string, sorted. */
function indexedPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{(\d+)\}/g)].map((match) => match[1]!).sort();
}

/** The spans in backticks: code that a translation keeps as it is. */
function codeSpans(text: string): string[] {
  return [...text.matchAll(/`[^`]+`/g)].map((match) => match[0]).sort();
}

function readJson(file: string): Record<string, string> {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
}

/** Whether a text has Chinese characters in it. */
function isChinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}

describe('locales: the core catalogs', () => {
  const english = catalog('en');

  it('has English and Simplified Chinese', () => {
    assert.deepEqual(LOCALES, ['en', 'zh-cn']);
  });

  for (const locale of LOCALES.filter((other) => other !== 'en')) {
    const translated = catalog(locale);

    it(`${locale} has exactly the message ids of English`, () => {
      assert.deepEqual(Object.keys(translated).filter((id) => !(id in english)), [], `ids only in ${locale}`);
      assert.deepEqual(Object.keys(english).filter((id) => !(id in translated)), [], `ids missing from ${locale}`);
    });

    it(`${locale} uses the same placeholders and the same code spans in every message`, () => {
      for (const [id, text] of Object.entries(english)) {
        const other = translated[id] ?? '';
        assert.deepEqual(namedPlaceholders(other), namedPlaceholders(text), `${id}: placeholders`);
        assert.deepEqual(codeSpans(other).filter((span) => !codeSpans(text).includes(span)), [], `${id}: code spans the English does not have`);
      }
    });

    it(`${locale} translates every message (none is the English text)`, () => {
      assert.deepEqual(Object.keys(english).filter((id) => translated[id] === english[id]), []);
    });
  }

  it('formats a Chinese message with its data, and falls back to English for an id only English has', () => {
    assert.equal(format('zh-cn', 'unused-suppression', { rule: 'await-in-loop' }), '这条对 `await-in-loop` 的抑制注释没有抑制任何问题。');
    assert.equal(format('ZH-CN', 'fix.add-await', {}), '添加 `await`');
    assert.equal(format('fr', 'fix.add-await', {}), 'Add `await`');
    assert.equal(format('zh-cn', 'no-such-message', {}), 'no-such-message');
  });

  it('matches language tags to a catalog: Simplified Chinese tags to zh-cn, the rest to English', () => {
    const cases: [string | undefined, string][] = [
      ['zh-cn', 'zh-cn'],
      ['zh-CN', 'zh-cn'],
      ['zh_CN', 'zh-cn'],
      ['zh', 'zh-cn'],
      ['zh-Hans', 'zh-cn'],
      ['zh-Hans-SG', 'zh-cn'],
      ['zh-sg', 'zh-cn'],
      ['zh-tw', 'en'],
      ['zh-Hant', 'en'],
      ['en-US', 'en'],
      ['de', 'en'],
      ['', 'en'],
      [undefined, 'en'],
    ];
    assert.deepEqual(
      cases.map(([tag]) => [tag, matchLocale(tag)]),
      cases,
    );
  });

  it('the analyzer reports in Chinese under locale zh-cn: message, why-note and fix titles', () => {
    const [finding] = analyzeText('async function load() {}\nasync function main() {\n  load();\n}\n', 'test.ts', { locale: 'zh-cn' });
    assert.equal(finding?.message, '`load(…)` 返回的 promise 被丢弃了：没有被 await、return，也没有拒绝处理函数。');
    assert.equal(finding?.finding.why, catalog('zh-cn')['floating-promise.floating.why']);
    assert.deepEqual(
      finding?.finding.fixes.map((fix) => fix.title),
      ['添加 `await`', '返回这个 promise', '添加 `.catch((error) => …)`', '用 `void` 标明是有意忽略'],
    );
  });
});

describe('locales: the manifest (package.nls) and the client (l10n bundles)', () => {
  const english = readJson('package.nls.json');
  const nlsFiles = readdirSync(ROOT).filter((name) => /^package\.nls\.[a-z-]+\.json$/.test(name));

  it('package.nls.json has a Chinese translation', () => {
    assert.deepEqual(nlsFiles, ['package.nls.zh-cn.json']);
  });

  for (const file of nlsFiles) {
    it(`${file} has exactly the keys of package.nls.json, each translated, with the same code spans`, () => {
      const translated = readJson(file);
      assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort());
      for (const [key, text] of Object.entries(english)) {
        assert.notEqual(translated[key], text, `${key} is not translated`);
        assert.deepEqual(codeSpans(translated[key]!), codeSpans(text), `${key}: code spans`);
      }
    });
  }

  /** Every string the client passes to `vscode.l10n.t`, with its arguments' count. */
  function clientStrings(): { text: string; args: number }[] {
    const dir = path.join(ROOT, 'src', 'extension');
    const found: { text: string; args: number }[] = [];
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
      const source = readFileSync(path.join(dir, name), 'utf8');
      for (const match of source.matchAll(/vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'([^;]*?)\)[,;)\s]/g)) {
        const args = match[2]!.split(',').filter((part) => part.trim().length > 0).length;
        found.push({ text: match[1]!.replace(/\\'/g, "'"), args });
      }
    }
    return found;
  }

  it('the client wraps its notifications and prompts in vscode.l10n.t, with one argument per placeholder', () => {
    const strings = clientStrings();
    assert.ok(strings.length >= 6, JSON.stringify(strings));
    for (const { text, args } of strings) assert.equal(indexedPlaceholders(text).length, args, text);
  });

  const bundles = readdirSync(path.join(ROOT, 'l10n')).filter((name) => /^bundle\.l10n\.[a-z-]+\.json$/.test(name));

  it('the client has a Chinese bundle', () => {
    assert.deepEqual(bundles, ['bundle.l10n.zh-cn.json']);
  });

  for (const bundle of bundles) {
    it(`l10n/${bundle} translates exactly the client's strings, with the same placeholders`, () => {
      const translated = readJson(path.join('l10n', bundle));
      const keys = clientStrings().map(({ text }) => text);
      assert.deepEqual(Object.keys(translated).sort(), [...new Set(keys)].sort());
      for (const [key, text] of Object.entries(translated)) {
        assert.ok(isChinese(text), `${key} is not translated`);
        assert.deepEqual(indexedPlaceholders(text), indexedPlaceholders(key), `${key}: placeholders`);
      }
    });
  }
});

/** One `##` section of a rule doc: its heading (in English) and its fenced code blocks. */
interface DocSection {
  heading: string;
  blocks: string[];
}

/** A doc's title line and its `##` sections, Chinese headings mapped to English ones. */
function docOutline(markdown: string, headings: Readonly<Record<string, string>> = {}): { title: string; sections: DocSection[] } {
  const lines = markdown.split(/\r?\n/);
  const sections: DocSection[] = [];
  let fence: string[] | undefined;
  for (const line of lines) {
    if (fence) {
      fence.push(line);
      if (/^```\s*$/.test(line)) {
        sections[sections.length - 1]?.blocks.push(fence.join('\n'));
        fence = undefined;
      }
      continue;
    }
    if (/^```/.test(line)) fence = [line];
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading) sections.push({ heading: headings[heading[1]!] ?? `(unmapped) ${heading[1]!}`, blocks: [] });
  }
  return { title: lines[0] ?? '', sections };
}

describe('locales: the rule docs', () => {
  const english = (id: string): string => readFileSync(path.join(ROOT, 'docs', 'rules', `${id}.md`), 'utf8');
  const chinese = (id: string): string => readFileSync(path.join(ROOT, 'docs', 'zh-cn', 'rules', `${id}.md`), 'utf8');
  const identity = Object.fromEntries(Object.values(ZH_CN_DOC_HEADINGS).map((heading) => [heading, heading]));

  it('every rule has both docs, and docs/zh-cn/rules has no other doc', () => {
    const ids = RULES.map((rule) => rule.meta.id).sort();
    for (const id of ids) {
      assert.ok(existsSync(path.join(ROOT, 'docs', 'rules', `${id}.md`)), `docs/rules/${id}.md`);
      assert.ok(existsSync(path.join(ROOT, 'docs', 'zh-cn', 'rules', `${id}.md`)), `docs/zh-cn/rules/${id}.md`);
    }
    assert.deepEqual(readdirSync(path.join(ROOT, 'docs', 'zh-cn', 'rules')).sort(), ids.map((id) => `${id}.md`));
  });

  it('the Chinese headings map one to one onto the English ones', () => {
    assert.equal(new Set(Object.values(ZH_CN_DOC_HEADINGS)).size, Object.keys(ZH_CN_DOC_HEADINGS).length);
    assert.ok(Object.keys(ZH_CN_DOC_HEADINGS).every(isChinese));
  });

  for (const rule of RULES) {
    const id = rule.meta.id;

    it(`${id}: the Chinese doc has the English doc's title and sections, in order`, () => {
      const en = docOutline(english(id), identity);
      const zh = docOutline(chinese(id), ZH_CN_DOC_HEADINGS);
      assert.equal(zh.title, en.title);
      assert.deepEqual(zh.sections.map((section) => section.heading), en.sections.map((section) => section.heading));
    });

    it(`${id}: the Chinese doc's code blocks are the English ones, section by section`, () => {
      const en = docOutline(english(id), identity);
      const zh = docOutline(chinese(id), ZH_CN_DOC_HEADINGS);
      assert.ok(en.sections.some((section) => section.blocks.length > 0));
      assert.deepEqual(zh.sections, en.sections);
    });

    it(`${id}: hovers find the Chinese doc's sections, in Chinese`, () => {
      const doc = parseRuleDoc(chinese(id));
      assert.ok(doc.whatItFlags && isChinese(doc.whatItFlags), 'What it flags');
      assert.ok(doc.whyItMatters && isChinese(doc.whyItMatters), 'Why it matters');
      assert.ok(doc.asyncioAnalogue && isChinese(doc.asyncioAnalogue), 'The asyncio analogue');
    });
  }
});
