// Shared by the snippet tests: the snippet files, and the parser and expander of scripts/snippets.mjs
// (loaded with import(), as the script is an ES module without type declarations).
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository root. */
export const ROOT = path.join(__dirname, '..', '..');

/** The prefixes the teaching issue lists; each must start at least one snippet in each file. */
export const REQUIRED_PREFIXES = [
  'async-task',
  'async-gather',
  'async-gather-settled',
  'async-wait-first',
  'async-wait-timeout',
  'async-as-completed',
  'async-queue',
  'async-producer-consumer',
  'async-priority-queue',
  'async-lifo-queue',
  'async-semaphore',
  'async-timeout',
  'async-open-connection',
];

/** One node of a parsed snippet body (see `parseSnippet` in scripts/snippets.mjs). */
export type SnippetNode =
  | { kind: 'text'; value: string; start: number; end: number }
  | { kind: 'tabstop'; index: number; start: number; end: number }
  | { kind: 'placeholder'; index: number; children: SnippetNode[]; start: number; end: number }
  | { kind: 'choice'; index: number; options: string[]; start: number; end: number }
  | { kind: 'variable'; name: string; children?: SnippetNode[]; start: number; end: number };

/** Tab-stop number -> the text to insert there instead of its default. */
export type Overrides = Readonly<Record<number, string>>;

/** What the tests use of scripts/snippets.mjs. */
export interface SnippetsScript {
  parseSnippet(source: string): SnippetNode[];
  expandSnippet(nodes: SnippetNode[], overrides?: Overrides): { text: string };
  printSnippet(nodes: SnippetNode[]): string;
  walkSnippet(nodes: SnippetNode[]): SnippetNode[];
  tabStopOrder(nodes: SnippetNode[]): number[];
  toJavaScriptBody(body: string): string;
  generateJavaScript(typescriptText: string): string;
}

/** One entry of a `.code-snippets` file. */
export interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

/** Loads scripts/snippets.mjs. */
export async function loadScript(): Promise<SnippetsScript> {
  const loaded: unknown = await import(pathToFileURL(path.join(ROOT, 'scripts', 'snippets.mjs')).href);
  return loaded as SnippetsScript;
}

/** Reads one of the snippet files: `typescript` or `javascript`. */
export async function readSnippets(language: 'typescript' | 'javascript'): Promise<Record<string, Snippet>> {
  const text = await readFile(path.join(ROOT, 'snippets', `${language}.code-snippets`), 'utf8');
  return JSON.parse(text) as Record<string, Snippet>;
}

/** A snippet's body as VS Code inserts it before expansion: its lines joined with newlines. */
export function bodyOf(snippet: Snippet): string {
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

/** A snippet's prefixes as a list. */
export function prefixesOf(snippet: Snippet): string[] {
  return Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
}
