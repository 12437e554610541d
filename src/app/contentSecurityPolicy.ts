/**
 * The Content-Security-Policy of the built app: only our own origin.
 * - 'wasm-unsafe-eval': DuckDB-WASM and parquet-wasm compile WebAssembly; nothing else
 *   is evaluated (ajv validators are precompiled at build time, see src/core/config).
 * - worker-src blob: DuckDB's Emscripten runtime may start helpers from blob URLs.
 * - style-src 'unsafe-inline': Svelte and Chart.js set style attributes; styles cannot run code.
 * - connect-src: our own origin for the app's files; ws:/wss:/https: so that the Stream
 *   workspace can read a live feed from a URL the analyst types (data comes in, nothing
 *   is sent out but the request itself).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' blob: data: https: wss: ws:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
