/** Loads parsed game actions into `actions_raw` on native DuckDB (tests and check:real). */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { GameAction } from '../../src/core/events/gameAction';
import { actionsRawColumns, createActionsRawSql } from '../../src/core/events/actionColumns';

export async function appendActionsRaw(connection: DuckDBConnection, actions: readonly GameAction[]): Promise<void> {
  await connection.run(createActionsRawSql);
  const appender = await connection.createAppender('actions_raw');
  actions.forEach((action, arrival) => {
    for (const column of actionsRawColumns) {
      const value = column.name === 'arrival' ? arrival : action[column.name];
      if (column.sqlType === 'VARCHAR') appender.appendVarchar(String(value));
      else if (column.sqlType === 'INTEGER') appender.appendInteger(Number(value));
      else appender.appendDouble(Number(value));
    }
    appender.endRow();
  });
  appender.flushSync();
  appender.closeSync();
}
