import { registerSW } from 'virtual:pwa-register';

export interface ServiceWorkerEvents {
  /** A new version is waiting; `apply` reloads into it (called only when the user chooses). */
  onUpdateWaiting(apply: () => Promise<void>): void;
  /** Every asset is cached: the app now works with no network. */
  onOfflineReady(): void;
}

/**
 * Registers the service worker (precaching the whole app, wasm and workers included).
 * A new version waits until the user accepts the reload, so no work in progress is cut off;
 * what the shell shows about it is the caller's (app/start.ts wires the update banner).
 */
export function startServiceWorker(events: ServiceWorkerEvents): void {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => events.onUpdateWaiting(() => update(true)),
    onOfflineReady: () => events.onOfflineReady(),
  });
}
