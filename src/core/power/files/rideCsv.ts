import { canonical, detectDelimiter, numberedLines, splitCsvLine } from './csvText';
import { readCsvRide, type CsvColumn, type CsvRideSpec } from './csvRide';
import type { DecodedRide } from './decodedRide';

/**
 * The ride CSVs a coach meets, told apart by their header as GoldenCheetah's CsvRideFile does:
 * - ergomo: two header rows (ZEIT, STRECKE, POWER, RPM, SPEED, PULS, …, INTERVAL, PAUSE, then
 *   units), Latin-1, seconds; a PAUSE moves later rows on; INTERVAL runs become laps;
 * - GoldenCheetah / PowerTap export: `Minutes, Torq (N-m), Km/h, Watts, Km, Cadence, Hrate, ID`
 *   at any sample rate (PowerTap 1.26 s), `-1` W for "not recorded", ID runs as laps; MPH and
 *   Miles converted;
 * - GoldenCheetah's own `secs, cad, hr, km, kph, nm, watts, …, interval`;
 * - a head unit's 1 Hz CSV: WallTime and/or ElapsedS, InstantPower, Cadence, SpeedMps,
 *   HeartRate, DistanceM (the shared rides' shape; `secs`, `watts`, `hr` spellings too).
 * null when the text is no ride (a laps or splits file).
 */
export function decodeRideCsv(text: string, fileName: string): DecodedRide | null {
  const lines = numberedLines(text);
  if (lines.length === 0) throw new Error(`"${fileName}" is empty`);
  const head = lines[0].text;
  const delimiter = detectDelimiter(head);
  const header = splitCsvLine(head, delimiter);
  const keys = header.map(canonical);
  const find = (...names: string[]): number => keys.findIndex((k) => names.includes(k));
  const column = (index: number, extra: Partial<CsvColumn> = {}): CsvColumn | undefined => (index < 0 ? undefined : { index, name: header[index], ...extra });
  const base = { fileName, delimiter, decimalComma: delimiter !== ',' };

  if (/\b(ZEIT|STRECKE)\b/i.test(head)) {
    const units = splitCsvLine(lines[1]?.text ?? '', delimiter).map((u) => u.trim().toUpperCase());
    const miles = (i: number) => /MILE|MPH/.test(units[i] ?? '');
    const at = { time: find('zeit'), km: find('strecke'), power: find('power'), rpm: find('rpm'), speed: find('speed'), pulse: find('puls'), interval: find('interval'), pause: find('pause') };
    if (at.time < 0 || at.power < 0) throw new Error(`"${fileName}", row 1: an ergomo file needs ZEIT and POWER columns (found ${header.join(', ')})`);
    return readCsvRide(lines, {
      ...base,
      format: 'ergomo CSV',
      decimalComma: delimiter === ';',
      headerLines: 2,
      time: { ...column(at.time)!, kind: 'seconds' },
      columns: {
        power: column(at.power),
        cadence: column(at.rpm),
        heartRate: column(at.pulse),
        speed: column(at.speed, { scale: miles(at.speed) ? 0.44704 : 1 / 3.6 }),
        distance: column(at.km, { scale: miles(at.km) ? 1609.344 : 1000 }),
      },
      interval: column(at.interval),
      pause: column(at.pause),
    });
  }

  if (keys[0] === 'minutes' && find('watts') >= 0) {
    const speed = find('kmh', 'mph');
    const distance = find('km', 'miles');
    return readCsvRide(lines, {
      ...base,
      format: 'GoldenCheetah / PowerTap CSV',
      headerLines: 1,
      time: { ...column(0)!, kind: 'minutes' },
      columns: {
        power: column(find('watts'), { missing: -1 }),
        cadence: column(find('cadence')),
        heartRate: column(find('hrate')),
        speed: column(speed, { scale: keys[speed] === 'mph' ? 0.44704 : 1 / 3.6 }),
        distance: column(distance, { scale: keys[distance] === 'miles' ? 1609.344 : 1000 }),
      },
      interval: column(find('id')),
    });
  }

  if (keys[0] === 'secs' && find('kph') >= 0 && find('watts') >= 0) {
    return readCsvRide(lines, {
      ...base,
      format: 'GoldenCheetah CSV',
      headerLines: 1,
      time: { ...column(0)!, kind: 'seconds' },
      columns: { power: column(find('watts')), cadence: column(find('cad')), heartRate: column(find('hr')), speed: column(find('kph'), { scale: 1 / 3.6 }), distance: column(find('km'), { scale: 1000 }) },
      interval: column(find('interval')),
    });
  }

  const power = find('instantpower', 'power', 'watts', 'powerw');
  const elapsed = find('elapseds', 'elapsed', 'secs', 'seconds', 'elapsedtime');
  const wall = find('walltime', 'timestamp', 'datetime', 'time');
  if (power < 0 || (elapsed < 0 && wall < 0)) return null;
  const spec: CsvRideSpec = {
    ...base,
    format: 'ride CSV',
    headerLines: 1,
    time: elapsed >= 0 ? { ...column(elapsed)!, kind: 'seconds' } : { ...column(wall)!, kind: 'iso' },
    wallTime: elapsed >= 0 ? column(wall) : undefined,
    columns: {
      power: column(power),
      cadence: column(find('cadence', 'cad', 'rpm')),
      heartRate: column(find('heartrate', 'hr', 'bpm')),
      speed: column(find('speedmps', 'speed')),
      distance: column(find('distancem', 'distance')),
    },
  };
  return readCsvRide(lines, spec);
}
