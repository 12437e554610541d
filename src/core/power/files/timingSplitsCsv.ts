import { csvLines, detectDelimiter, parseClockTime, splitCsvLine } from './csvText';
import type { GateEvent } from '../sessionModel';

/**
 * Timing-gate exports: one row per rider and gate, with either the time of day / time since
 * the start (`Time`, `Elapsed`) or the segment's split (`Split`, `Duration`). Times may be
 * seconds or clock text (`1:23.4`). Splits are summed per rider in file order from a start
 * gate at 0 s, which is added; with times, each row is a gate as it stands.
 */
export interface TimingGate extends GateEvent {
  /** The gate or segment label as written in the file (`1.3`, `G4`), or null. */
  readonly label: string | null;
}

const RIDER = ['rider', 'name', 'athlete', 'bib', 'riderid'];
const LABEL = ['gate', 'segment', 'number', 'segmentnumber', 'split#'];
const TIME = ['time', 'elapsed', 'elapsedtime', 'gatetime'];
const SPLIT = ['split', 'duration', 'splittime', 'segmenttime'];

export function parseTimingSplitsCsv(text: string): TimingGate[] {
  const lines = csvLines(text);
  if (lines.length < 2) throw new Error('splits CSV: no data rows');
  const delimiter = detectDelimiter(lines[0]);
  const header = splitCsvLine(lines[0], delimiter).map((h) => h.toLowerCase().replace(/[\s_]/g, ''));
  const find = (names: string[]) => header.findIndex((h) => names.includes(h));
  const riderCol = find(RIDER);
  const labelCol = find(LABEL);
  const timeCol = find(TIME);
  const splitCol = find(SPLIT);
  if (riderCol < 0) throw new Error(`splits CSV line 1: no rider column (one of ${RIDER.join(', ')})`);
  if (timeCol < 0 && splitCol < 0) throw new Error(`splits CSV line 1: needs a time or a split column (${[...TIME, ...SPLIT].join(', ')})`);
  const useSplits = timeCol < 0;
  const valueCol = useSplits ? splitCol : timeCol;
  const clock = new Map<string, number>();
  const gates: TimingGate[] = [];
  for (let l = 1; l < lines.length; l++) {
    const fields = splitCsvLine(lines[l], delimiter);
    const riderId = fields[riderCol] ?? '';
    if (riderId === '') throw new Error(`splits CSV line ${l + 1}, column ${header[riderCol]}: empty rider`);
    const raw = fields[valueCol] ?? '';
    const seconds = parseClockTime(raw);
    if (Number.isNaN(seconds)) throw new Error(`splits CSV line ${l + 1}, column ${header[valueCol]}: expected seconds or m:ss.s, got "${raw}"`);
    const label = labelCol >= 0 && fields[labelCol] ? fields[labelCol] : null;
    if (useSplits) {
      if (!clock.has(riderId)) gates.push({ riderId, time: 0, label: null });
      const time = (clock.get(riderId) ?? 0) + seconds;
      clock.set(riderId, time);
      gates.push({ riderId, time, label });
    } else {
      gates.push({ riderId, time: seconds, label });
    }
  }
  return gates;
}
