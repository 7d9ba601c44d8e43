// Rule docs: their one stable address (built from `package.json` `repository`) and the sections
// hovers quote, read from the bundled `docs/rules/<id>.md` (`docs/zh-cn/rules/<id>.md` in Chinese).
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Locale } from '../core/messages';

/**
 * The headings of a Chinese rule doc and the English ones they stand for, in the docs' order.
 * Sections are looked up by their English heading, so one parser reads both languages.
 */
export const ZH_CN_DOC_HEADINGS: Readonly<Record<string, string>> = {
  报告什么: 'What it flags',
  为什么重要: 'Why it matters',
  错误示例: 'Incorrect',
  正确示例: 'Correct',
  快速修复及其安全性: 'Quick fixes and their safety',
  选项: 'Options',
  局限: 'Limitations',
  '与 asyncio 的对照': 'The asyncio analogue',
  延伸阅读: 'Further reading',
};

/** The folder of a locale's rule docs, as path segments from the package (or repository) root. */
export function ruleDocSegments(locale: Locale): string[] {
  return locale === 'en' ? ['docs', 'rules'] : ['docs', locale, 'rules'];
}

/** The folder of a locale's rule docs, relative to the package root. */
export function ruleDocFolder(locale: Locale): string {
  return path.join(...ruleDocSegments(locale));
}

/** The folder holding `package.json` and `docs/`: `dist/..` when bundled, `src/server/../..` from source. */
export function findPackageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'docs', 'rules'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(from, '..');
    dir = parent;
  }
}

/** The repository's web address from `package.json` (`git+…` and `.git` stripped). */
export function repositoryUrl(packageRoot: string): string {
  const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {
    repository?: string | { url?: string };
  };
  const raw = typeof manifest.repository === 'string' ? manifest.repository : (manifest.repository?.url ?? '');
  return raw.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/$/, '');
}

/**
 * The address of a rule's doc: `<repository>/blob/main/docs/rules/<id>.md`, or the translation's
 * (`docs/zh-cn/rules/<id>.md`) when a locale is given. The one place it is built.
 */
export function ruleDocUrl(repository: string, ruleId: string, locale: Locale = 'en'): string {
  return `${repository}/blob/main/${ruleDocSegments(locale).join('/')}/${ruleId}.md`;
}

/** The sections of a rule doc that hovers use; a section missing or still a TODO is undefined. */
export interface RuleDoc {
  whatItFlags?: string;
  whyItMatters?: string;
  asyncioAnalogue?: string;
}

/** Reads rule docs from the package's `docs/rules` (and its translations), each once. */
export class RuleDocs {
  private readonly loaded = new Map<string, Promise<RuleDoc>>();

  constructor(private readonly packageRoot: string) {}

  /**
   * The doc of a rule in `locale`; a section the translation lacks comes from the English doc, and
   * an unreadable doc yields no sections. Never rejects.
   */
  get(ruleId: string, locale: Locale = 'en'): Promise<RuleDoc> {
    const key = `${locale}:${ruleId}`;
    let doc = this.loaded.get(key);
    if (!doc) {
      const file = path.join(this.packageRoot, ruleDocFolder(locale), `${path.basename(ruleId)}.md`);
      const own = readFile(file, 'utf8').then(parseRuleDoc, (): RuleDoc => ({}));
      doc = locale === 'en' ? own : Promise.all([own, this.get(ruleId, 'en')]).then(([translated, english]) => ({ ...english, ...translated }));
      this.loaded.set(key, doc);
    }
    return doc;
  }
}

/** Splits a rule doc (English, or Chinese with `ZH_CN_DOC_HEADINGS`) into the sections hovers quote. */
export function parseRuleDoc(markdown: string): RuleDoc {
  const sections = new Map<string, string>();
  let heading: string | undefined;
  let body: string[] = [];
  let inFence = false;
  const flush = (): void => {
    if (heading !== undefined) sections.set((ZH_CN_DOC_HEADINGS[heading] ?? heading).toLowerCase(), body.join('\n').trim());
  };
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const match = inFence ? null : /^##\s+(.+?)\s*$/.exec(line);
    if (match) {
      flush();
      heading = match[1]!;
      body = [];
    } else body.push(line);
  }
  flush();
  const usable = (text: string | undefined): string | undefined => (text && !text.startsWith('TODO') ? text : undefined);
  const doc: RuleDoc = {};
  const what = usable(firstParagraph(sections.get('what it flags')));
  const why = usable(firstParagraph(sections.get('why it matters')));
  const analogue = usable(sections.get('the asyncio analogue'));
  if (what) doc.whatItFlags = what;
  if (why) doc.whyItMatters = why;
  if (analogue) doc.asyncioAnalogue = analogue;
  return doc;
}

/** The text up to the first blank line. */
function firstParagraph(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text.split(/\n\s*\n/)[0]!.trim();
}
