// JSON text to values that remember where they were written, so that a config error can name the
// line and column of the key or value at fault. TypeScript's own JSON parser does the scanning.
import ts = require('typescript');
import type * as TS from 'typescript';
import { ConfigError } from './errors';

/** A 1-based line and column (UTF-16 code units, as editors count). */
export interface Position {
  line: number;
  column: number;
}

/** A JSON value with the position of its first character. */
export type JsonNode =
  | { kind: 'object'; at: Position; entries: JsonEntry[] }
  | { kind: 'array'; at: Position; items: JsonNode[] }
  | { kind: 'string'; at: Position; value: string }
  | { kind: 'number'; at: Position; value: number }
  | { kind: 'boolean'; at: Position; value: boolean }
  | { kind: 'null'; at: Position };

/** One `"key": value` of an object, with where the key was written. */
export interface JsonEntry {
  key: string;
  keyAt: Position;
  value: JsonNode;
}

/**
 * Parses JSON text (comments and trailing commas allowed, as in `tsconfig.json`). A syntax error,
 * a single-quoted string or an unquoted key throws a `ConfigError` at its position; `keyPath`
 * names the key being read when the error is inside a value.
 */
export function parseJson(file: string, text: string): JsonNode {
  const source = ts.parseJsonText(file, text);
  // parseDiagnostics is internal to TypeScript but stable since 2.x; it holds the syntax errors.
  const syntax = (source as unknown as { parseDiagnostics?: readonly TS.Diagnostic[] }).parseDiagnostics ?? [];
  const first = syntax[0];
  if (first) {
    const message = ts.flattenDiagnosticMessageText(first.messageText, ' ').replace(/\.$/, '');
    throw new ConfigError(file, positionOf(source, first.start ?? 0), '', `invalid JSON: ${lowerFirst(message)}`);
  }
  const statement = source.statements[0];
  if (!statement) throw new ConfigError(file, { line: 1, column: 1 }, '', 'invalid JSON: the file is empty');
  return toNode(file, source, statement.expression, '');
}

/** The 1-based position of an offset. */
function positionOf(source: TS.SourceFile, offset: number): Position {
  const { line, character } = source.getLineAndCharacterOfPosition(offset);
  return { line: line + 1, column: character + 1 };
}

function toNode(file: string, source: TS.SourceFile, node: TS.Expression, keyPath: string): JsonNode {
  const at = positionOf(source, node.getStart(source));
  switch (node.kind) {
    case ts.SyntaxKind.ObjectLiteralExpression: {
      const entries: JsonEntry[] = [];
      for (const property of (node as TS.ObjectLiteralExpression).properties) {
        const keyAt = positionOf(source, property.getStart(source));
        if (!ts.isPropertyAssignment(property) || !ts.isStringLiteral(property.name) || !isDoubleQuoted(source, property.name)) {
          throw new ConfigError(file, keyAt, keyPath, 'invalid JSON: a key must be a string in double quotes');
        }
        const key = property.name.text;
        if (entries.some((entry) => entry.key === key)) {
          throw new ConfigError(file, keyAt, joinKey(keyPath, key), `duplicate key "${key}"`);
        }
        entries.push({ key, keyAt, value: toNode(file, source, property.initializer, joinKey(keyPath, key)) });
      }
      return { kind: 'object', at, entries };
    }
    case ts.SyntaxKind.ArrayLiteralExpression:
      return {
        kind: 'array',
        at,
        items: (node as TS.ArrayLiteralExpression).elements.map((item, index) => toNode(file, source, item, `${keyPath}[${index}]`)),
      };
    case ts.SyntaxKind.StringLiteral:
      if (!isDoubleQuoted(source, node)) throw new ConfigError(file, at, keyPath, 'invalid JSON: a string must be in double quotes');
      return { kind: 'string', at, value: (node as TS.StringLiteral).text };
    case ts.SyntaxKind.NumericLiteral:
      return { kind: 'number', at, value: Number((node as TS.NumericLiteral).text) };
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const unary = node as TS.PrefixUnaryExpression;
      if (unary.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(unary.operand)) {
        return { kind: 'number', at, value: -Number(unary.operand.text) };
      }
      break;
    }
    case ts.SyntaxKind.TrueKeyword:
      return { kind: 'boolean', at, value: true };
    case ts.SyntaxKind.FalseKeyword:
      return { kind: 'boolean', at, value: false };
    case ts.SyntaxKind.NullKeyword:
      return { kind: 'null', at };
    default:
      break;
  }
  throw new ConfigError(file, at, keyPath, 'invalid JSON: expected a value');
}

/** `rules` + `x` -> `rules.x`; a key that is not an identifier-like word is quoted. */
export function joinKey(keyPath: string, key: string): string {
  const part = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return keyPath === '' ? part : `${keyPath}.${part}`;
}

function isDoubleQuoted(source: TS.SourceFile, node: TS.Node): boolean {
  return source.text.charAt(node.getStart(source)) === '"';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
