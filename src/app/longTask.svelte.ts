import { notices } from './notices.svelte';

export interface TaskProgress {
  phase: string;
  done: number;
  total: number;
}

/**
 * One long piece of work on screen: what is being done, how far, and a Cancel. The work
 * receives an AbortSignal and reports progress; failures go to the notices with context.
 */
export class LongTask {
  #running = $state(false);
  #progress = $state<TaskProgress>({ phase: '', done: 0, total: 0 });
  #controller: AbortController | null = null;
  #onCancel: (() => void) | null = null;

  get running(): boolean {
    return this.#running;
  }

  get progress(): TaskProgress {
    return this.#progress;
  }

  report = (progress: TaskProgress): void => {
    this.#progress = progress;
  };

  /** Runs `work`; returns its result, or undefined when it failed or was cancelled. */
  async run<T>(label: string, work: (signal: AbortSignal, report: (p: TaskProgress) => void) => Promise<T>, onCancel?: () => void): Promise<T | undefined> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#onCancel = onCancel ?? null;
    this.#running = true;
    this.#progress = { phase: label, done: 0, total: 0 };
    try {
      const result = await work(controller.signal, this.report);
      // A cancelled task never delivers: the user said they did not want it.
      return controller.signal.aborted ? undefined : result;
    } catch (error) {
      if (!controller.signal.aborted) notices.error(error, label);
      return undefined;
    } finally {
      if (this.#controller === controller) this.#running = false;
    }
  }

  cancel(): void {
    this.#controller?.abort();
    this.#onCancel?.();
    this.#running = false;
  }
}
