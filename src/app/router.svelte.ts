export type Route = 'home' | 'results' | 'ride' | 'stream' | 'settings';

const routes: Route[] = ['home', 'results', 'ride', 'stream', 'settings'];

function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (routes as string[]).includes(name) ? (name as Route) : 'home';
}

/** Hash routing: works from a file, a static host and the service worker's cache alike. */
class Router {
  #route = $state<Route>(routeFromHash(globalThis.location?.hash ?? ''));

  constructor() {
    globalThis.addEventListener?.('hashchange', () => (this.#route = routeFromHash(location.hash)));
  }

  get route(): Route {
    return this.#route;
  }

  go(route: Route): void {
    location.hash = route === 'home' ? '#/' : `#/${route}`;
  }
}

export const router = new Router();
