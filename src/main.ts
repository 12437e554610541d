import { mount } from 'svelte';
import App from './app/App.svelte';
import './app/theme.css';
import { appUpdate } from './app/appUpdate.svelte';
import { startServiceWorker } from './platform/serviceWorker';
import { duckDb } from './platform/duckdb/duckdbClient';

// DuckDB takes a second or two to instantiate: start it now, in the background.
void duckDb().ready.catch(() => undefined);
startServiceWorker({
  onUpdateWaiting: (apply) => appUpdate.offer(apply),
  onOfflineReady: () => appUpdate.markOfflineReady(),
});

export default mount(App, { target: document.getElementById('app')! });
