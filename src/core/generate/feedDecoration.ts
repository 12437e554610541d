/**
 * The fields a real NBA live-feed action carries besides the ones Trackside reads:
 * periodType, shot coordinates (x, y and the legacy ones), area, shot distance, possession,
 * isFieldGoal, the description a broadcaster prints, the ids of everyone involved
 * (personIdsFilter) and the player's surname. Nothing scores them, but a reader has to get
 * past them: a generated line without them is half the size of a real one (about 380 bytes
 * against 710 in ../shared/data/stream), and parsing would look cheaper than it is.
 *
 * The values come from their own seeded random numbers, so adding them changes nothing in
 * the game itself (same actions, same order, same scores as before).
 */
import type { Random } from '../stats/random.ts';

type Feed = Record<string, unknown>;

const AREAS = [['Restricted Area', '0-8 Center'], ['In The Paint (Non-RA)', '0-8 Center'], ['Mid-Range', '8-16 Left'], ['Above the Break 3', '24+ Right Center'], ['Left Corner 3', '24+ Left']];

function surname(initialed: unknown): string {
  return typeof initialed === 'string' ? initialed.replace(/^[A-Z]\. /, '') : '';
}

function describe(action: Feed): string {
  const who = String(action.playerNameI ?? 'TEAM');
  const type = String(action.actionType);
  const sub = String(action.subType ?? '');
  const missed = action.shotResult === 'Missed' ? 'MISS ' : '';
  if (type === '2pt' || type === '3pt') return `${missed}${who} ${Math.round(Number(action.shotDistance ?? 0))}' ${sub}${type === '3pt' ? ' 3PT' : ''}`;
  if (type === 'freethrow') return `${missed}${who} Free Throw ${sub}`;
  if (type === 'period' || type === 'game') return `${type === 'game' ? 'Game' : 'Period'} ${sub === 'end' ? 'End' : 'Start'}`;
  if (type === 'substitution') return `SUB ${sub}: ${who}`;
  if (type === 'timeout') return `${String(action.teamTricode ?? '')} Timeout`;
  return `${who} ${sub} ${type.toUpperCase()}`.replace(/\s+/g, ' ');
}

/** Adds the real feed's other fields to an action of the generator, in place. */
export function decorateFeedAction(action: Feed, random: Random): void {
  const type = action.actionType;
  const shot = type === '2pt' || type === '3pt';
  const personId = Number(action.personId ?? 0);
  action.periodType = 'REGULAR';
  action.possession = action.teamId ?? 0;
  action.isTargetScoreLastPeriod = false;
  action.isFieldGoal = shot ? 1 : 0;
  if (shot) {
    const [area, areaDetail] = type === '3pt' ? AREAS[3 + random.int(2)] : AREAS[random.int(3)];
    action.x = 5 + random.next() * 90;
    action.y = random.next() * 100;
    action.xLegacy = Math.round(random.next() * 500 - 250);
    action.yLegacy = Math.round(random.next() * 300);
    action.area = area;
    action.areaDetail = areaDetail;
    action.side = random.next() < 0.5 ? 'left' : 'right';
    action.shotDistance = Math.round((type === '3pt' ? 23 + random.next() * 6 : random.next() * 20) * 100) / 100;
  } else {
    action.x = null;
    action.y = null;
    action.xLegacy = null;
    action.yLegacy = null;
    action.side = null;
  }
  action.description = describe(action);
  if (personId !== 0) action.playerName = surname(action.playerNameI);
  action.personIdsFilter = [action.personId, action.assistPersonId].filter((id): id is number => typeof id === 'number' && id !== 0);
}
