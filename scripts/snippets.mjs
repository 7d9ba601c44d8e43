// Generates snippets/javascript.code-snippets from snippets/typescript.code-snippets: each body is the
// TypeScript one with its types erased, its placeholders kept, its tab stops renumbered if any fell
// inside erased syntax. The TypeScript file is the one edited by hand.
//   node scripts/snippets.mjs            rewrite the JavaScript file
//   node scripts/snippets.mjs --check    exit 1 if it is out of date (the snippet tests run this)
//   --root <dir>                         work on another checkout
// It also exports the snippet-syntax parser and expander the tests use.
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The hand-written file, and the one generated from it, relative to the root. */
export const TYPESCRIPT_FILE = 'snippets/typescript.code-snippets';
export const JAVASCRIPT_FILE = 'snippets/javascript.code-snippets';

// ---------------------------------------------------------------------------------------------
// VS Code's snippet syntax: $1, ${1}, ${1:default} (nested), ${1|a,b|}, $0, $NAME, ${NAME:default},
// and the escapes \$ \} \\ (plus \, \| inside a choice). Transforms are not supported.

/**
 * Parses a snippet body into nodes: `{ kind: 'text', value }`, `{ kind: 'tabstop', index }`,
 * `{ kind: 'placeholder', index, children }`, `{ kind: 'choice', index, options }` and
 * `{ kind: 'variable', name, children? }`, each with its `start` and `end` in `source`.
 */
export function parseSnippet(source) {
  let at = 0;

  const readInt = () => {
    const match = /^\d+/.exec(source.slice(at));
    if (!match) return undefined;
    at += match[0].length;
    return Number(match[0]);
  };
  const readName = () => {
    const match = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(source.slice(at));
    if (!match) return undefined;
    at += match[0].length;
    return match[0];
  };

  // After a `${1|`: the options up to `|}`, or undefined (and `at` restored) when it is not a choice.
  const readChoice = () => {
    const options = [];
    let option = '';
    while (at < source.length) {
      const char = source[at];
      if (char === '\\' && ',|\\$}'.includes(source[at + 1] ?? '')) {
        option += source[at + 1];
        at += 2;
      } else if (char === ',') {
        options.push(option);
        option = '';
        at += 1;
      } else if (char === '|' && source[at + 1] === '}') {
        options.push(option);
        at += 2;
        return options;
      } else {
        option += char;
        at += 1;
      }
    }
    return undefined;
  };

  // At a `$`: a tab stop, placeholder, choice or variable, or undefined (and `at` restored) for a plain `$`.
  const readDollar = () => {
    const start = at;
    at += 1;
    if (source[at] !== '{') {
      const index = readInt();
      if (index !== undefined) return { kind: 'tabstop', index, start, end: at };
      const name = readName();
      if (name !== undefined) return { kind: 'variable', name, start, end: at };
      at = start;
      return undefined;
    }
    at += 1;
    const index = readInt();
    const name = index === undefined ? readName() : undefined;
    if (index === undefined && name === undefined) {
      at = start;
      return undefined;
    }
    const next = source[at];
    if (next === '}') {
      at += 1;
      return index !== undefined ? { kind: 'tabstop', index, start, end: at } : { kind: 'variable', name, start, end: at };
    }
    if (next === ':') {
      at += 1;
      const children = readNodes(true);
      at += 1; // the closing brace
      return index !== undefined
        ? { kind: 'placeholder', index, children, start, end: at }
        : { kind: 'variable', name, children, start, end: at };
    }
    if (next === '|' && index !== undefined) {
      at += 1;
      const options = readChoice();
      if (options !== undefined) return { kind: 'choice', index, options, start, end: at };
    }
    if (next === '/') throw new SyntaxError(`snippet transforms are not supported (at ${start})`);
    at = start;
    return undefined;
  };

  // Text and constructs up to the end, or (inside a placeholder) up to its unescaped `}`.
  const readNodes = (inPlaceholder) => {
    const nodes = [];
    let text = '';
    let textStart = at;
    const flush = () => {
      if (text !== '') nodes.push({ kind: 'text', value: text, start: textStart, end: at });
      text = '';
    };
    while (at < source.length) {
      const char = source[at];
      if (char === '}' && inPlaceholder) {
        flush();
        return nodes;
      }
      if (char === '$') {
        const before = at;
        const node = readDollar();
        if (node) {
          at = before;
          flush();
          at = node.end;
          nodes.push(node);
          textStart = at;
          continue;
        }
      }
      if (text === '') textStart = at;
      if (char === '\\' && '$}\\'.includes(source[at + 1] ?? '')) {
        text += source[at + 1];
        at += 2;
      } else {
        text += char;
        at += 1;
      }
    }
    if (inPlaceholder) throw new SyntaxError('a placeholder is not closed with }');
    flush();
    return nodes;
  };

  return readNodes(false);
}

/** Every node of `nodes` and of their placeholders' children, in reading order. */
export function walkSnippet(nodes) {
  const all = [];
  const visit = (list) => {
    for (const node of list) {
      all.push(node);
      if (node.children) visit(node.children);
    }
  };
  visit(nodes);
  return all;
}

/**
 * The text VS Code inserts when every tab stop keeps its default: a placeholder its default, a
 * choice its first option, a mirror (`$1` after `${1:x}`) the same text as its placeholder, `$0`
 * nothing, a variable its default. `overrides` replaces tab stops by number (`{ 3: '8080' }`).
 * Returns the text and, for each node of the tree, where its expansion lies (`ranges`).
 */
export function expandSnippet(nodes, overrides = {}) {
  const all = walkSnippet(nodes);
  const firstWithDefault = new Map();
  for (const node of all) {
    if ((node.kind === 'placeholder' || node.kind === 'choice') && !firstWithDefault.has(node.index)) {
      firstWithDefault.set(node.index, node);
    }
  }
  const values = new Map();
  const resolving = new Set();
  // The text of tab stop `index` wherever it appears (its first placeholder's expansion).
  const valueOf = (index) => {
    if (Object.hasOwn(overrides, index)) return String(overrides[index]);
    if (values.has(index)) return values.get(index);
    const owner = firstWithDefault.get(index);
    if (!owner) return '';
    if (resolving.has(index)) throw new Error(`tab stop ${index} contains itself`);
    resolving.add(index);
    const value = owner.kind === 'choice' ? owner.options[0] ?? '' : render(owner.children, undefined);
    resolving.delete(index);
    values.set(index, value);
    return value;
  };
  // Renders `list`; with `ranges`, records where each node's text went (mirrors of a default
  // are rendered without recording, so each node has one range: its own occurrence).
  const render = (list, ranges) => {
    let out = '';
    for (const node of list) {
      const from = out.length;
      if (node.kind === 'text') out += node.value;
      else if (node.kind === 'variable') out += node.children ? render(node.children, undefined) : node.name;
      else if (node.kind === 'placeholder' && !Object.hasOwn(overrides, node.index) && firstWithDefault.get(node.index) === node) {
        out += renderChildren(node, ranges, from);
      } else out += valueOf(node.index);
      ranges?.set(node, { from, to: out.length });
    }
    return out;
  };
  // A placeholder's own children, with their ranges offset to where the placeholder starts.
  const renderChildren = (node, ranges, offset) => {
    if (!ranges) return valueOf(node.index);
    const inner = new Map();
    const text = render(node.children, inner);
    for (const [child, range] of inner) ranges.set(child, { from: range.from + offset, to: range.to + offset });
    values.set(node.index, text);
    return text;
  };
  const ranges = new Map();
  const text = render(nodes, ranges);
  return { text, ranges };
}

/** Writes nodes back as snippet syntax, escaping only where VS Code needs it. */
export function printSnippet(nodes) {
  const escapeText = (value, inPlaceholder) => {
    let out = '';
    for (let i = 0; i < value.length; i += 1) {
      const char = value[i];
      const next = value[i + 1];
      if (char === '$') out += '\\$';
      else if (char === '}' && inPlaceholder) out += '\\}';
      // A backslash is literal unless it precedes a character it would escape (or ends the text).
      else if (char === '\\' && (next === undefined || '$}\\'.includes(next))) out += '\\\\';
      else out += char;
    }
    return out;
  };
  const print = (list, inPlaceholder) =>
    list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return escapeText(node.value, inPlaceholder);
          case 'tabstop':
            return `$${node.index}`;
          case 'placeholder':
            return `\${${node.index}:${print(node.children, true)}}`;
          case 'choice':
            return `\${${node.index}|${node.options.map((option) => option.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`;
          default:
            return node.children ? `\${${node.name}:${print(node.children, true)}}` : `\${${node.name}}`;
        }
      })
      .join('');
  return print(nodes, false);
}

/** The tab-stop numbers of `nodes` in order of first appearance, `0` included where it first appears. */
export function tabStopOrder(nodes) {
  const seen = [];
  for (const node of walkSnippet(nodes)) {
    if ('index' in node && !seen.includes(node.index)) seen.push(node.index);
  }
  return seen;
}

// ---------------------------------------------------------------------------------------------
// TypeScript to JavaScript: erase the type syntax of the expanded body, then cut the same ranges
// out of the snippet's nodes, so placeholders survive wherever their text does.

const ERASED_MODIFIERS = new Set([
  ts.SyntaxKind.PublicKeyword,
  ts.SyntaxKind.PrivateKeyword,
  ts.SyntaxKind.ProtectedKeyword,
  ts.SyntaxKind.ReadonlyKeyword,
  ts.SyntaxKind.OverrideKeyword,
]);

/** The `[from, to)` ranges of `text` (TypeScript) that hold type syntax, sorted; throws on syntax that is not erasable. */
export function typeRanges(text) {
  const file = ts.createSourceFile('snippet.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const problems = file.parseDiagnostics ?? [];
  if (problems.length > 0) {
    const first = problems[0];
    throw new SyntaxError(`does not parse at ${first.start}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`);
  }
  const ranges = [];
  const fail = (node, what) => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    throw new Error(`${what} at ${line + 1}:${character + 1} has no JavaScript equivalent to erase to`);
  };
  const expect = (position, char, node) => {
    if (text[position] !== char) fail(node, `expected "${char}"`);
  };
  // A type annotation: from its colon to the end of the type.
  const eraseAnnotation = (type, node) => {
    expect(type.pos - 1, ':', node);
    ranges.push([type.pos - 1, type.end]);
  };
  // `<...>` around type parameters or type arguments.
  const eraseAngles = (list, node) => {
    expect(list.pos - 1, '<', node);
    expect(list.end, '>', node);
    ranges.push([list.pos - 1, list.end + 1]);
  };
  const eraseToken = (token) => ranges.push([token.getStart(file), token.end]);
  // A whole declaration, with its own comment lines above it and the blank line it leaves behind.
  const eraseStatement = (node) => {
    let start = node.getStart(file);
    const comments = ts.getLeadingCommentRanges(text, node.pos) ?? [];
    for (let i = comments.length - 1; i >= 0; i -= 1) {
      if (/\n[ \t]*\r?\n/.test(text.slice(comments[i].end, start))) break;
      start = comments[i].pos;
    }
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (/^[ \t]*$/.test(text.slice(lineStart, start))) start = lineStart;
    let end = node.end;
    end += /^[ \t]*(?:\/\/[^\n]*)?(?:\r?\n|$)/.exec(text.slice(end))?.[0].length ?? 0;
    const blankBefore = start === 0 || /\n[ \t]*\r?\n$/.test(text.slice(0, start));
    if (blankBefore) end += /^[ \t]*\r?\n/.exec(text.slice(end))?.[0].length ?? 0;
    ranges.push([start, end]);
  };

  const visit = (node) => {
    switch (node.kind) {
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration:
      case ts.SyntaxKind.IndexSignature:
        eraseStatement(node);
        return;
      case ts.SyntaxKind.ImportDeclaration:
        if (node.importClause?.isTypeOnly) {
          eraseStatement(node);
          return;
        }
        if (node.importClause?.namedBindings?.elements?.some((element) => element.isTypeOnly)) fail(node, 'an inline `type` import');
        return;
      case ts.SyntaxKind.EnumDeclaration:
      case ts.SyntaxKind.ModuleDeclaration:
      case ts.SyntaxKind.TypeAssertionExpression:
        fail(node, ts.SyntaxKind[node.kind]);
        return;
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.SatisfiesExpression:
      case ts.SyntaxKind.NonNullExpression:
        ranges.push([node.expression.end, node.end]);
        visit(node.expression);
        return;
      case ts.SyntaxKind.HeritageClause:
        if (node.token === ts.SyntaxKind.ImplementsKeyword) {
          ranges.push([node.pos, node.end]);
          return;
        }
        // `extends Base<T>`: the base class is an expression, its type arguments are not.
        for (const type of node.types) {
          if (type.typeArguments) eraseAngles(type.typeArguments, type);
          visit(type.expression);
        }
        return;
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.MethodDeclaration:
        if (!node.body) {
          eraseStatement(node); // an overload signature
          return;
        }
        break;
      case ts.SyntaxKind.Parameter:
        if (node.name.kind === ts.SyntaxKind.Identifier && node.name.text === 'this') fail(node, 'a `this` parameter');
        if (node.modifiers?.length) fail(node, 'a parameter property');
        break;
      default:
        break;
    }
    for (const modifier of node.modifiers ?? []) {
      if (modifier.kind === ts.SyntaxKind.AbstractKeyword || modifier.kind === ts.SyntaxKind.DeclareKeyword) fail(node, 'an `abstract` or `declare` modifier');
      if (ERASED_MODIFIERS.has(modifier.kind)) ranges.push([modifier.getStart(file), ts.skipTrivia(text, modifier.end)]);
    }
    if (node.questionToken && (ts.isParameter(node) || ts.isPropertyDeclaration(node))) eraseToken(node.questionToken);
    if (node.exclamationToken && (ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node))) eraseToken(node.exclamationToken);
    if (node.typeParameters) eraseAngles(node.typeParameters, node);
    if (node.typeArguments) eraseAngles(node.typeArguments, node);
    if (node.type && (ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isFunctionLike(node))) {
      eraseAnnotation(node.type, node);
    }
    ts.forEachChild(node, (child) => {
      // Type nodes were erased whole above; nothing inside them needs a look.
      if (!ts.isTypeNode(child) && !ts.isTypeParameterDeclaration(child)) visit(child);
    });
  };
  visit(file);
  return mergeRanges(ranges);
}

/** Sorts ranges and joins those that overlap or touch. */
function mergeRanges(ranges) {
  const merged = [];
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/**
 * Cuts `cuts` (ranges of the expansion, sorted) out of the snippet's nodes: text is trimmed, a
 * placeholder or mirror wholly inside a cut is dropped, one cut partly keeps its trimmed children.
 */
export function cutSnippet(nodes, ranges, cuts) {
  const covering = (from, to) => cuts.find(([a, b]) => a <= from && to <= b && (from < to || (a < from && from < b)));
  const touching = (from, to) => cuts.some(([a, b]) => a < to && from < b);
  const cut = (list) => {
    const out = [];
    for (const node of list) {
      const { from, to } = ranges.get(node) ?? { from: -1, to: -1 };
      if (from < 0) throw new Error('a node without a range');
      if (covering(from, to)) continue;
      if (!touching(from, to)) {
        out.push(node);
      } else if (node.kind === 'text') {
        let value = '';
        for (let i = from; i < to; i += 1) if (!cuts.some(([a, b]) => a <= i && i < b)) value += node.value[i - from];
        if (value !== '') out.push({ ...node, value });
      } else if (node.kind === 'placeholder' && ranges.has(node.children[0] ?? node)) {
        out.push({ ...node, children: cut(node.children) });
      } else {
        throw new Error(`tab stop ${node.index ?? node.name} is partly inside erased type syntax`);
      }
    }
    return out;
  };
  return cut(nodes);
}

/** Renumbers tab stops 1, 2, 3… in order of first appearance (keeping `$0`), after some were cut. */
export function renumberTabStops(nodes) {
  const order = tabStopOrder(nodes).filter((index) => index !== 0);
  const next = new Map(order.map((index, rank) => [index, rank + 1]));
  const renumber = (list) =>
    list.map((node) => {
      const renamed = 'index' in node && node.index !== 0 ? { ...node, index: next.get(node.index) } : { ...node };
      if (node.children) renamed.children = renumber(node.children);
      return renamed;
    });
  return renumber(nodes);
}

/** The JavaScript body of a TypeScript snippet body (both as one string with `\n`). */
export function toJavaScriptBody(body) {
  const nodes = parseSnippet(body);
  const { text, ranges } = expandSnippet(nodes);
  const kept = renumberTabStops(cutSnippet(nodes, ranges, typeRanges(text)));
  for (const index of tabStopOrder(kept)) {
    const placeholders = walkSnippet(nodes).filter((node) => node.index === index && node.kind !== 'tabstop');
    const survivors = walkSnippet(kept).filter((node) => node.index === index && node.kind !== 'tabstop');
    if (placeholders.length > 0 && survivors.length === 0) throw new Error(`the default of a tab stop was inside erased type syntax`);
  }
  return printSnippet(kept);
}

/** The body of a snippet entry as one string (VS Code joins an array with newlines). */
export function bodyText(snippet) {
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

/** The JavaScript snippets file for the TypeScript one's text: same names, prefixes and descriptions. */
export function generateJavaScript(typescriptText) {
  const snippets = JSON.parse(typescriptText);
  const out = {};
  for (const [name, snippet] of Object.entries(snippets)) {
    let body;
    try {
      body = toJavaScriptBody(bodyText(snippet));
    } catch (error) {
      throw new Error(`${TYPESCRIPT_FILE}: "${name}": ${error instanceof Error ? error.message : String(error)}`);
    }
    out[name] = { prefix: snippet.prefix, description: snippet.description, body: body.split('\n') };
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? path.resolve(args[rootAt + 1] ?? '.') : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const target = path.join(root, JAVASCRIPT_FILE);
  const expected = generateJavaScript(await readFile(path.join(root, TYPESCRIPT_FILE), 'utf8'));
  if (!check) {
    await writeFile(target, expected);
    console.log(`wrote ${JAVASCRIPT_FILE}`);
    return;
  }
  const actual = await readFile(target, 'utf8').catch(() => '');
  if (actual !== expected) {
    console.error(`${JAVASCRIPT_FILE} is out of date: run node scripts/snippets.mjs`);
    process.exitCode = 1;
    return;
  }
  console.log(`${JAVASCRIPT_FILE} is up to date`);
}

// Run only as a script, not when a test imports the functions above.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
