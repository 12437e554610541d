import { registerSW } from 'virtual:pwa-register';
import { appUpdate } from '../app/appUpdate.svelte';

/**
 * Registers the service worker (precaching the whole app, wasm and workers included).
 * A new version waits until the user accepts the reload, so no work in progress is cut off.
 */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    immediate: true,
    onNeedRefresh() {
      appUpdate.offer(() => update(true));
    },
    onOfflineReady() {
      appUpdate.markOfflineReady();
    },
  });
}
