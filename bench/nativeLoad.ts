import { spawnSync } from 'node:child_process';

/** Native DuckDB's Results load of `path` in a child process: its time and its peak memory. */
export function nativeResultsLoad(path: string): { milliseconds: number; rows: number; peakBytes: number } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lib/viteNode.ts', 'scripts/lib/nativeLoadPeak.ts', path], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`native load of ${path} failed: ${run.stderr.slice(-500)}`);
  return JSON.parse(line) as { milliseconds: number; rows: number; peakBytes: number };
}
