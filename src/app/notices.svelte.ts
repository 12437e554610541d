import { CancelledError, describeError } from '../platform/dataError';

export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'info';
  text: string;
}

/**
 * Messages for the person using the app. Every failure lands here with what went wrong and
 * where, so nothing is only a console error; a Cancel is not an error and shows nothing.
 */
class Notices {
  #items = $state<Notice[]>([]);
  #next = 1;

  get items(): Notice[] {
    return this.#items;
  }

  add(kind: Notice['kind'], text: string): void {
    this.#items = [...this.#items, { id: this.#next++, kind, text }];
  }

  error(error: unknown, context?: string): void {
    if (error instanceof CancelledError) return;
    this.add('error', `${context ? `${context}: ` : ''}${describeError(error)}`);
  }

  dismiss(id: number): void {
    this.#items = this.#items.filter((item) => item.id !== id);
  }
}

export const notices = new Notices();
