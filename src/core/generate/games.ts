/**
 * Seeded basketball games as NBA live-feed JSON lines (the shape of
 * ../shared/data/stream/nba_live_pbp_*.jsonl), for demos, unit tests and benchmarks.
 *
 * Each game is played possession by possession: shots (2pt 52 % made, 3pt 36 %, 60 % of
 * made shots assisted), blocks, offensive and defensive rebounds (some by the team),
 * turnovers with steals, personal and offensive fouls with free throws, technical fouls,
 * substitutions and timeouts; the score after each action follows the made shots. Games
 * start 17 minutes apart and overlap, so their lines interleave as several live games do.
 *
 * Lines come in arrival order, as the feed delivers them: most at their event time, a
 * fraction late (0.6 % as in the real feed, each overtaken by at least one later action), and corrections — the same
 * actionNumber again with a later `edited` — at their edit time. A correction changes who
 * is credited or the assist, never the team or the points (see impactModel.ts).
 */
import { createRandom, type Random } from '../stats/random.ts';
import { formatClock } from '../events/gameAction.ts';
import { decorateFeedAction } from './feedDecoration.ts';

export interface GenerateGamesOptions {
  games: number;
  seed: number;
  /** Start of the first game (ISO); later games start 17 minutes apart. */
  start?: string;
  /** Share of actions that arrive late (0.006). */
  lateFraction?: number;
  /** Largest lateness in seconds (170). */
  maxLateSeconds?: number;
  /** Share of crediting actions that are corrected later (0.01). */
  correctionFraction?: number;
}

type FeedAction = Record<string, unknown> & { actionNumber: number; timeMs: number; arrivalMs: number };

const TRICODES = ['DET', 'CHI', 'CLE', 'DAL', 'TOR', 'LAC', 'PHI', 'BOS', 'MIL', 'MEM', 'BKN', 'HOU', 'NYK', 'MIA', 'DEN', 'PHX'];
const SURNAMES = ['Reed', 'Okafor', 'Lindqvist', 'Moreau', 'Santos', 'Ivanov', 'Kowalski', 'Tanaka', 'Mensah', 'Walsh', 'Novak', 'Haddad'];

function isoTenths(ms: number): string {
  return new Date(Math.round(ms / 100) * 100).toISOString().replace(/(\.\d)\d\dZ$/, '$1Z');
}

function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

interface Team {
  teamId: number;
  tricode: string;
  roster: number[];
}

function playGame(index: number, startMs: number, random: Random, decoration: Random): FeedAction[] {
  const gameId = `00299${String(index + 1).padStart(5, '0')}`;
  const teams: Team[] = [0, 1].map((side) => ({
    teamId: 1610612700 + index * 2 + side,
    tricode: TRICODES[(index * 2 + side) % TRICODES.length],
    roster: Array.from({ length: 12 }, (_, i) => 1700000 + index * 100 + side * 20 + i),
  }));
  const names = new Map<number, string>();
  for (const team of teams) team.roster.forEach((id, i) => names.set(id, `${String.fromCharCode(65 + i)}. ${SURNAMES[i]}`));
  const score = [0, 0];
  const actions: FeedAction[] = [];
  let actionNumber = 1;
  let wallMs = startMs;
  let period = 1;
  let clock = 720;
  const emit = (fields: Record<string, unknown>, team: Team | null, personId = 0): FeedAction => {
    actionNumber += random.next() < 0.05 ? 2 : 1;
    const action: FeedAction = {
      gameId, actionNumber, clock: formatClock(clock), period, periodType: 'REGULAR',
      ...(team ? { teamId: team.teamId, teamTricode: team.tricode } : {}),
      subType: '', qualifiers: [], personId,
      ...(names.has(personId) ? { playerNameI: names.get(personId) } : {}),
      ...fields,
      timeMs: wallMs, arrivalMs: wallMs,
    };
    actions.push(action);
    return action;
  };
  const pickPlayer = (team: Team, except = 0): number => random.pick(team.roster.slice(0, 8).filter((id) => id !== except));
  const shot = (offense: Team, defense: Team, side: number): boolean => {
    const three = random.next() < 0.38;
    const made = random.next() < (three ? 0.36 : 0.52);
    const shooter = pickPlayer(offense);
    if (made) score[side] += three ? 3 : 2;
    const assist = made && random.next() < 0.6 ? pickPlayer(offense, shooter) : 0;
    emit({ actionType: three ? '3pt' : '2pt', subType: three ? 'Jump Shot' : random.pick(['Layup', 'Jump Shot', 'DUNK', 'Hook']),
      shotResult: made ? 'Made' : 'Missed', ...(assist ? { assistPersonId: assist } : {}) }, offense, shooter);
    if (made) return false;
    if (random.next() < 0.06) emit({ actionType: 'block' }, defense, pickPlayer(defense));
    const offensive = random.next() < 0.27;
    const rebounder = offensive ? offense : defense;
    const teamRebound = random.next() < 0.1;
    emit({ actionType: 'rebound', subType: offensive ? 'offensive' : 'defensive', ...(teamRebound ? { qualifiers: ['team'] } : {}) },
      rebounder, teamRebound ? 0 : pickPlayer(rebounder));
    return offensive;
  };
  const freeThrows = (team: Team, side: number, count: number): void => {
    const shooter = pickPlayer(team);
    for (let n = 1; n <= count; n++) {
      const made = random.next() < 0.77;
      if (made) score[side] += 1;
      emit({ actionType: 'freethrow', subType: `${n} of ${count}`, shotResult: made ? 'Made' : 'Missed' }, team, shooter);
    }
  };
  let side = 0;
  for (;;) {
    emit({ actionType: 'period', subType: 'start' }, null);
    while (clock > 0) {
      const offense = teams[side];
      const defense = teams[1 - side];
      const elapsed = Math.min(clock, 4 + random.int(20));
      clock -= elapsed;
      wallMs += elapsed * 1000 * (1.2 + random.next()) + random.int(10) * 100;
      const roll = random.next();
      let keep = false;
      if (roll < 0.12) {
        const team = random.next() < 0.05;
        emit({ actionType: 'turnover', subType: team ? 'shot clock' : random.pick(['bad pass', 'lost ball', 'traveling']) }, offense, team ? 0 : pickPlayer(offense));
        if (!team && random.next() < 0.5) emit({ actionType: 'steal' }, defense, pickPlayer(defense));
      } else if (roll < 0.22) {
        emit({ actionType: 'foul', subType: 'personal' }, defense, pickPlayer(defense));
        freeThrows(offense, side, random.next() < 0.05 ? 3 : 2);
      } else if (roll < 0.24) {
        const fouler = pickPlayer(offense);
        emit({ actionType: 'foul', subType: 'offensive' }, offense, fouler);
        emit({ actionType: 'turnover', subType: 'offensive foul' }, offense, fouler);
      } else if (roll < 0.25) {
        emit({ actionType: 'foul', subType: 'technical' }, defense, pickPlayer(defense));
        freeThrows(offense, side, 1);
        keep = true;
      } else {
        keep = shot(offense, defense, side);
      }
      if (random.next() < 0.04) emit({ actionType: 'timeout', subType: 'full' }, random.pick(teams));
      if (random.next() < 0.08) {
        const team = random.pick(teams);
        const out = random.int(8);
        const bench = 8 + random.int(4);
        emit({ actionType: 'substitution', subType: 'out' }, team, team.roster[out]);
        emit({ actionType: 'substitution', subType: 'in' }, team, team.roster[bench]);
        [team.roster[out], team.roster[bench]] = [team.roster[bench], team.roster[out]];
      }
      if (!keep) side = 1 - side;
    }
    emit({ actionType: 'period', subType: 'end' }, null);
    if (period >= 4 && score[0] !== score[1]) break;
    period += 1;
    clock = period > 4 ? 300 : 720;
    wallMs += period === 3 ? 900_000 : 120_000;
  }
  emit({ actionType: 'game', subType: 'end' }, null);
  let home = 0;
  let away = 0;
  for (const action of actions) {
    // Score after the action, replayed from the made shots in event order.
    if (action.shotResult === 'Made') {
      const points = action.actionType === '3pt' ? 3 : action.actionType === '2pt' ? 2 : 1;
      if (action.teamId === teams[0].teamId) home += points;
      else away += points;
    }
    action.scoreHome = String(home);
    action.scoreAway = String(away);
    action.timeActual = isoTenths(action.timeMs);
    action.edited = isoSeconds(action.timeMs + 1000 + random.int(20_000));
    decorateFeedAction(action, decoration);
  }
  return actions;
}

function correctionOf(action: FeedAction, random: Random): FeedAction | null {
  const teamPlayers = (action.personId as number) > 0 ? Math.floor(((action.personId as number) - 1700000) / 20) * 20 + 1700000 : 0;
  const teammate = teamPlayers > 0 ? teamPlayers + ((action.personId as number) - teamPlayers + 1 + random.int(10)) % 12 : 0;
  const later = Date.parse(action.edited as string) + 5000 + random.int(600_000);
  const base: FeedAction = { ...action, edited: isoSeconds(later), arrivalMs: later };
  if (action.actionType === '2pt' || action.actionType === '3pt') {
    if (action.shotResult !== 'Made') return { ...base, subType: 'Pullup Jump Shot' };
    if (action.assistPersonId !== undefined) {
      delete base.assistPersonId;
      return base;
    }
    return teammate !== action.personId ? { ...base, assistPersonId: teammate } : null;
  }
  const reassignable = ['rebound', 'turnover', 'foul', 'steal', 'block'].includes(action.actionType as string);
  if (!reassignable || teammate === 0 || teammate === action.personId) return null;
  return { ...base, personId: teammate, playerNameI: `${String.fromCharCode(65 + (teammate - teamPlayers))}. ${SURNAMES[teammate - teamPlayers]}` };
}

/** N games as feed lines in arrival order; the same seed gives the same lines. */
export function generateGameLines(options: GenerateGamesOptions): string[] {
  const { games, seed } = options;
  const lateFraction = options.lateFraction ?? 0.006;
  const maxLate = options.maxLateSeconds ?? 170;
  const correctionFraction = options.correctionFraction ?? 0.01;
  if (!Number.isInteger(games) || games < 1) throw new Error(`invalid games: ${games}`);
  if (!(lateFraction >= 0 && lateFraction < 1)) throw new Error(`invalid lateFraction: ${lateFraction}`);
  if (!(maxLate > 0)) throw new Error(`invalid maxLateSeconds: ${maxLate}`);
  if (!(correctionFraction >= 0 && correctionFraction < 1)) throw new Error(`invalid correctionFraction: ${correctionFraction}`);
  const startMs = Date.parse(options.start ?? '2025-02-02T20:10:00Z');
  if (Number.isNaN(startMs)) throw new Error(`invalid start: ${options.start}`);
  const random = createRandom(seed);
  // The feed's unscored fields draw from numbers of their own: the games stay as they were.
  const decoration = createRandom((seed ^ 0x5f3759df) >>> 0);
  const lines: FeedAction[] = [];
  for (let g = 0; g < games; g++) {
    const actions = playGame(g, startMs + g * 17 * 60_000, random, decoration);
    actions.forEach((action, i) => {
      if (random.next() >= lateFraction) return;
      // Late means overtaken: it arrives after at least one action with a later event time.
      const next = actions.slice(i + 1).find((later) => later.timeMs > action.timeMs);
      if (next === undefined) return;
      const arrival = next.timeMs + Math.exp(random.normal()) * 500;
      if (arrival - action.timeMs <= maxLate * 1000) action.arrivalMs = arrival;
    });
    // orderNumber follows the feed (arrival) order, as in the real feed.
    const arrival = actions.slice().sort((a, b) => a.arrivalMs - b.arrivalMs || a.actionNumber - b.actionNumber);
    arrival.forEach((action, i) => { action.orderNumber = (i + 1) * 10000; });
    lines.push(...actions);
    for (const action of actions) {
      if (action.personId !== 0 && random.next() < correctionFraction) {
        const corrected = correctionOf(action, random);
        if (corrected) lines.push(corrected);
      }
    }
  }
  lines.sort((a, b) => a.arrivalMs - b.arrivalMs || (a.orderNumber as number) - (b.orderNumber as number));
  return lines.map(({ timeMs: _t, arrivalMs: _a, ...feed }) => JSON.stringify(feed));
}

export interface MessyReplayOptions {
  seed: number;
  /** Share of lines sent twice (0.05). */
  duplicateFraction?: number;
  /** Lines move only as far as this allows: none arrives later than the window. */
  allowedLatenessSeconds: number;
}

function eventTimeOf(line: string): { game: string; ms: number } | null {
  try {
    const fields = JSON.parse(line) as Record<string, unknown>;
    const game = fields.gameId ?? fields.game;
    const time = fields.timeActual ?? fields.t;
    const ms = typeof time === 'number' ? time : typeof time === 'string' ? Date.parse(time) : NaN;
    return game === undefined || Number.isNaN(ms) ? null : { game: String(game), ms };
  } catch {
    return null;
  }
}

/**
 * The same lines as a messy feed would bring them: some twice, and shuffled, but never so
 * far that a line arrives after its game has seen an event time more than the allowed
 * lateness beyond its own. Each line is keyed by its event time plus a seeded delay below
 * the window, and lines are sent in key order: a line j before a line i then has
 * t_j ≤ key_j ≤ key_i < t_i + lateness. Lines that are not parseable keep their place.
 */
export function messyReplay(lines: readonly string[], options: MessyReplayOptions): string[] {
  const duplicateFraction = options.duplicateFraction ?? 0.05;
  const lateness = options.allowedLatenessSeconds;
  if (!(duplicateFraction >= 0 && duplicateFraction <= 1)) throw new Error(`invalid duplicateFraction: ${duplicateFraction}`);
  if (!(lateness >= 0)) throw new Error(`invalid allowedLatenessSeconds: ${lateness}`);
  const random = createRandom(options.seed);
  const keyed: { key: number; index: number; line: string }[] = [];
  let previousKey = -Number.MAX_VALUE;
  lines.forEach((line, index) => {
    const event = eventTimeOf(line);
    const copies = random.next() < duplicateFraction ? 2 : 1;
    for (let copy = 0; copy < copies; copy++) {
      const key = event === null ? previousKey : event.ms + random.next() * lateness * 1000 * 0.999;
      keyed.push({ key, index, line });
    }
    if (event !== null) previousKey = event.ms;
  });
  keyed.sort((a, b) => a.key - b.key || a.index - b.index);
  return keyed.map((entry) => entry.line);
}
