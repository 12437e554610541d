import { existsSync, linkSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The generated results file under a name of its own (a hard link beside it): the app's
 * first-sight sample is also called results.parquet, and a file of the same name replaces it.
 */
export function linkedCopy(path: string, name: string): string {
  const copy = join(dirname(path), name);
  if (!existsSync(copy)) linkSync(path, copy);
  return copy;
}
