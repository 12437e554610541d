import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Plugin } from 'vite';

/**
 * DuckDB-WASM 1.32's engine is an Emscripten MAIN_MODULE, built to load extensions as side
 * modules, and it exports 75,011 symbols (65,167 functions). On start its JavaScript glue walks
 * them all several times: it gives every export a `WebAssembly.Global` in the dynamic linker's
 * table (GOT) and every exported function a slot in the wasm function table, for side modules
 * that might import them; the engine itself imports 268 GOT entries, none of them its exports. A CPU profile of the start in Chromium puts
 * about half a second there (README, "DuckDB ready").
 *
 * These rewrites keep what the engine and its side modules get:
 * - `updateGOT` fills only entries some module imported. None of the engine's 268 GOT
 *   imports is one of its own exports (they are the glue's JavaScript functions), so for the
 *   engine it never filled one anyway: `reportUndefinedSymbols` resolves them, as before. A
 *   side module loaded later creates its entries on import, and the same
 *   `reportUndefinedSymbols` resolves them from the symbol table, into which every export of
 *   the engine is still merged (no export shares a name with a JavaScript function);
 * - the two loops that merge the exports into that symbol table walk the keys with `for…in`
 *   instead of building 75,011 [name, value] pairs and a closure per symbol.
 * Each pattern must match exactly once, or the build stops: a DuckDB-WASM upgrade that
 * changes the glue has to be looked at, not shipped half-patched.
 */

interface Rewrite {
  what: string;
  pattern: RegExp;
  replacement: (...groups: string[]) => string;
}

const name = String.raw`[\w$]+`;

const rewrites: Rewrite[] = [
  {
    what: 'updateGOT skips exports no module imported',
    // updateGOT=(e,t)=>{for(var r in e)if(!isInternalSym(r)){
    pattern: new RegExp(String.raw`updateGOT=\((${name}),(${name})\)=>\{for\(var (${name}) in \1\)if\(!isInternalSym\(\3\)\)\{`),
    replacement: (exports, replace, symbol) =>
      `updateGOT=(${exports},${replace})=>{for(var ${symbol} in ${exports})if((GOT[${symbol}]||${symbol}.startsWith("orig$"))&&!isInternalSym(${symbol})){`,
  },
  {
    what: 'updateGOT fills only entries that exist',
    // GOT[r]||(GOT[r]=new WebAssembly.Global({value:"i32",mutable:!0})),(t||GOT[r].value==0)&&
    pattern: new RegExp(
      String.raw`GOT\[(${name})\]\|\|\(GOT\[\1\]=new WebAssembly\.Global\(\{value:"i32",mutable:!0\}\)\),\((${name})\|\|GOT\[\1\]\.value==0\)&&`,
    ),
    replacement: (symbol, replace) => `GOT[${symbol}]&&(${replace}||GOT[${symbol}].value==0)&&`,
  },
  {
    what: 'registerDynCallSymbols walks keys',
    // for(var[t,r]of Object.entries(e))t.startsWith("dynCall_")&&!Module.hasOwnProperty(t)&&(Module[t]=r)
    pattern: new RegExp(
      String.raw`for\(var\[(${name}),(${name})\]of Object\.entries\((${name})\)\)\1\.startsWith\("dynCall_"\)&&!Module\.hasOwnProperty\(\1\)&&\(Module\[\1\]=\2\)`,
    ),
    replacement: (symbol, _value, exports) =>
      `for(var ${symbol} in ${exports})${symbol}.startsWith("dynCall_")&&!Module.hasOwnProperty(${symbol})&&(Module[${symbol}]=${exports}[${symbol}])`,
  },
  {
    what: 'mergeLibSymbols walks keys',
    // for(var[r,n]of Object.entries(e))(l=>{isSymbolDefined(l)||(wasmImports[l]=n)})(r)
    pattern: new RegExp(
      String.raw`for\(var\[(${name}),(${name})\]of Object\.entries\((${name})\)\)\((${name})=>\{isSymbolDefined\(\4\)\|\|\(wasmImports\[\4\]=\2\)\}\)\(\1\)`,
    ),
    replacement: (symbol, _value, exports) =>
      `for(var ${symbol} in ${exports})isSymbolDefined(${symbol})||(wasmImports[${symbol}]=${exports}[${symbol}])`,
  },
];

/**
 * The glue with every rewrite applied. `copies` is how many Emscripten glues the file holds (one
 * in a browser worker; Node's blocking build bundles two). Throws, naming the rewrite and the
 * file, when a rewrite does not match exactly that many times.
 */
export function patchDynamicLinking(source: string, fileName: string, copies = 1): string {
  let patched = source;
  for (const rewrite of rewrites) {
    const global = new RegExp(rewrite.pattern.source, 'g');
    const matches = [...patched.matchAll(global)].length;
    if (matches !== copies) {
      throw new Error(
        `DuckDB-WASM's start patch (${rewrite.what}) matched ${matches} times in ${fileName}, not ${copies}: ` +
          'the glue changed with a DuckDB-WASM upgrade. Re-check scripts/build/duckdbDynamicLinking.ts against it, or drop the rewrite.',
      );
    }
    patched = patched.replace(global, (_whole, ...groups: string[]) => rewrite.replacement(...groups));
  }
  // The published source map describes the unpatched file, and it is not shipped.
  return patched.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

const WORKER_FILE = 'duckdb-browser-eh.worker.js';

/**
 * Serves `@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url` patched, as an asset of the
 * build. Build only: the dev server serves the published file, which behaves the same, slower.
 * It goes into `worker.plugins`, since our DuckDB worker is the bundle that imports the URL.
 */
export function duckdbDynamicLinking(): Plugin {
  return {
    name: 'trackside-duckdb-dynamic-linking',
    apply: 'build',
    enforce: 'pre',
    async load(id) {
      const [path, query] = id.split('?');
      if (query !== 'url' || basename(path) !== WORKER_FILE) return null;
      const source = patchDynamicLinking(await readFile(path, 'utf8'), WORKER_FILE);
      const reference = this.emitFile({ type: 'asset', name: WORKER_FILE, source });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}
