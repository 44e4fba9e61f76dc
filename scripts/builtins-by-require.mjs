// An esbuild plugin: Node's built-in modules through require(), not import.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

const BUILTIN = new RegExp(`^(node:.*|${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})$`);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** importedNamesIn(the importer's text); null where it cannot be read. */
function importedNames(importer, spec) {
  let text;
  try {
    text = readFileSync(importer, 'utf8');
  } catch {
    return null;
  }
  return importedNamesIn(text, spec);
}

/**
 * The names a module's text takes from `spec` by import or export-from statements: [whether it
 * takes the default export, the other names]; null where it takes the whole namespace (`* as`,
 * `export *`).
 */
export function importedNamesIn(text, spec) {
  const statement = new RegExp(`\\b(import|export)\\s+([^;'"]*?)\\s*from\\s*['"]${escape(spec)}['"]`, 'g');
  let hasDefault = false;
  const names = new Set();
  for (const [, kind, clause] of text.matchAll(statement)) {
    if (/\*/.test(clause)) return null;
    const braces = clause.match(/\{([^}]*)\}/);
    const before = (braces ? clause.slice(0, braces.index) : clause)
      .replace(/^type\s+/, '')
      .replace(/,\s*$/, '')
      .trim();
    if (kind === 'import' && before !== '') hasDefault = true;
    for (const part of braces?.[1].split(',') ?? []) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]
        .trim();
      if (name === 'default') hasDefault = true;
      else if (name) names.add(name);
    }
  }
  return [hasDefault, [...names]];
}

/**
 * Node makes an ES module of a built-in by reading every export, and that runs the built-in's lazy
 * getters: `import { promisify } from 'node:util'` loads parseArgs, the diff module, worker_threads
 * and more. A dozen built-ins cost 36-59 ms imported and 13-18 ms required, in a fresh process.
 * Here each import of a built-in becomes a small module that requires it (the bundle's banner
 * defines require) and exports just the names its importer takes; a namespace import, or a
 * require() call, gets the module itself. An import() (a cold path) is left as it is.
 */
export function builtinsByRequire() {
  return {
    name: 'builtins-by-require',
    setup(build) {
      // One module per importer: a shared one would be a chunk of its own (one more file to load).
      // import() stays Node's own: it must resolve to the named exports, which a CommonJS module
      // imported dynamically does not give (only its default).
      build.onResolve({ filter: BUILTIN }, (args) =>
        args.namespace === 'builtin' || args.kind === 'dynamic-import'
          ? { path: args.path, external: true }
          : { path: `${args.path}#${args.importer}`, namespace: 'builtin', pluginData: { kind: args.kind } },
      );
      build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
        const at = args.path.indexOf('#');
        const [spec, importer] = [args.path.slice(0, at), args.path.slice(at + 1)];
        const required = `require(${JSON.stringify(spec)})`;
        const names = args.pluginData?.kind === 'import-statement' ? importedNames(importer, spec) : null;
        if (names === null) return { contents: `module.exports = ${required};`, loader: 'js' };
        const [hasDefault, list] = names;
        const lines = [`const m = ${required};`, ...list.map((n) => `export const ${n} = m.${n};`)];
        if (hasDefault) lines.push('export default m;');
        return { contents: lines.join('\n'), loader: 'js' };
      });
    },
  };
}
