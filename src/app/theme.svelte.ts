export type Theme = 'default' | 'sunlight';

const storageKey = 'trackside.theme';

/** The theme is a device preference, kept in localStorage (tiny, synchronous at start-up). */
class ThemeSetting {
  #theme = $state<Theme>((globalThis.localStorage?.getItem(storageKey) as Theme | null) ?? 'default');

  constructor() {
    this.apply();
  }

  get theme(): Theme {
    return this.#theme;
  }

  set theme(value: Theme) {
    this.#theme = value;
    localStorage.setItem(storageKey, value);
    this.apply();
  }

  private apply(): void {
    if (typeof document !== 'undefined') document.documentElement.dataset.theme = this.#theme;
  }
}

export const themeSetting = new ThemeSetting();
