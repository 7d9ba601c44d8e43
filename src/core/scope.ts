// The scope pass: which names a file declares where, and what each binding is known to be.
// Scopes are built lazily, one per scope-creating node the walk enters, so code the analyzer
// reuses from its cache is never scanned again.
import type * as TS from 'typescript';
import type { TypeScript } from './types';

/** What a declaration introduces. */
export type BindingKind = 'function' | 'variable' | 'parameter' | 'import' | 'class' | 'other';

/** One declared name. */
export interface Binding {
  name: string;
  kind: BindingKind;
  /** The declaring node: a declaration, a parameter, a binding element or an import specifier. */
  node: TS.Node;
  scope: Scope;
  /** Cached result of `bindingSignature`. */
  signature?: string;
}

/** A region of code with its own declarations, collected on the first lookup through it. */
export interface Scope {
  node: TS.Node;
  parent: Scope | undefined;
  depth: number;
  /** Undefined until a lookup needs it: most scopes are never asked. */
  bindings: Map<string, Binding> | undefined;
}

/** Flags of `kindTable`. */
export const KIND_FUNCTION = 1;
export const KIND_SCOPE = 2;
/** A block: a scope of its own unless it is a function's body. */
export const KIND_BLOCK = 4;

/**
 * Flags per `SyntaxKind` number, computed once per TypeScript build: reading `ts.SyntaxKind`
 * goes through a getter, too slow for every node of a walk.
 */
export function kindTable(ts: TypeScript): Uint8Array {
  const K = ts.SyntaxKind;
  const table = new Uint8Array(K.Count + 1);
  for (const kind of [K.FunctionDeclaration, K.FunctionExpression, K.ArrowFunction, K.MethodDeclaration, K.Constructor, K.GetAccessor, K.SetAccessor]) {
    table[kind] = KIND_FUNCTION | KIND_SCOPE;
  }
  for (const kind of [K.SourceFile, K.ForStatement, K.ForInStatement, K.ForOfStatement, K.CatchClause, K.CaseBlock, K.ClassStaticBlockDeclaration]) {
    table[kind] = KIND_SCOPE;
  }
  table[K.Block] = KIND_BLOCK;
  return table;
}

/** Whether `node` is a function-like node with a body of its own. */
export function isFunctionLike(ts: TypeScript, node: TS.Node): node is TS.FunctionLikeDeclaration {
  switch (node.kind) {
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.Constructor:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      return true;
    default:
      return false;
  }
}

/** Whether the walk opens a scope at `node`. */
export function createsScope(ts: TypeScript, node: TS.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.Block:
      // A function body's declarations belong to the function's scope.
      return !(node.parent && isFunctionLike(ts, node.parent));
    case ts.SyntaxKind.SourceFile:
    case ts.SyntaxKind.ForStatement:
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.CatchClause:
    case ts.SyntaxKind.CaseBlock:
    case ts.SyntaxKind.ClassStaticBlockDeclaration:
      return true;
    default:
      return isFunctionLike(ts, node);
  }
}

/** Opens the scope of a scope-creating node, under `parent`; its names are read lazily. */
export function openScope(node: TS.Node, parent: Scope | undefined): Scope {
  return { node, parent, depth: parent ? parent.depth + 1 : 0, bindings: undefined };
}

/** The bindings of a scope, collected on first use. */
export function bindingsOf(ts: TypeScript, scope: Scope): Map<string, Binding> {
  if (scope.bindings) return scope.bindings;
  const bindings = new Map<string, Binding>();
  forEachDeclaredName(ts, scope.node, (name, kind, declaration) => {
    if (!bindings.has(name)) bindings.set(name, { name, kind, node: declaration, scope });
  });
  scope.bindings = bindings;
  return bindings;
}

/** Finds the binding `name` resolves to from `scope`, or undefined for a global. */
export function lookup(ts: TypeScript, scope: Scope | undefined, name: string): Binding | undefined {
  for (let s = scope; s; s = s.parent) {
    const binding = bindingsOf(ts, s).get(name);
    if (binding) return binding;
  }
  return undefined;
}

/** Calls `visit` for every name that the scope of `node` declares. */
export function forEachDeclaredName(
  ts: TypeScript,
  node: TS.Node,
  visit: (name: string, kind: BindingKind, declaration: TS.Node) => void,
): void {
  const K = ts.SyntaxKind;
  if (isFunctionLike(ts, node)) {
    // A function expression's own name is visible inside it.
    if (node.kind === K.FunctionExpression && node.name) visit(node.name.text, 'function', node);
    for (const parameter of node.parameters) forEachBindingName(ts, parameter.name, 'parameter', visit);
    if (node.body && node.body.kind === K.Block) {
      collectStatements(ts, (node.body as TS.Block).statements, visit);
      collectHoistedVars(ts, (node.body as TS.Block).statements, visit);
    }
    return;
  }
  switch (node.kind) {
    case K.SourceFile: {
      const statements = (node as TS.SourceFile).statements;
      collectStatements(ts, statements, visit);
      collectHoistedVars(ts, statements, visit);
      return;
    }
    case K.Block:
      // A function body's declarations belong to the function's scope.
      if (node.parent && isFunctionLike(ts, node.parent)) return;
      collectStatements(ts, (node as TS.Block).statements, visit);
      return;
    case K.ClassStaticBlockDeclaration: {
      const statements = (node as TS.ClassStaticBlockDeclaration).body.statements;
      collectStatements(ts, statements, visit);
      collectHoistedVars(ts, statements, visit);
      return;
    }
    case K.CaseBlock:
      for (const clause of (node as TS.CaseBlock).clauses) collectStatements(ts, clause.statements, visit);
      return;
    case K.ForStatement:
    case K.ForInStatement:
    case K.ForOfStatement: {
      const initializer = (node as TS.ForStatement | TS.ForInStatement | TS.ForOfStatement).initializer;
      if (initializer && ts.isVariableDeclarationList(initializer) && isBlockScoped(ts, initializer)) {
        for (const declaration of initializer.declarations) forEachBindingName(ts, declaration.name, 'variable', visit);
      }
      return;
    }
    case K.CatchClause: {
      const declaration = (node as TS.CatchClause).variableDeclaration;
      if (declaration) forEachBindingName(ts, declaration.name, 'variable', visit);
      return;
    }
    default:
      return;
  }
}

function isBlockScoped(ts: TypeScript, list: TS.VariableDeclarationList): boolean {
  return (list.flags & ts.NodeFlags.BlockScoped) !== 0;
}

function collectStatements(
  ts: TypeScript,
  statements: readonly TS.Statement[],
  visit: (name: string, kind: BindingKind, declaration: TS.Node) => void,
): void {
  const K = ts.SyntaxKind;
  for (const statement of statements) {
    switch (statement.kind) {
      case K.FunctionDeclaration: {
        const name = (statement as TS.FunctionDeclaration).name;
        if (name) visit(name.text, 'function', statement);
        break;
      }
      case K.ClassDeclaration: {
        const name = (statement as TS.ClassDeclaration).name;
        if (name) visit(name.text, 'class', statement);
        break;
      }
      case K.EnumDeclaration:
      case K.ModuleDeclaration: {
        const name = (statement as TS.EnumDeclaration | TS.ModuleDeclaration).name;
        if (ts.isIdentifier(name)) visit(name.text, 'other', statement);
        break;
      }
      case K.ImportEqualsDeclaration:
        visit((statement as TS.ImportEqualsDeclaration).name.text, 'import', statement);
        break;
      case K.VariableStatement: {
        const list = (statement as TS.VariableStatement).declarationList;
        if (isBlockScoped(ts, list)) {
          for (const declaration of list.declarations) forEachBindingName(ts, declaration.name, 'variable', visit);
        }
        break;
      }
      case K.ImportDeclaration: {
        const clause = (statement as TS.ImportDeclaration).importClause;
        if (!clause) break;
        if (clause.name) visit(clause.name.text, 'import', clause);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) visit(bindings.name.text, 'import', bindings);
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) visit(element.name.text, 'import', element);
        }
        break;
      }
      default:
        break;
    }
  }
}

/** `var` declarations anywhere in these statements, not crossing functions or classes. */
function collectHoistedVars(
  ts: TypeScript,
  statements: readonly TS.Statement[],
  visit: (name: string, kind: BindingKind, declaration: TS.Node) => void,
): void {
  const K = ts.SyntaxKind;
  const stack: TS.Node[] = [...statements];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case K.VariableStatement: {
        const list = (node as TS.VariableStatement).declarationList;
        if (!isBlockScoped(ts, list)) {
          for (const declaration of list.declarations) forEachBindingName(ts, declaration.name, 'variable', visit);
        }
        break;
      }
      case K.ForStatement:
      case K.ForInStatement:
      case K.ForOfStatement: {
        const loop = node as TS.ForStatement | TS.ForInStatement | TS.ForOfStatement;
        const initializer = loop.initializer;
        if (initializer && ts.isVariableDeclarationList(initializer) && !isBlockScoped(ts, initializer)) {
          for (const declaration of initializer.declarations) forEachBindingName(ts, declaration.name, 'variable', visit);
        }
        stack.push(loop.statement);
        break;
      }
      case K.Block:
        stack.push(...(node as TS.Block).statements);
        break;
      case K.IfStatement: {
        const statement = node as TS.IfStatement;
        stack.push(statement.thenStatement);
        if (statement.elseStatement) stack.push(statement.elseStatement);
        break;
      }
      case K.WhileStatement:
      case K.DoStatement:
      case K.LabeledStatement:
      case K.WithStatement:
        stack.push((node as TS.WhileStatement | TS.DoStatement | TS.LabeledStatement | TS.WithStatement).statement);
        break;
      case K.TryStatement: {
        const statement = node as TS.TryStatement;
        stack.push(statement.tryBlock);
        if (statement.catchClause) stack.push(statement.catchClause.block);
        if (statement.finallyBlock) stack.push(statement.finallyBlock);
        break;
      }
      case K.SwitchStatement:
        for (const clause of (node as TS.SwitchStatement).caseBlock.clauses) stack.push(...clause.statements);
        break;
      default:
        break;
    }
  }
}

/** Visits each identifier a binding name (possibly a destructuring pattern) declares. */
function forEachBindingName(
  ts: TypeScript,
  name: TS.BindingName,
  kind: BindingKind,
  visit: (name: string, kind: BindingKind, declaration: TS.Node) => void,
): void {
  const stack: TS.BindingName[] = [name];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (ts.isIdentifier(current)) {
      visit(current.text, kind, current.parent);
      continue;
    }
    for (const element of current.elements) {
      if (ts.isBindingElement(element)) stack.push(element.name);
    }
  }
}

/** Whether `name` is declared by the scope that `node` opens (used to stop at shadowing). */
export function declaresName(ts: TypeScript, node: TS.Node, name: string): boolean {
  let found = false;
  forEachDeclaredName(ts, node, (declared) => {
    if (declared === name) found = true;
  });
  return found;
}

/**
 * The identifiers inside `binding.scope` that refer to `binding` (declaration excluded).
 * Nested scopes that declare the same name are skipped.
 */
export function findReferences(ts: TypeScript, binding: Binding): TS.Identifier[] {
  const references: TS.Identifier[] = [];
  const root = binding.scope.node;
  const stack: TS.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== root && createsScope(ts, node) && declaresName(ts, node, binding.name)) continue;
    if (ts.isIdentifier(node)) {
      if (node.text === binding.name && isReference(ts, node)) references.push(node);
      continue;
    }
    node.forEachChild((child) => {
      stack.push(child);
    });
  }
  return references.sort((a, b) => a.pos - b.pos);
}

/** Whether an identifier reads or writes a variable (not a property name or a declaration). */
export function isReference(ts: TypeScript, identifier: TS.Identifier): boolean {
  const parent = identifier.parent;
  if (!parent) return false;
  const K = ts.SyntaxKind;
  switch (parent.kind) {
    case K.PropertyAccessExpression:
      return (parent as TS.PropertyAccessExpression).expression === identifier;
    case K.QualifiedName:
      return false;
    case K.PropertyAssignment:
      return (parent as TS.PropertyAssignment).initializer === identifier;
    case K.PropertyDeclaration:
    case K.PropertySignature:
    case K.MethodDeclaration:
    case K.MethodSignature:
    case K.GetAccessor:
    case K.SetAccessor:
    case K.EnumMember:
      return (parent as TS.PropertyDeclaration).initializer === identifier;
    case K.VariableDeclaration:
      return (parent as TS.VariableDeclaration).initializer === identifier;
    case K.Parameter:
      return (parent as TS.ParameterDeclaration).initializer === identifier;
    case K.BindingElement:
      return (parent as TS.BindingElement).initializer === identifier;
    case K.FunctionDeclaration:
    case K.FunctionExpression:
    case K.ClassDeclaration:
    case K.ClassExpression:
    case K.InterfaceDeclaration:
    case K.TypeAliasDeclaration:
    case K.EnumDeclaration:
    case K.ModuleDeclaration:
    case K.ImportSpecifier:
    case K.ImportClause:
    case K.NamespaceImport:
    case K.ImportEqualsDeclaration:
    case K.LabeledStatement:
    case K.BreakStatement:
    case K.ContinueStatement:
    case K.TypeReference:
    case K.ExportSpecifier:
      return parent.kind === K.ExportSpecifier
        ? ((parent as TS.ExportSpecifier).propertyName ?? (parent as TS.ExportSpecifier).name) === identifier &&
            !(parent.parent?.parent as TS.ExportDeclaration | undefined)?.moduleSpecifier
        : false;
    default:
      return true;
  }
}
