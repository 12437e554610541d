/**
 * The Results load on native DuckDB in a process of its own, for the benchmarks: prints one
 * JSON line with the load's milliseconds, its rows and the process's peak resident memory,
 * so the bench can set the browser tab's figures beside a clean native one.
 *   node --import tsx scripts/lib/viteNode.ts scripts/lib/nativeLoadPeak.ts FILE
 */
import { loadResults } from './nativeResults';
import { peakResidentBytes } from './processMemory';

const file = process.argv[2];
if (!file) throw new Error('usage: nativeLoadPeak.ts FILE');
const loaded = await loadResults(file);
loaded.connection.closeSync();
console.log(JSON.stringify({ milliseconds: loaded.milliseconds, rows: loaded.rows, peakBytes: peakResidentBytes() }));
