/**
 * The event time of a raw line without parsing it, for pacing a replay on the reading side
 * (the parse happens later, in a worker): the NBA feed's `"timeActual":"…"` or the generic
 * schema's `"t":"…"` / `"t":1738527079300`. NaN when the line has neither.
 */
const TIME_ACTUAL = /"timeActual"\s*:\s*"([^"]+)"/;
const GENERIC_TIME = /"t"\s*:\s*(?:"([^"]+)"|(\d+(?:\.\d+)?))/;

export function lineEventTimeMs(line: string): number {
  const feed = TIME_ACTUAL.exec(line);
  if (feed) return Date.parse(feed[1]);
  const generic = GENERIC_TIME.exec(line);
  if (!generic) return NaN;
  return generic[1] !== undefined ? Date.parse(generic[1]) : Number(generic[2]);
}
