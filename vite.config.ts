import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './src/app/contentSecurityPolicy.ts';
import { duckdbDynamicLinking } from './scripts/build/duckdbDynamicLinking.ts';

/** Puts the policy into index.html as a meta tag, so that every host of the static build enforces it. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'trackside-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  plugins: [
    svelte(),
    contentSecurityPolicyMeta(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        name: 'Trackside',
        short_name: 'Trackside',
        description: 'Sports performance analytics on your own device: race results, live power, live games. Works offline.',
        theme_color: '#0b3d3a',
        background_color: '#0b1414',
        display: 'standalone',
        start_url: '.',
        scope: '.',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the app needs offline: the DuckDB and parquet wasm, every worker, the samples.
        globPatterns: ['**/*.{js,css,html,wasm,png,svg,webmanifest,parquet,csv,xlsx,jsonl,yaml}'],
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // Our DuckDB worker imports DuckDB-WASM's worker script by URL: it is patched there (see the plugin).
  worker: { format: 'es', plugins: () => [duckdbDynamicLinking()] },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 4096 },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  preview: {
    port: 4173,
    strictPort: false,
    headers: { 'Content-Security-Policy': `${contentSecurityPolicy}; frame-ancestors 'none'` },
  },
  server: { port: 5173 },
});
