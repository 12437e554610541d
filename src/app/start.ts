import { mount } from 'svelte';
import App from './App.svelte';
import './theme.css';
import { appUpdate } from './appUpdate.svelte';
import { startServiceWorker } from '../platform/serviceWorker';
import { duckDb } from '../platform/duckdb/duckdbClient';

// The app's own code, loaded by main.ts once DuckDB's worker is on its way. The service
// worker's first install downloads every asset (44 MB, DuckDB's engine again among them):
// it waits until DuckDB is up, so that the first visit's first sight does not wait for it.
void duckDb().ready.catch(() => undefined).finally(() =>
  startServiceWorker({
    onUpdateWaiting: (apply) => appUpdate.offer(apply),
    onOfflineReady: () => appUpdate.markOfflineReady(),
  }),
);

export default mount(App, { target: document.getElementById('app')! });
