// The lesson hover: on `Promise.all/allSettled/race/any` (the global `Promise`) and on the `await`
// keyword, the lesson from the core, in the server's locale, its asyncio part shown or hidden by
// `asyncLens.showAsyncioAnalogues`. It reads the open document's current tree: no parse here.
import ts = require('typescript');
import type * as TS from 'typescript';
import type { Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findLesson, lessonMarkdown } from '../core/lessons';
import { toRange } from './convert';

/** The lesson hover at `offset` of a document whose tree is `sourceFile`, or null when none applies. */
export function lessonHover(sourceFile: TS.SourceFile, text: TextDocument, offset: number, locale: string, showAsyncio: boolean): Hover | null {
  const lesson = findLesson(ts, sourceFile, offset);
  if (!lesson) return null;
  return {
    contents: { kind: 'markdown', value: lessonMarkdown(lesson.id, locale, showAsyncio) },
    range: toRange(text, lesson.start, lesson.end),
  };
}
