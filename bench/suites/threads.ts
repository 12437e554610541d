import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { serveBuiltApp } from '../../scripts/lib/builtApp';
import { median, type BenchRow, type BenchSuite } from '../context';
import type { Judgement } from '../threads/groupWork';

const dir = resolve('.cache', 'bench', 'threads');
const athletes = 900; // about 22,000 results: a group of the 1M-row bench

/** groupWork.ts bundled once (the detector registry needs Vite's import.meta.glob), with a page and a worker that run it. */
async function bundle(): Promise<void> {
  await build({
    configFile: false, logLevel: 'error',
    build: { target: 'es2022', outDir: dir, emptyOutDir: true, minify: true, lib: { entry: resolve('bench/threads/groupWork.ts'), formats: ['es'], fileName: 'groupWork' } },
  });
  writeFileSync(join(dir, 'worker.js'), `import { judgeGroups } from './groupWork.js';\nself.onmessage = (e) => self.postMessage(judgeGroups(e.data.athletes, e.data.reps));\n`);
  writeFileSync(join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><script type="module">
window.judgeInWorkers = (count, athletes, reps) => Promise.all(Array.from({ length: count }, () => new Promise((done, fail) => {
  const worker = new Worker('./worker.js', { type: 'module' });
  worker.onmessage = (e) => { done(e.data); worker.terminate(); };
  worker.onerror = (e) => fail(new Error(e.message));
  worker.postMessage({ athletes, reps });
})));
</script>`);
}

/** `count` Node processes side by side, each judging `reps` groups. */
function judgeInProcesses(count: number, reps: number): Promise<Judgement[][]> {
  const script = `import(${JSON.stringify(join(dir, 'groupWork.js'))}).then((m) => console.log(JSON.stringify(m.judgeGroups(${athletes}, ${reps}))))`;
  return Promise.all(Array.from({ length: count }, () => new Promise<Judgement[]>((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? done(JSON.parse(out)) : fail(new Error(`node exited with ${code}`))));
  })));
}

/** Groups per second of `runs` side by side, from each thread's warm judgements (its second half: V8 tiers up over the first). */
function throughput(runs: Judgement[][]): { perSecond: number; groupMs: number; coldMs: number } {
  const warm = runs.map((judgements) => median(judgements.slice(judgements.length >> 1).map((j) => j.milliseconds)));
  return { perSecond: warm.reduce((sum, ms) => sum + 1000 / ms, 0), groupMs: median(warm), coldMs: median(runs.map((judgements) => judgements[0].milliseconds)) };
}

/** Per detector in one thread: its first group (cold), the mean of its first three, and the median of the warm half. */
function detectorRows(judgements: Judgement[], where: string): BenchRow[] {
  return Object.keys(judgements[0].detectors).map((id) => {
    const ms = judgements.map((j) => j.detectors[id]);
    const warm = median(ms.slice(ms.length >> 1));
    return {
      suite: 'threads', case: `${id}: its first group in a fresh ${where}`, unit: 'ms', value: ms[0],
      reference: { label: 'a warm group (median of the second half)', value: warm },
      note: `first three ${ms.slice(0, 3).map((m) => m.toFixed(0)).join(' / ')} ms`,
    };
  });
}

/**
 * Does a second thread add a core's worth of detector work on this machine? The detectors
 * over ~22,000-result groups in one browser worker alone and two side by side in one tab (as
 * the app's pool runs them), beside one Node process alone and two side by side. Two workers
 * share their renderer's address space (its page faults, V8's madvise of freed memory) where
 * two processes do not, so the processes are the reference for what two cores can give.
 * Warm figures are each thread's second half; its first group is printed too (cold), and per
 * detector, one worker's first groups against its warm ones (where the JIT's warm-up goes).
 */
export const suite: BenchSuite = {
  name: 'threads',
  async run(context) {
    const reps = context.options.quick ? 12 : 20;
    mkdirSync(dir, { recursive: true });
    await bundle();
    // Served by the project's preview server from the bundle's own folder, on the port after the app's.
    const served = await serveBuiltApp({ port: Number(process.env.BENCH_PORT ?? 4192) + 1, outDir: dir, configFile: false });
    const page = await (await context.browser()).newPage().catch(async (error: unknown) => {
      await served.close();
      throw error;
    });
    try {
      await page.goto(`${served.url}/index.html`);
      await page.waitForFunction(() => 'judgeInWorkers' in window);
      const inWorkers = (count: number) => page.evaluate(([count, athletes, reps]) => (window as unknown as { judgeInWorkers(c: number, a: number, r: number): Promise<Judgement[][]> }).judgeInWorkers(count, athletes, reps), [count, athletes, reps] as const);
      const alone = await inWorkers(1);
      const worker1 = throughput(alone);
      const worker2 = throughput(await inWorkers(2));
      const process1 = throughput(await judgeInProcesses(1, reps));
      const process2 = throughput(await judgeInProcesses(2, reps));
      const suite = 'threads';
      const groupNote = (t: ReturnType<typeof throughput>) => `a warm group ${t.groupMs.toFixed(0)} ms per thread (the first: ${t.coldMs.toFixed(0)} ms)`;
      const out: BenchRow[] = [
        { suite, case: 'detectors, groups/s: two workers side by side in one tab', unit: 'groups/s', value: worker2.perSecond, reference: { label: 'one worker alone', value: worker1.perSecond }, note: `${groupNote(worker2)}; alone ${groupNote(worker1)}` },
        { suite, case: 'detectors, groups/s: two Node processes side by side', unit: 'groups/s', value: process2.perSecond, reference: { label: 'one Node process alone', value: process1.perSecond }, note: `${groupNote(process2)}; alone ${groupNote(process1)}` },
        { suite, case: 'detectors, groups/s: one worker alone', unit: 'groups/s', value: worker1.perSecond, reference: { label: 'one Node process alone', value: process1.perSecond }, note: 'the same bundle, Chromium against Node' },
        ...detectorRows(alone[0], 'browser worker'),
      ];
      return out;
    } finally {
      await page.close();
      await served.close();
    }
  },
};
