/**
 * A new version of the app is waiting. The banner offers the reload; before it happens,
 * every workspace flushes what it holds (recordings and checkpoints are already saved as
 * they happen, so the flush is a last second at most).
 */
class AppUpdate {
  #available = $state(false);
  #offlineReady = $state(false);
  #apply: (() => Promise<void>) | null = null;
  readonly #beforeReload = new Set<() => Promise<void> | void>();

  get available(): boolean {
    return this.#available;
  }

  get offlineReady(): boolean {
    return this.#offlineReady;
  }

  offer(apply: () => Promise<void>): void {
    this.#apply = apply;
    this.#available = true;
  }

  markOfflineReady(): void {
    this.#offlineReady = true;
  }

  /** A workspace registers what must be saved before a reload; returns the unregister. */
  onBeforeReload(flush: () => Promise<void> | void): () => void {
    this.#beforeReload.add(flush);
    return () => this.#beforeReload.delete(flush);
  }

  async reload(): Promise<void> {
    for (const flush of this.#beforeReload) await flush();
    await this.#apply?.();
  }

  dismiss(): void {
    this.#available = false;
  }
}

export const appUpdate = new AppUpdate();
