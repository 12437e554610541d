/**
 * Reference arithmetic for the Ride checks, written apart from the app's code on purpose (a
 * naive loop of Coggan's definition): from the 30th recorded sample on, the mean of the last
 * 30 s of recorded samples; NP = the 4th root of the mean of its 4th power over the samples of
 * a range. And what the data folder itself says:
 * the head units' `*.laps.json`, the Segments sheet of a field export, ergomo intervals.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';

export interface HeadUnitLaps {
  readonly session: { readonly start?: string; readonly NP?: number; readonly TSS?: number; readonly IF?: number; readonly FTP?: number };
  readonly laps: readonly { readonly Number: string; readonly StartTime: string; readonly EndTime: string; readonly NP?: number; readonly AvgPower?: number }[];
}

export function readHeadUnitLaps(path: string): HeadUnitLaps {
  return JSON.parse(readFileSync(path, 'utf8')) as HeadUnitLaps;
}

/** NP of [start, end) (all samples when omitted) by the naive ring; NaN = not recorded. */
export function naiveNp(time: readonly number[], power: readonly number[], intervalS: number, start = -Infinity, end = Infinity): number {
  const size = Math.max(1, Math.round(30 / intervalS));
  const ring: number[] = new Array(size).fill(0);
  let at = 0;
  let pushed = 0;
  let sum4 = 0;
  let count = 0;
  for (let i = 0; i < power.length; i++) {
    if (Number.isNaN(power[i])) continue;
    ring[at] = power[i];
    at = (at + 1) % size;
    if (++pushed < size || time[i] < start || time[i] >= end) continue;
    sum4 += (ring.reduce((a, v) => a + v, 0) / size) ** 4;
    count++;
  }
  return (sum4 / count) ** 0.25;
}

/** A field export read with SheetJS alone: stream time and power, Segments rows, rider name. */
export function readFieldExport(path: string) {
  const workbook = XLSX.read(readFileSync(path));
  const rows = (sheet: string) => (workbook.Sheets[sheet] ? XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[sheet], { header: 1, defval: null }) : []);
  const data = rows('PowerData').slice(1).filter((r) => r[1] !== null && r[1] !== '');
  const wall0 = Number(data[0][1]);
  const segments = rows('Segments').slice(1).filter((r) => r[0] !== null);
  return {
    rider: String(rows('Rider')[1]?.[0] ?? ''),
    time: data.map((r) => Number(r[1]) - wall0),
    power: data.map((r) => (r[2] === null || r[2] === '' ? NaN : Number(r[2]))),
    segments: segments.map((s) => ({ number: String(s[0]), start: Number(s[1]), end: Number(s[1]) + Number(s[2]) })),
  };
}

/**
 * An ergomo export read by its header names alone: time (ZEIT, plus earlier pauses), power and
 * the runs of one non-zero INTERVAL number, as GoldenCheetah's reader counts intervals.
 */
export function readErgomo(path: string) {
  const lines = new TextDecoder('latin1').decode(readFileSync(path)).split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',').map((h) => h.trim().toUpperCase());
  if (!header.includes('ZEIT') || !header.includes('INTERVAL')) return null;
  const col = (name: string) => header.indexOf(name);
  const time: number[] = [];
  const power: number[] = [];
  const runs: { id: number; first: number; last: number }[] = [];
  let paused = 0;
  for (const line of lines.slice(2)) {
    const f = line.split(',').map((c) => Number(c.trim()));
    const t = f[col('ZEIT')] + paused;
    paused += f[col('PAUSE')] || 0;
    const id = f[col('INTERVAL')];
    const last = runs[runs.length - 1];
    if (id !== 0 && last && last.id === id && last.last === time[time.length - 1]) last.last = t;
    else if (id !== 0) runs.push({ id, first: t, last: t });
    time.push(t);
    power.push(f[col('POWER')]);
  }
  return { time, power, intervals: runs.map((r) => ({ start: r.first, end: r.last + 1 })) };
}
