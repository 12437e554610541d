/**
 * The built app served from this process: Vite's preview server through its JavaScript API,
 * never `npx vite preview` (npx's child outlived `kill()` and kept its port for hours).
 * Stopping it stops everything it started, and a port already held is reported with the
 * process that holds it instead of being worked around.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
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

/** Builds when there is no build yet, or when `--rebuild` is on the command line. */
export function ensureBuilt(): void {
  if (existsSync('dist/index.html') && !process.argv.includes('--rebuild')) return;
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
