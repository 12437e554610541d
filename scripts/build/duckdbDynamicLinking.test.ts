import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Blocking from '@duckdb/duckdb-wasm/blocking';
import { patchDynamicLinking } from './duckdbDynamicLinking';

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const browserWorker = `${dist}/duckdb-browser-eh.worker.js`;
const nodeBlocking = `${dist}/duckdb-node-blocking.cjs`;

/** Loads a CommonJS file's (possibly patched) text as if it were the file itself, so that its own requires resolve. */
function loadAs(path: string, source: string): typeof Blocking {
  const internal = Module as unknown as {
    new (id: string): { filename: string; paths: string[]; exports: unknown; _compile(source: string, filename: string): void };
    _nodeModulePaths(from: string): string[];
  };
  const module = new internal(path);
  module.filename = path;
  module.paths = internal._nodeModulePaths(dirname(path));
  module._compile(source, path);
  return module.exports as typeof Blocking;
}

// The engine started and asked across its parts: aggregates, window functions, sorts, regular
// expressions, casts, a C++ exception (an error), the catalog. This guards the glue's start,
// not the GOT's contents: the engine reads none of the entries the patch leaves out (a
// rewrite that skipped updateGOT altogether answered the same), which is why leaving them
// out is safe.
const queries = [
  'SELECT count(*)::INTEGER AS n, sum(i)::DOUBLE AS s, avg(i) AS a, stddev_samp(i) AS sd FROM range(100000) t(i)',
  "SELECT string_agg(x, ',' ORDER BY x) AS s FROM (SELECT regexp_replace('Shot Put 7.26kg #' || i, '[^0-9.]+', ' ', 'g') AS x FROM range(5) t(i))",
  'SELECT i, rank() OVER (ORDER BY i % 7 DESC, i) AS r, median(i) OVER (ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS m FROM range(20) t(i) ORDER BY i',
  "SELECT strftime(DATE '2026-12-03' + INTERVAL (i) DAY, '%Y-%m-%d') AS d, try_cast('1' || i AS INTEGER) AS n FROM range(3) t(i)",
  "SELECT upper('Ä' || i) AS a, quantile_cont(i, [0.1, 0.9]) AS q FROM range(11) t(i) GROUP BY ALL ORDER BY a",
  'SELECT count(*)::INTEGER AS n FROM duckdb_functions()',
];

async function answers(duckdb: ReturnType<typeof loadAs>): Promise<string[]> {
  const bundles = {
    mvp: { mainModule: `${dist}/duckdb-mvp.wasm`, mainWorker: '' },
    eh: { mainModule: `${dist}/duckdb-eh.wasm`, mainWorker: '' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true } });
  const connection = db.connect();
  // As in the app: an extension this build lacks is an error at once, not a download that never ends.
  connection.query('SET autoinstall_known_extensions = false');
  connection.query('SET autoload_known_extensions = false');
  const out = queries.map((sql) => JSON.stringify(connection.query(sql).toArray().map((row: { toJSON(): unknown }) => row.toJSON())));
  try {
    connection.query('SELECT CAST(\'fast\' AS DOUBLE)');
    out.push('no error');
  } catch (error) {
    out.push(String((error as Error).message).split('\n')[0]);
  }
  connection.close();
  return out;
}

describe("DuckDB-WASM's start patch", () => {
  it('rewrites the installed browser worker once for each rewrite, and refuses a glue it does not know', () => {
    const published = readFileSync(browserWorker, 'utf8');
    const patched = patchDynamicLinking(published, 'duckdb-browser-eh.worker.js');
    expect(patched).not.toBe(published);
    // No GOT entry is made for an export nobody imported, and no export goes through Object.entries.
    expect(patched).not.toMatch(/GOT\[[\w$]+\]\|\|\(GOT\[[\w$]+\]=new WebAssembly\.Global/);
    expect(patched).not.toMatch(/for\(var\[[\w$]+,[\w$]+\]of Object\.entries\([\w$]+\)\)(\(|[\w$]+\.startsWith\("dynCall_"\))/);
    expect(patched).toMatch(/\(GOT\[([\w$]+)\]\|\|\1\.startsWith\("orig\$"\)\)&&!isInternalSym\(\1\)/);
    expect(patched).not.toContain('sourceMappingURL');
    // Everything else is the published text: the patch changes about a hundred characters.
    expect(Math.abs(published.length - patched.length)).toBeLessThan(400);
    // Run on its own output (as on a glue an upgrade changed), it stops the build and says which rewrite.
    expect(() => patchDynamicLinking(patched, 'duckdb-browser-eh.worker.js')).toThrow(
      /start patch \(updateGOT skips exports no module imported\) matched 0 times in duckdb-browser-eh\.worker\.js, not 1/,
    );
    expect(() => patchDynamicLinking(published + published, 'twice.js')).toThrow(/matched 2 times in twice\.js, not 1/);
  });

  it('leaves the engine answering exactly as the published glue does (the same rewrites on the Node build)', async () => {
    const published = readFileSync(nodeBlocking, 'utf8');
    // Node's blocking build bundles two Emscripten glues (mvp and eh); both are rewritten.
    const patched = patchDynamicLinking(published, 'duckdb-node-blocking.cjs', 2);
    const [before, after] = [await answers(loadAs(nodeBlocking, published)), await answers(loadAs(nodeBlocking, patched))];
    expect(before[0]).toContain('"n":100000');
    expect(before.at(-1)).toMatch(/Conversion Error.*fast/);
    expect(after).toEqual(before);
  }, 60_000);
});
