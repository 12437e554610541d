/**
 * Peak memory of processes, read from Linux's /proc (VmHWM: the most resident memory a
 * process ever held), for the benchmarks: a browser tab's renderer (its workers and their
 * WebAssembly memory live there) beside a native process doing the same work.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';

/** Peak resident bytes of a process, or NaN when /proc does not tell (not Linux, gone). */
export function peakResidentBytes(pid: number = process.pid): number {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return NaN;
  const kilobytes = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'))?.[1];
  return kilobytes ? Number(kilobytes) * 1024 : NaN;
}

/** Every process of the browser with its type: browser, renderer, gpu-process, utility (Chromium's SystemInfo domain). */
export async function browserProcesses(browser: Browser): Promise<{ type: string; id: number }[]> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo' as never)) as unknown as { processInfo: { type: string; id: number }[] };
    return processInfo;
  } finally {
    await session.detach();
  }
}

/** The PIDs of the browser's renderer processes. */
export async function rendererPids(browser: Browser): Promise<number[]> {
  return (await browserProcesses(browser)).filter((p) => p.type === 'renderer').map((p) => p.id);
}

/** The largest peak among the renderers: the tab that did the work (the others are idle spares). */
export async function tabPeakBytes(browser: Browser): Promise<number> {
  const peaks = (await rendererPids(browser)).map((pid) => peakResidentBytes(pid)).filter((bytes) => Number.isFinite(bytes));
  return peaks.length > 0 ? Math.max(...peaks) : NaN;
}
