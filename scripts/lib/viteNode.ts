/**
 * Runs a TypeScript file through Vite's module runner, so that Vite-only features the app
 * relies on (import.meta.glob: the detector registry, the compute tasks) work in Node too.
 * Usage: npx tsx scripts/lib/viteNode.ts path/to/script.ts [args…]
 */
import { resolve } from 'node:path';
import { createServer, createServerModuleRunner } from 'vite';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: viteNode.ts FILE [args…]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(file), ...args];
const server = await createServer({ configFile: false, server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error', optimizeDeps: { noDiscovery: true, include: [] } });
const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
let failed = false;
try {
  await runner.import(resolve(file));
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await runner.close();
  await server.close();
}
if (failed) process.exit(1);
