/**
 * The folder of real data that check:real and the e2e-real specs read: `npm run check:real --
 * --data DIR` (handed to every check as TRACKSIDE_DATA), by default ../shared/data. Every
 * expectation is read from the folder itself, so the same checks run on any folder laid out
 * like ../shared/data; a file the folder lacks is skipped with a line saying so.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function dataFolder(): string {
  return resolve(process.env.TRACKSIDE_DATA ?? join(process.cwd(), '..', 'shared', 'data'));
}

/** The path of `relative` in the data folder, or null after printing that the check skips it. */
export function dataFile(relative: string, why = ''): string | null {
  const path = join(dataFolder(), relative);
  if (existsSync(path)) return path;
  console.log(`skipped: ${relative} is not in ${dataFolder()}${why ? ` (${why})` : ''}`);
  return null;
}

/** The files of a subfolder whose names pass `keep`, sorted; [] (and a "skipped" line) when it is missing. */
export function dataFiles(subfolder: string, keep: (name: string) => boolean): string[] {
  const dir = join(dataFolder(), subfolder);
  if (!existsSync(dir)) {
    console.log(`skipped: ${subfolder}/ is not in ${dataFolder()}`);
    return [];
  }
  return readdirSync(dir).filter(keep).sort().map((name) => join(dir, name));
}
