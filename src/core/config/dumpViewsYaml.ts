import { stringify } from 'yaml';
import type { ViewsFile } from './viewSchema';

/** A views file as YAML for export; loadViewsYaml(dumpViewsYaml(f)) gives f back. */
export function dumpViewsYaml(file: ViewsFile): string {
  return stringify(file, { lineWidth: 0 });
}
