import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The longest a function in src/ may be, in lines from its first to its last (the project's rule). */
const MAX_LINES = 100;

/**
 * Functions still over the limit, by `file > name`: each one is being split. The list only shrinks;
 * a function that gets under the limit must leave it (the test says so).
 */
const ALLOWED = new Set<string>([]);

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

type FunctionNode =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.AccessorDeclaration;

const isFunction = (n: ts.Node): n is FunctionNode =>
  ts.isFunctionDeclaration(n) ||
  ts.isFunctionExpression(n) ||
  ts.isArrowFunction(n) ||
  ts.isMethodDeclaration(n) ||
  ts.isConstructorDeclaration(n) ||
  ts.isGetAccessor(n) ||
  ts.isSetAccessor(n);

/** What a reader calls the function: its name, its class's, or the variable or property it is assigned to. */
function nameOf(n: FunctionNode): string {
  const own = ts.isConstructorDeclaration(n) ? 'constructor' : n.name && !ts.isComputedPropertyName(n.name) ? n.name.getText() : undefined;
  const owner = n.parent && (ts.isClassDeclaration(n.parent) || ts.isClassExpression(n.parent)) ? n.parent.name?.getText() : undefined;
  if (own) return owner ? `${owner}.${own}` : own;
  const p = n.parent;
  if (p && (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && !ts.isComputedPropertyName(p.name))
    return p.name.getText();
  return '<anonymous>';
}

interface LongFunction {
  /** `src/kafka/groups.ts > makeGroupsApi` */
  id: string;
  /** `src/kafka/groups.ts:59` */
  where: string;
  lines: number;
}

/** Every function declaration, expression, arrow function, method, constructor and accessor over `max` lines in `text`. */
function longFunctions(path: string, text: string, max = MAX_LINES): LongFunction[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunction(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const lines = source.getLineAndCharacterOfPosition(node.end).line + 2 - first;
      if (lines > max) found.push({ id: `${path} > ${nameOf(node)}`, where: `${path}:${first}`, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe(`no function in src/ is over ${MAX_LINES} lines`, () => {
  const long = sourceFiles(join(ROOT, 'src')).flatMap((file) => longFunctions(relative(ROOT, file), readFileSync(file, 'utf8')));

  it('every function is short enough (split a long one into named parts)', () => {
    const over = long.filter((f) => !ALLOWED.has(f.id)).map((f) => `${f.where} ${f.id.split(' > ')[1]}: ${f.lines} lines`);
    expect(over, `over ${MAX_LINES} lines`).toEqual([]);
  });

  it('the allow-list names only functions still over the limit', () => {
    const still = new Set(long.map((f) => f.id));
    expect(
      [...ALLOWED].filter((id) => !still.has(id)),
      'now short enough (or renamed): take them off ALLOWED',
    ).toEqual([]);
  });

  it('finds long functions of every kind, named as a reader would', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  x${i}();`).join('\n');
    const text = [
      `function declared() {\n${body(101)}\n}`,
      `const arrow = () => {\n${body(101)}\n};`,
      `const expression = function () {\n${body(101)}\n};`,
      `class Engine {\n  run() {\n${body(101)}\n  }\n  short() {\n${body(97)}\n  }\n}`,
      `export const api = { list: async () => {\n${body(101)}\n} };`,
    ].join('\n');
    const found = longFunctions('fixture.ts', text);
    expect(found.map((f) => `${f.id.split(' > ')[1]} ${f.lines}`)).toEqual([
      'declared 103',
      'arrow 103',
      'expression 103',
      'Engine.run 103',
      'list 103',
    ]);
  });
});
