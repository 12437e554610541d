import { createActionsRawSql } from '../../core/events/actionColumns';
import { consistencyByGame, consistencyReport, type ConsistencyReport } from '../../core/events/consistencyReport';
import type { ImpactOptions } from '../../core/events/impactModel';
import { playerGameKey } from '../../core/events/runningTotals';
import { kpiQueries, playerGameScoresSql, starSchemaSql } from '../../core/events/starSchemaSql';
import { duckDb } from '../duckdb/duckdbClient';

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

/** Ids are identifiers, not quantities: as text, so no table prints "1,630,178". */
function idsAsText(rows: KpiRow[]): KpiRow[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, /Id$/.test(key) ? String(value) : value])));
}

/**
 * The batch layer: the accepted actions (actions_raw as Arrow IPC, built in the coordinator
 * worker) into DuckDB → star schema, the KPI tables, and Game Score and impact recomputed in
 * SQL per player-game.
 */
export async function runBatchLayer(input: { ipc: Uint8Array; actions: number }, impact: Partial<ImpactOptions>): Promise<BatchResult> {
  const started = performance.now();
  const db = duckDb();
  await db.exec(createActionsRawSql);
  await db.insertArrow('actions_raw', input.ipc, false);
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
  return { actions: input.actions, loadMs, kpis: { topPlayers: idsAsText(topPlayers), byTeam: idsAsText(byTeam), byPeriod, clutch: idsAsText(clutch) }, scores };
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
