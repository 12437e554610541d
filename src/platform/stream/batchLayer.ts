import { tableToIPC } from 'apache-arrow';
import { actionColumns, actionsRawColumns, createActionsRawSql } from '../../core/events/actionColumns';
import { consistencyByGame, consistencyReport, type ConsistencyReport } from '../../core/events/consistencyReport';
import type { GameAction } from '../../core/events/gameAction';
import type { ImpactOptions } from '../../core/events/impactModel';
import { playerGameKey } from '../../core/events/runningTotals';
import { kpiQueries, playerGameScoresSql, starSchemaSql } from '../../core/events/starSchemaSql';
import { duckDb } from '../duckdb/duckdbClient';
import { float64Column, int32Column, tableOfColumns, utf8Column } from '../intake/arrowColumns';
import type { Vector } from 'apache-arrow';

export interface BatchScores {
  gameScore: Map<string, number>;
  impact: Map<string, number>;
}

export type KpiRow = Record<string, string | number>;

export interface BatchResult {
  actions: number;
  loadMs: number;
  kpis: { topPlayers: KpiRow[]; byTeam: KpiRow[]; byPeriod: KpiRow[]; clutch: KpiRow[] };
  scores: BatchScores;
}

/** actions_raw as Arrow IPC, built by hand (no `new Function`, see arrowColumns.ts). */
export function actionsRawIpc(actions: readonly GameAction[]): Uint8Array {
  const values = actionColumns(actions);
  const columns: Record<string, Vector> = {};
  for (const c of actionsRawColumns) {
    const column = values[c.name];
    columns[c.name] = c.arrowType === 'Utf8' ? utf8Column(column as string[]) : c.arrowType === 'Int32' ? int32Column(column as Int32Array) : float64Column(column as Float64Array);
  }
  return tableToIPC(tableOfColumns(columns), 'stream');
}

/**
 * The batch layer: the same accepted actions into DuckDB through Arrow (actions_raw →
 * star schema), the KPI tables, and Game Score and impact recomputed in SQL per player-game.
 */
export async function runBatchLayer(actions: readonly GameAction[], impact: Partial<ImpactOptions>): Promise<BatchResult> {
  const started = performance.now();
  const db = duckDb();
  await db.exec(createActionsRawSql);
  await db.insertArrow('actions_raw', actionsRawIpc(actions), false);
  await db.exec(starSchemaSql(impact));
  const loadMs = performance.now() - started;
  const [topPlayers, byTeam, byPeriod, clutch, players] = await Promise.all([
    db.rows<KpiRow>(kpiQueries.topPlayersByImpact(10)),
    db.rows<KpiRow>(kpiQueries.impactByTeam()),
    db.rows<KpiRow>(kpiQueries.impactByPeriod()),
    db.rows<KpiRow>(kpiQueries.clutchLeaders(10)),
    db.rows<{ gameId: string; personId: number; game_score: number; impact: number }>(playerGameScoresSql),
  ]);
  const scores: BatchScores = { gameScore: new Map(), impact: new Map() };
  for (const p of players) {
    const key = playerGameKey(p.gameId, p.personId);
    scores.gameScore.set(key, p.game_score);
    scores.impact.set(key, p.impact);
  }
  return { actions: actions.length, loadMs, kpis: { topPlayers, byTeam, byPeriod, clutch }, scores };
}

export interface ConsistencyView {
  overall: ConsistencyReport;
  gameScore: ConsistencyReport;
  byGame: [string, ConsistencyReport][];
}

/** Streaming against batch: impact (the approximation) overall and per game, and Game Score. */
export function compareWithBatch(streaming: BatchScores, batch: BatchScores, topN = 20): ConsistencyView {
  return {
    overall: consistencyReport(streaming.impact, batch.impact, { topN }),
    gameScore: consistencyReport(streaming.gameScore, batch.gameScore, { topN }),
    byGame: [...consistencyByGame(streaming.impact, batch.impact, { topN: Math.min(topN, 10) })],
  };
}
