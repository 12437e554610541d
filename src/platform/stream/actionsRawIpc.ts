import { tableToIPC, type Vector } from 'apache-arrow';
import { actionColumns, actionsRawColumns } from '../../core/events/actionColumns';
import type { GameAction } from '../../core/events/gameAction';
import { float64Column, int32Column, tableOfColumns, utf8Column } from '../intake/arrowColumns';

/**
 * actions_raw as Arrow IPC, built by hand (no `new Function`, see arrowColumns.ts), in the
 * coordinator worker; the page receives it transferred and inserts it into DuckDB.
 */
export function actionsRawIpc(actions: readonly GameAction[]): Uint8Array {
  const values = actionColumns(actions);
  const columns: Record<string, Vector> = {};
  for (const c of actionsRawColumns) {
    const column = values[c.name];
    columns[c.name] = c.arrowType === 'Utf8' ? utf8Column(column as string[]) : c.arrowType === 'Int32' ? int32Column(column as Int32Array) : float64Column(column as Float64Array);
  }
  return tableToIPC(tableOfColumns(columns), 'stream');
}

