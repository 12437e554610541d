/**
 * One event and sex's detector features (eventFeaturesSql's result as Arrow IPC) as the
 * detectors' EventColumns, with the performance ids that map scores back to rows.
 */
import type { EventColumns } from '../../../core/detectors/types';
import { integersOf, numbersOf, readIpc } from '../arrowReading';

export interface EventGroupKey {
  event: string;
  sex: string;
  direction: 'lower' | 'higher';
}

export function eventGroupColumns(ipc: Uint8Array, group: EventGroupKey): { columns: EventColumns; performanceIds: Int32Array } {
  const table = readIpc(ipc);
  return {
    performanceIds: integersOf(table, 'performance_id'),
    columns: {
      event: group.event,
      sex: group.sex,
      direction: group.direction,
      mark: numbersOf(table, 'mark'),
      athlete: integersOf(table, 'athlete_id', 0),
      season: integersOf(table, 'season', 0),
      dayNumber: numbersOf(table, 'day_number'),
      age: numbersOf(table, 'age'),
      wind: numbersOf(table, 'wind'),
    },
  };
}
