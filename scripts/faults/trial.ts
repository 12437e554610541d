/**
 * One fault tried on the app, and how it ended: refused with a clear message (the user's
 * file named, nothing of the program's insides), refused unclearly, loaded, hung (nothing
 * settled within the bound the file's size sets), crashed (an uncaught error, a view that
 * stopped, a dead tab), and whether data already there was lost.
 */
import type { Page } from '@playwright/test';

export type Outcome = 'refused' | 'unclear' | 'loaded' | 'hung' | 'crashed';

export interface Trial {
  area: string;
  fault: string;
  name: string;
  outcome: Outcome;
  lost: boolean;
  /** What the screen said (the refusal, the warning, or why it counts as crashed). */
  message: string;
  milliseconds: number;
}

/** The program's insides showing through a message: internal names, raw error classes, "undefined". */
const insides = /undefined|\[object|NaN|csv_[0-9a-f]{8}|upload-\d+\.csv|RuntimeError|TypeError|ReferenceError|RangeError|\bat \S+ \(|Error when sniffing/;

/** A refusal is clear when it names the file and shows nothing of the program's insides. */
export function isClear(message: string, fileName: string): boolean {
  return message.includes(fileName) && !insides.test(message);
}

/** Watches a page for what counts as a crash: uncaught errors, a stopped view, a dead tab. */
export class CrashWatch {
  #problems: string[] = [];

  constructor(page: Page) {
    page.on('pageerror', (error) => this.#problems.push(`uncaught: ${error.message}`));
    page.on('crash', () => this.#problems.push('the tab crashed'));
  }

  /** Problems since the last call, plus a view that shows "This view stopped". */
  async take(page: Page): Promise<string[]> {
    const problems = this.#problems.splice(0);
    if (!page.isClosed()) {
      const stopped = await page.getByText(/This view (stopped|failed)/).count().catch(() => 0);
      if (stopped > 0) problems.push('a view stopped');
    }
    return problems;
  }
}

/** Counts per outcome, one table row of the campaign. */
export function tally(area: string, trials: Trial[]): Record<string, string | number> {
  const count = (outcome: Outcome) => trials.filter((t) => t.outcome === outcome).length;
  return {
    area,
    tried: trials.length,
    'refused, clear message': count('refused'),
    'refused, unclear': count('unclear'),
    loaded: count('loaded'),
    hung: count('hung'),
    crashed: count('crashed'),
    'data lost': trials.filter((t) => t.lost).length,
  };
}
