import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canListen, childProcesses, portHolder, serveBuiltApp, staleBuild } from './previewServer';

const port = 4379;
const site = mkdtempSync(join(tmpdir(), 'trackside-preview-'));
writeFileSync(join(site, 'index.html'), '<!doctype html><title>served</title><p>served by the harness</p>');

let blocker: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve())).then(() => (blocker = null)));

describe('the preview server of the test, check and bench harness', () => {
  it('serves, and after close the port is free again and no child process remains', async () => {
    const childrenBefore = childProcesses();
    const served = await serveBuiltApp({ port, outDir: site, configFile: false });
    const page = await (await fetch(`${served.url}/`)).text();
    expect(page).toContain('served by the harness');
    expect(await canListen(port)).toBe(false);
    await served.close();
    expect(await canListen(port)).toBe(true);
    expect(childProcesses()).toEqual(childrenBefore);
  });

  it('refuses a held port, naming the process that holds it, instead of moving to another', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(port, '127.0.0.1', resolve));
    expect(portHolder(port)?.pid).toBe(process.pid);
    await expect(serveBuiltApp({ port, outDir: site, configFile: false })).rejects.toThrow(
      new RegExp(`port ${port} is already in use by process ${process.pid} \\(`),
    );
  });

  it('builds again when a source changed after the build, not when none did', () => {
    const root = mkdtempSync(join(tmpdir(), 'trackside-stale-'));
    expect(staleBuild(root)).toBe('there is no build yet');
    mkdirSync(join(root, 'src', 'core'), { recursive: true });
    mkdirSync(join(root, 'dist'));
    const source = join(root, 'src', 'core', 'forest.ts'), built = join(root, 'dist', 'index.html');
    writeFileSync(source, 'export {};');
    writeFileSync(built, '<!doctype html>');
    const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);
    at(source, 1_000); at(built, 2_000);
    expect(staleBuild(root)).toBeNull();
    at(source, 3_000); // a file two folders down, edited after the build
    expect(staleBuild(root)).toBe('src changed after the last build');
  });
});
