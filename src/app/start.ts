import { mount } from 'svelte';
import App from './App.svelte';
import './theme.css';
import { appUpdate } from './appUpdate.svelte';
import { startServiceWorker } from '../platform/serviceWorker';
import { duckDb } from '../platform/duckdb/duckdbClient';

// The app's own code, loaded by main.ts once DuckDB's worker is on its way.
void duckDb().ready.catch(() => undefined);
startServiceWorker({
  onUpdateWaiting: (apply) => appUpdate.offer(apply),
  onOfflineReady: () => appUpdate.markOfflineReady(),
});

export default mount(App, { target: document.getElementById('app')! });
