// Rule docs: their one stable address (built from `package.json` `repository`) and the sections
// hovers quote, read from the bundled `docs/rules/<id>.md`.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

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

/** The address of a rule's doc: `<repository>/blob/main/docs/rules/<id>.md`. The one place it is built. */
export function ruleDocUrl(repository: string, ruleId: string): string {
  return `${repository}/blob/main/docs/rules/${ruleId}.md`;
}

/** The sections of a rule doc that hovers use; a section missing or still a TODO is undefined. */
export interface RuleDoc {
  whatItFlags?: string;
  whyItMatters?: string;
  asyncioAnalogue?: string;
}

/** Reads rule docs from the package's `docs/rules`, each once. */
export class RuleDocs {
  private readonly loaded = new Map<string, Promise<RuleDoc>>();

  constructor(private readonly packageRoot: string) {}

  /** The doc of a rule; an unreadable doc yields no sections. Never rejects. */
  get(ruleId: string): Promise<RuleDoc> {
    let doc = this.loaded.get(ruleId);
    if (!doc) {
      const file = path.join(this.packageRoot, 'docs', 'rules', `${path.basename(ruleId)}.md`);
      doc = readFile(file, 'utf8').then(parseRuleDoc, (): RuleDoc => ({}));
      this.loaded.set(ruleId, doc);
    }
    return doc;
  }
}

/** Splits a rule doc into the sections hovers quote. */
export function parseRuleDoc(markdown: string): RuleDoc {
  const sections = new Map<string, string>();
  let heading: string | undefined;
  let body: string[] = [];
  let inFence = false;
  const flush = (): void => {
    if (heading !== undefined) sections.set(heading.toLowerCase(), body.join('\n').trim());
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
