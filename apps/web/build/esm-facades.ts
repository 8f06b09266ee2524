import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const PREFIX = '\0esm-facade:';
const NODE_MODULES = /[\\/]node_modules[\\/]/;

/**
 * React ships CommonJS. A chunk that imports it from the vendor chunk would import the bundler's
 * interop helper too, wrap the module again (`__toESM(require_react())`) and reach every export
 * through that object; every lazy chunk of the app pays for it. A facade per package, an ES module
 * that reads the exports once and exports each by name, lets those chunks import plain bindings, as
 * Vite's dev server does with its pre-bundled dependencies. The names come from the package itself.
 * React's exports are set once, so a binding read at start-up stays right.
 *
 * For the app's code and for `libraries` outside the vendor chunk: the libraries in it import the
 * package there, where a facade would only add a namespace object.
 */
export function esmFacades(
  specifiers: readonly string[],
  { libraries }: { libraries?: RegExp } = {},
): Plugin {
  const require = createRequire(import.meta.url);
  return {
    name: 'esm-facades',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !specifiers.includes(source) || importer.startsWith('\0')) return null;
      if (NODE_MODULES.test(importer) && !libraries?.test(importer)) return null;
      return `${PREFIX}${source}`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const source = id.slice(PREFIX.length);
      const names = Object.keys(require(source) as object).filter(
        (name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name),
      );
      return [
        `import * as cjs from ${JSON.stringify(source)};`,
        'export default cjs.default;',
        ...names.map((name) => `export const ${name} = cjs.${name};`),
      ].join('\n');
    },
  };
}

/** Whether a module is one of the facades (they belong in the vendor chunk, with their package). */
export const isEsmFacade = (id: string) => id.startsWith(PREFIX);
