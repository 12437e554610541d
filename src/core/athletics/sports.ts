/**
 * Which sport a sanctions list's row is about, when the list covers every sport (an
 * anti-doping agency's, a national one's). Athletics as World Athletics governs it: track and
 * field, road running, race walking, cross-country, mountain and trail running, para
 * athletics; in the languages such lists are published in.
 */
const athleticsWords = [
  'athletics', 'track and field', 'track field', 'track', 't f', 'road running', 'running', 'marathon', 'race walking', 'racewalking',
  'cross country', 'mountain running', 'trail running', 'para athletics', 'athletisme', 'leichtathletik', 'atletismo',
  'atletica', 'atletica leggera', 'atletiek', 'friidrett', 'friidrott', 'lekkoatletyka', 'yleisurheilu', 'legkaya atletika',
];

const key = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, ' ').replace(/[^a-z]+/g, ' ').trim();

const athletics = new Set(athleticsWords.map(key));

/** True for athletics in any of its names; a blank cell is not another sport (null: unknown). */
export function isAthletics(sport: string | null | undefined): boolean | null {
  const words = key(sport ?? '');
  if (words === '') return null;
  if (athletics.has(words)) return true;
  // "Athletics (marathon)", "Para athletics - T11": the sport's name at the start decides.
  return [...athletics].some((name) => name.length > 3 && (words.startsWith(`${name} `) || words.endsWith(` ${name}`)));
}
