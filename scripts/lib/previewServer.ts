/**
 * The built app served from this process: Vite's preview server through its JavaScript API,
 * never `npx vite preview` (npx's child outlived `kill()` and kept its port for hours).
 * Stopping it stops everything it started, and a port already held is reported with the
 * process that holds it instead of being worked around.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { preview } from 'vite';

export interface ServedApp {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  port: number;
  /** The folder to serve (default: the build's `dist`). */
  outDir?: string;
  /** false serves without vite.config.ts (a test's own folder). */
  configFile?: string | false;
}

/** Builds the app (samples and `vite build`); the build exits, so nothing outlives it. */
export function buildApp(): void {
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

/** What the build is made from: a change to any of these makes dist/ stale. */
const BUILD_SOURCES = ['src', 'workers', 'wasm', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

/** The latest modification time (ms) of a file, or of any file under a folder; −Infinity when there is none. */
export function newestChange(path: string): number {
  if (!existsSync(path)) return -Infinity;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = -Infinity;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/**
 * Why dist/ must be built again, or null when it is up to date: no build yet, or a source
 * changed after it (a bench or a check on an earlier build would report that build's figures
 * as today's code's: it happened, 2026-12-03).
 */
export function staleBuild(root = '.'): string | null {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built)) return 'there is no build yet';
  const builtAt = statSync(built).mtimeMs;
  const changed = BUILD_SOURCES.filter((source) => newestChange(join(root, source)) > builtAt);
  return changed.length > 0 ? `${changed.join(', ')} changed after the last build` : null;
}

/** Builds when dist/ is missing or older than its sources, or when `--rebuild` is on the command line. */
export function ensureBuilt(): void {
  const why = process.argv.includes('--rebuild') ? '--rebuild was asked for' : staleBuild();
  if (!why) return;
  console.log(`building the app: ${why}`);
  buildApp();
}

export async function serveBuiltApp(options: ServeOptions): Promise<ServedApp> {
  const { port } = options;
  await assertPortFree(port);
  const server = await preview({
    configFile: options.configFile,
    logLevel: 'warn',
    build: options.outDir ? { outDir: options.outDir } : undefined,
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  let closed: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => (closed ??= server.close()),
  };
}

/** Throws, naming the process that holds it, when something already listens on the port. */
export async function assertPortFree(port: number): Promise<void> {
  if (await canListen(port)) return;
  const holder = portHolder(port);
  const who = holder ? `process ${holder.pid} (${holder.command})` : 'another process';
  throw new Error(`port ${port} is already in use by ${who}: stop it (kill ${holder?.pid ?? '<pid>'}) or choose another port`);
}

/** Whether a server could listen on 127.0.0.1:port right now (it is closed again at once). */
export function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The process listening on a TCP port, read from /proc (Linux); null when it cannot be told. */
export function portHolder(port: number): { pid: number; command: string } | null {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; the inode is the 10th field.
      if (fields.length > 9 && fields[3] === '0A' && parseInt(fields[1].split(':')[1], 16) === port) inodes.add(fields[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let descriptors: string[];
    try {
      descriptors = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of descriptors) {
      let target = '';
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) {
        const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
        return { pid: Number(entry), command };
      }
    }
  }
  return null;
}

/** The PIDs of this process's living children (Linux). */
export function childProcesses(pid = process.pid): number[] {
  const children: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const file = `/proc/${pid}/task/${task}/children`;
    if (!existsSync(file)) continue;
    children.push(...readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  }
  return children;
}
