/**
 * Where the cores' time goes while the page does one thing, for the benchmarks: the CPU time
 * of every thread of the browser's processes, read from Linux's /proc (utime + stime of
 * /proc/<pid>/task/<tid>/stat), before and after. Chromium names the threads of a tab's
 * renderer: the page's main thread (the process's own), "DedicatedWorker" for each web worker
 * (the compute workers, DuckDB-WASM's worker, our DuckDB and decoder workers: /proc does not
 * tell them apart), "ThreadPoolForeg…" for the pool where V8 compiles optimised code and
 * WebAssembly in the background and marks and sweeps its heaps. A thread that ends between
 * the two readings is not counted (a file's decoder worker, say): the totals are a floor.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { browserProcesses } from './processMemory';

export interface ThreadTime {
  pid: number;
  tid: number;
  /** Chromium's process type: browser, renderer, gpu-process, utility. */
  process: string;
  thread: string;
  seconds: number;
}

const ticksPerSecond = 100; // USER_HZ on Linux

/** CPU seconds of every thread of the browser's processes so far; empty where /proc does not tell (not Linux). */
export async function threadTimes(browser: Browser): Promise<ThreadTime[]> {
  const out: ThreadTime[] = [];
  for (const { type, id: pid } of await browserProcesses(browser)) {
    const tasks = `/proc/${pid}/task`;
    if (!existsSync(tasks)) continue;
    for (const tid of readdirSync(tasks).map(Number)) {
      try {
        const stat = readFileSync(`${tasks}/${tid}/stat`, 'utf8');
        // The name sits in parentheses and may hold spaces; the fields after it are numbered from 3.
        const thread = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.push({ pid, tid, process: type, thread, seconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond });
      } catch {
        // The thread ended between the listing and the read.
      }
    }
  }
  return out;
}

export interface CpuSplit {
  /** All threads of all the browser's processes. */
  total: number;
  /** The tab's renderer (the one that used most): its web workers, busiest first. */
  workers: number[];
  /** Its thread pool: V8's background compilation (JavaScript and WebAssembly) and garbage collection. */
  threadPool: number;
  /** Its main thread: the page. */
  page: number;
  /** Everything else: the renderer's other threads, the browser, GPU and utility processes. */
  other: number;
}

/** The CPU seconds used between two readings of threadTimes, by kind of thread. */
export function cpuSplit(before: ThreadTime[], after: ThreadTime[]): CpuSplit {
  const earlier = new Map(before.map((t) => [`${t.pid}/${t.tid}`, t.seconds]));
  const used = after.map((t) => ({ ...t, seconds: t.seconds - (earlier.get(`${t.pid}/${t.tid}`) ?? 0) })).filter((t) => t.seconds > 0);
  const byRenderer = new Map<number, number>();
  for (const t of used) if (t.process === 'renderer') byRenderer.set(t.pid, (byRenderer.get(t.pid) ?? 0) + t.seconds);
  const tab = [...byRenderer].sort((a, b) => b[1] - a[1])[0]?.[0];
  const inTab = used.filter((t) => t.pid === tab);
  const sum = (threads: ThreadTime[]) => threads.reduce((total, t) => total + t.seconds, 0);
  const workers = inTab.filter((t) => t.thread.startsWith('DedicatedWorker')).map((t) => t.seconds).sort((a, b) => b - a);
  const threadPool = sum(inTab.filter((t) => t.thread.startsWith('ThreadPool')));
  const page = sum(inTab.filter((t) => t.tid === t.pid));
  const total = sum(used);
  return { total, workers, threadPool, page, other: total - workers.reduce((a, b) => a + b, 0) - threadPool - page };
}
