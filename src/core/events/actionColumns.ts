/**
 * The flat table `actions_raw` that the batch layer loads (through Arrow in the app, an
 * appender in Node): one row per accepted action version, in arrival order, with exactly
 * the GameAction fields plus `arrival` (the order in which versions arrived, which breaks
 * ties between two versions with the same `edited`: the first one stays, as ActionStore
 * keeps it). Names are the GameAction field names, so a row is the action itself.
 */
import type { GameAction } from './gameAction.ts';

export interface ActionsRawColumn {
  name: keyof GameAction | 'arrival';
  sqlType: 'VARCHAR' | 'INTEGER' | 'DOUBLE';
  /** apache-arrow type to build: Utf8, Int32 or Float64. */
  arrowType: 'Utf8' | 'Int32' | 'Float64';
}

const column = (name: ActionsRawColumn['name'], sqlType: ActionsRawColumn['sqlType']): ActionsRawColumn => ({
  name,
  sqlType,
  arrowType: sqlType === 'VARCHAR' ? 'Utf8' : sqlType === 'INTEGER' ? 'Int32' : 'Float64',
});

/** In table order. Epoch milliseconds are DOUBLE (exact to 2^53, no BigInt in JavaScript). */
export const actionsRawColumns: readonly ActionsRawColumn[] = Object.freeze([
  column('gameId', 'VARCHAR'),
  column('actionNumber', 'INTEGER'),
  column('orderNumber', 'INTEGER'),
  column('period', 'INTEGER'),
  column('clockSeconds', 'DOUBLE'),
  column('timeActualMs', 'DOUBLE'),
  column('editedMs', 'DOUBLE'),
  column('actionType', 'VARCHAR'),
  column('subType', 'VARCHAR'),
  column('qualifiers', 'VARCHAR'),
  column('teamId', 'INTEGER'),
  column('teamTricode', 'VARCHAR'),
  column('personId', 'INTEGER'),
  column('playerName', 'VARCHAR'),
  column('assistPersonId', 'INTEGER'),
  column('stealPersonId', 'INTEGER'),
  column('blockPersonId', 'INTEGER'),
  column('shotResult', 'VARCHAR'),
  column('scoreHome', 'INTEGER'),
  column('scoreAway', 'INTEGER'),
  column('arrival', 'INTEGER'),
]);

export const createActionsRawSql = `CREATE OR REPLACE TABLE actions_raw (\n${actionsRawColumns
  .map((c) => `  "${c.name}" ${c.sqlType} NOT NULL`)
  .join(',\n')}\n);`;

export type ActionColumnValues = Int32Array | Float64Array | string[];

/** Column arrays for `actions_raw` (ready for apache-arrow's tableFromArrays); arrival = index. */
export function actionColumns(actions: readonly GameAction[]): Record<ActionsRawColumn['name'], ActionColumnValues> {
  const columns = {} as Record<ActionsRawColumn['name'], ActionColumnValues>;
  for (const c of actionsRawColumns) {
    if (c.name === 'arrival') {
      columns.arrival = Int32Array.from(actions, (_, i) => i);
      continue;
    }
    const name = c.name;
    if (c.sqlType === 'VARCHAR') columns[name] = actions.map((a) => String(a[name]));
    else if (c.sqlType === 'INTEGER') columns[name] = Int32Array.from(actions, (a) => a[name] as number);
    else columns[name] = Float64Array.from(actions, (a) => a[name] as number);
  }
  return columns;
}
