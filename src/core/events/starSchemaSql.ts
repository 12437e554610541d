/**
 * The batch layer: the same actions in a star schema (DuckDB SQL, run by the DuckDB worker
 * in the app and by native DuckDB in the tests and checks), and the Game Score and impact
 * recomputed there by the definitions of gameScore.ts and impactModel.ts.
 *
 *   actions_raw (actionColumns.ts) ──▶ fact_action: the latest version of each
 *   (gameId, actionNumber), its points, clutch weight, momentum run and factor
 *   dim_game, dim_team, dim_player, dim_period around it
 *   player_credit (view): one row per player an action credits, with its Game Score and impact
 *   player_game (view): per player-game counts, Game Score (from the summed counts) and impact
 */
import { impactOptions, type ImpactOptions } from './impactModel.ts';

const double = (value: number): string => `${value}::DOUBLE`;

/** CREATE statements for the whole schema, with the impact model's parameters. */
export function starSchemaSql(options: Partial<ImpactOptions> = {}): string {
  const o = impactOptions(options);
  return `
CREATE OR REPLACE TABLE fact_action AS
WITH latest AS (
  SELECT * FROM actions_raw
  QUALIFY row_number() OVER (PARTITION BY gameId, actionNumber ORDER BY editedMs DESC, arrival ASC) = 1
), scored AS (
  SELECT *,
    CASE WHEN shotResult = 'Made' THEN CASE actionType WHEN '3pt' THEN 3 WHEN '2pt' THEN 2 WHEN 'freethrow' THEN 1 ELSE 0 END ELSE 0 END AS points,
    (row_number() OVER (PARTITION BY gameId ORDER BY timeActualMs, orderNumber))::INTEGER AS event_seq
  FROM latest
), runs AS (
  SELECT *,
    coalesce(sum(points) OVER (PARTITION BY gameId, teamId ORDER BY event_seq
      RANGE BETWEEN ${o.momentumWindow} PRECEDING AND 1 PRECEDING), 0) AS own_points,
    coalesce(sum(points) OVER (PARTITION BY gameId ORDER BY event_seq
      ROWS BETWEEN ${o.momentumWindow} PRECEDING AND 1 PRECEDING), 0) AS all_points
  FROM scored
)
SELECT * EXCLUDE (own_points, all_points),
  abs(scoreHome - scoreAway)::INTEGER AS score_margin,
  (period >= 4 AND clockSeconds <= 300 AND abs(scoreHome - scoreAway) <= 5) AS is_clutch,
  1 + ${double(o.clutchBoost)}
    * (CASE WHEN period >= 4 THEN greatest(0::DOUBLE, 1 - clockSeconds / ${double(o.clutchSeconds)}) ELSE 0::DOUBLE END)
    * greatest(0::DOUBLE, 1 - abs(scoreHome - scoreAway)::DOUBLE / ${double(o.clutchMargin)}) AS clutch_weight,
  (2 * own_points - all_points)::INTEGER AS momentum_run,
  1 + ${double(o.momentumPerPoint)} * greatest(${double(-o.momentumCap)}, least(${double(o.momentumCap)}, (2 * own_points - all_points)::DOUBLE)) AS momentum_factor
FROM runs;

CREATE OR REPLACE VIEW player_credit AS
WITH credited AS (
  SELECT * FROM fact_action
  WHERE personId <> 0 AND personId <> teamId AND (
    actionType IN ('2pt', '3pt', 'freethrow', 'turnover', 'steal', 'block')
    OR (actionType = 'rebound' AND subType IN ('offensive', 'defensive'))
    OR (actionType = 'foul' AND subType IN ('personal', 'offensive')))
), credits AS (
  SELECT gameId, actionNumber, period, is_clutch, clutch_weight, momentum_factor, personId, teamId,
    points AS pts,
    (actionType IN ('2pt', '3pt') AND shotResult = 'Made')::INTEGER AS fgm,
    (actionType IN ('2pt', '3pt'))::INTEGER AS fga,
    (actionType = 'freethrow' AND shotResult = 'Made')::INTEGER AS ftm,
    (actionType = 'freethrow')::INTEGER AS fta,
    (actionType = 'rebound' AND subType = 'offensive')::INTEGER AS orb,
    (actionType = 'rebound' AND subType = 'defensive')::INTEGER AS drb,
    0 AS ast,
    (actionType = 'steal')::INTEGER AS stl,
    (actionType = 'block')::INTEGER AS blk,
    (actionType = 'foul')::INTEGER AS pf,
    (actionType = 'turnover')::INTEGER AS tov
  FROM credited
  UNION ALL
  SELECT gameId, actionNumber, period, is_clutch, clutch_weight, momentum_factor, assistPersonId, teamId,
    0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0
  FROM credited
  WHERE actionType IN ('2pt', '3pt') AND shotResult = 'Made' AND assistPersonId <> 0 AND assistPersonId <> personId
)
SELECT *, ${gameScoreExpression('')} AS game_score,
  ${gameScoreExpression('')} * clutch_weight * momentum_factor AS impact
FROM credits;

CREATE OR REPLACE VIEW player_game AS
SELECT gameId, personId, max(teamId)::INTEGER AS teamId,
  ${['pts', 'fgm', 'fga', 'ftm', 'fta', 'orb', 'drb', 'ast', 'stl', 'blk', 'pf', 'tov'].map((k) => `sum(${k})::INTEGER AS ${k}`).join(', ')},
  ${gameScoreExpression('sum')} AS game_score,
  sum(impact)::DOUBLE AS impact
FROM player_credit
GROUP BY gameId, personId;

CREATE OR REPLACE TABLE dim_game AS
WITH shots AS (
  SELECT gameId, teamId, points, scoreHome - lag(scoreHome, 1, 0) OVER (PARTITION BY gameId ORDER BY event_seq) AS home_change
  FROM fact_action
)
SELECT f.gameId, count(*)::INTEGER AS actions, min(timeActualMs) AS first_event_ms, max(timeActualMs) AS last_event_ms,
  arg_max(scoreHome, event_seq)::INTEGER AS final_home, arg_max(scoreAway, event_seq)::INTEGER AS final_away,
  (SELECT mode(s.teamId) FROM shots s WHERE s.gameId = f.gameId AND s.points > 0 AND s.home_change > 0)::INTEGER AS home_team_id,
  (SELECT mode(s.teamId) FROM shots s WHERE s.gameId = f.gameId AND s.points > 0 AND s.home_change = 0)::INTEGER AS away_team_id
FROM fact_action f GROUP BY f.gameId;

CREATE OR REPLACE TABLE dim_team AS
SELECT teamId, max(teamTricode) AS teamTricode, count(DISTINCT gameId)::INTEGER AS games
FROM fact_action WHERE teamId <> 0 GROUP BY teamId;

CREATE OR REPLACE TABLE dim_player AS
SELECT c.personId, max(c.teamId)::INTEGER AS teamId,
  coalesce((SELECT arg_max(f.playerName, f.timeActualMs) FROM fact_action f WHERE f.personId = c.personId AND f.playerName <> ''), '') AS playerName
FROM player_credit c GROUP BY c.personId;

CREATE OR REPLACE TABLE dim_period AS
SELECT DISTINCT period, CASE WHEN period <= 4 THEN 'Q' || period ELSE 'OT' || (period - 4) END AS label,
  (CASE WHEN period <= 4 THEN 720 ELSE 300 END)::INTEGER AS seconds
FROM fact_action;
`;
}

/** Hollinger Game Score over the count columns, each wrapped in `aggregate` ('' or 'sum'). */
function gameScoreExpression(aggregate: '' | 'sum'): string {
  const c = (name: string): string => (aggregate === '' ? name : `${aggregate}(${name})`);
  return `(${c('pts')} + 0.4::DOUBLE * ${c('fgm')} - 0.7::DOUBLE * ${c('fga')} - 0.4::DOUBLE * (${c('fta')} - ${c('ftm')})
    + 0.7::DOUBLE * ${c('orb')} + 0.3::DOUBLE * ${c('drb')} + ${c('stl')} + 0.7::DOUBLE * ${c('ast')}
    + 0.7::DOUBLE * ${c('blk')} - 0.4::DOUBLE * ${c('pf')} - ${c('tov')})::DOUBLE`;
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`invalid limit: ${limit}`);
  return limit;
}

/** Per player-game Game Score and impact, the batch side of the consistency report. */
export const playerGameScoresSql = `SELECT gameId, personId, teamId, pts, fgm, fga, ftm, fta, orb, drb, ast, stl, blk, pf, tov, game_score, impact
FROM player_game ORDER BY gameId, personId`;

/** The KPI tables of the batch view; every number is cast so no BigInt comes back. */
export const kpiQueries = {
  topPlayersByImpact: (limit = 10): string => `SELECT g.personId, p.playerName, t.teamTricode, count(*)::INTEGER AS games,
  sum(g.game_score)::DOUBLE AS game_score, sum(g.impact)::DOUBLE AS impact
FROM player_game g JOIN dim_player p USING (personId) LEFT JOIN dim_team t ON t.teamId = g.teamId
GROUP BY ALL ORDER BY impact DESC, g.personId LIMIT ${checkLimit(limit)}`,
  impactByTeam: (): string => `SELECT c.teamId, t.teamTricode, count(DISTINCT c.gameId)::INTEGER AS games,
  sum(c.game_score)::DOUBLE AS game_score, sum(c.impact)::DOUBLE AS impact
FROM player_credit c JOIN dim_team t USING (teamId) GROUP BY ALL ORDER BY impact DESC, c.teamId`,
  impactByPeriod: (): string => `SELECT c.period, d.label, sum(c.game_score)::DOUBLE AS game_score, sum(c.impact)::DOUBLE AS impact,
  avg(c.clutch_weight * c.momentum_factor)::DOUBLE AS mean_weight
FROM player_credit c JOIN dim_period d USING (period) GROUP BY ALL ORDER BY c.period`,
  clutchLeaders: (limit = 10): string => `SELECT c.personId, p.playerName, count(*)::INTEGER AS credits,
  sum(c.game_score)::DOUBLE AS game_score, sum(c.impact)::DOUBLE AS impact
FROM player_credit c JOIN dim_player p USING (personId) WHERE c.is_clutch
GROUP BY ALL ORDER BY impact DESC, c.personId LIMIT ${checkLimit(limit)}`,
} as const;
