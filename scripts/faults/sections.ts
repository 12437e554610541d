/**
 * The campaign's sections beyond files: each drives the app through its public surface and
 * answers with rows of the one table (same columns as the files' rows) and its details.
 */
import type { Browser } from '@playwright/test';

export type Row = Record<string, string | number>;

export interface SectionOptions {
  quick: boolean;
  /** Folder for what the section writes (feeds, logs). */
  out: string;
}

export interface Section {
  name: string;
  run(browser: Browser, appUrl: string, options: SectionOptions): Promise<{ rows: Row[]; details: unknown }>;
}

/** A row of the table from its counts. */
export function row(area: string, counts: { tried: number; refused?: number; unclear?: number; loaded?: number; hung?: number; crashed?: number; lost?: number }): Row {
  return {
    area,
    tried: counts.tried,
    'refused, clear message': counts.refused ?? 0,
    'refused, unclear': counts.unclear ?? 0,
    loaded: counts.loaded ?? 0,
    hung: counts.hung ?? 0,
    crashed: counts.crashed ?? 0,
    'data lost': counts.lost ?? 0,
  };
}

/** The sections after the files, in the order they run. */
export async function sections(): Promise<Section[]> {
  const { streamSection, quotaFeed } = await import('./streamFaults');
  const { rideSection } = await import('./rideFaults');
  return [streamSection, rideSection(quotaFeed)];
}
