import type { GameAction } from '../../core/events/gameAction';
import type { Reject } from '../../core/events/parseAction';
import type { FeedEntry, GameName, SaveView, StreamView, ViewOptions } from './streamEngine.api';
import type { StreamRun } from './streamRun';

const FEED_SHOWN = 12;
const REJECTS_SHOWN = 200;
const LATE_SHOWN = 50;
const LEADERS_SHOWN = 10;

/** What the page shows of a run (or of none yet): a few kilobytes, whatever the stream's size. */
export interface ViewContext {
  label: string;
  resumed: string;
  problem: string | null;
  options: ViewOptions;
  save: SaveView;
  cores: number;
  /** Side outputs are sent only when their counts changed since the last view. */
  sideSeen: { version: number; counts: string };
}

function games(run: StreamRun): GameName[] {
  const { titles } = run.pipeline;
  const open = titles.gameIds().map((gameId) => ({ gameId, title: titles.title(gameId), closed: false }));
  const closed = [...run.closedTitles].map(([gameId, title]) => ({ gameId, title, closed: true }));
  return [...closed, ...open].sort((a, b) => (a.gameId < b.gameId ? -1 : a.gameId > b.gameId ? 1 : 0));
}

function feed(run: StreamRun, gameId: string | null): FeedEntry[] {
  const feed = gameId === null ? undefined : run.feed.byGame.get(gameId);
  if (feed === undefined) return [];
  return feed.recent.slice(-FEED_SHOWN).reverse().map((row) => {
    const action = run.pipeline.action(feed.rows, row);
    return { key: `${action.gameId}#${action.actionNumber}`, action };
  });
}

function side(run: StreamRun): { rejects: Reject[]; late: GameAction[]; afterClose: GameAction[] } {
  return { rejects: run.rejects.slice(0, REJECTS_SHOWN), late: run.pipeline.late.kept.slice(-LATE_SHOWN).reverse(), afterClose: run.pipeline.afterClose.kept.slice(-LATE_SHOWN).reverse() };
}

export function streamView(run: StreamRun | null, context: ViewContext): StreamView {
  const { options } = context;
  const gameList = run ? games(run) : [];
  const feedGame = gameList.some((g) => g.gameId === options.feedGame && !g.closed) ? options.feedGame : (gameList.find((g) => !g.closed)?.gameId ?? gameList[0]?.gameId ?? null);
  const leaderboardGame = gameList.some((g) => g.gameId === options.leaderboardGame) ? options.leaderboardGame : null;
  const counts = run ? `${run.rejectCount}:${run.pipeline.counters().late}:${run.pipeline.counters().afterClose}` : '';
  const sideChanged = counts !== context.sideSeen.counts;
  if (sideChanged) context.sideSeen = { version: context.sideSeen.version + 1, counts };
  const [p50, p95, p99] = run ? run.metrics.latency.percentiles([50, 95, 99]) : [NaN, NaN, NaN];
  const counters = run?.pipeline.counters();
  return {
    status: run?.state ?? 'idle',
    label: context.label,
    resumed: context.resumed,
    problem: context.problem,
    counters: {
      accepted: 0, duplicates: 0, stale: 0, conflicts: 0, corrections: 0, late: 0, scored: 0, outOfOrder: 0, duplicateOrder: 0, gaps: 0,
      pending: 0, afterClose: 0, openGames: 0, closedGames: 0, ...counters, lines: run?.lines ?? 0, rejects: run?.rejectCount ?? 0, drops: run?.drops ?? 0,
    },
    dropsByClass: run?.dropsByClass ?? [0, 0, 0],
    queueDepth: run?.queueDepth ?? 0,
    workers: run?.workers ?? 0,
    cores: context.cores,
    throughput: run?.metrics.averageThroughput ?? 0,
    lagMs: run?.metrics.currentLagMs ?? 0,
    latency: { p50, p95, p99 },
    history: run?.metrics.history.slice() ?? [],
    games: gameList,
    leaderboard: run ? run.pipeline.totals.leaderboard({ by: options.rankBy, gameId: leaderboardGame ?? undefined, limit: LEADERS_SHOWN }) : [],
    feed: run ? feed(run, feedGame) : [],
    feedGame,
    save: { ...context.save },
    sideVersion: context.sideSeen.version,
    side: run && sideChanged ? side(run) : null,
  };
}
