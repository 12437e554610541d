/**
 * Writes a seeded ride session as field-export xlsx files, one per rider, for replay demos
 * and e2e tests: npx tsx scripts/generate-rides.ts --out DIR --riders 4 --laps 3 --seed 1
 * [--segments 5]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { fieldExportToSheets } from '../src/core/power/files/fieldExportToSheets';
import { generateRideSession } from '../src/core/generate/rides';

function argument(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`missing --${name}`);
  return value;
}

function integer(name: string, fallback: string): number {
  const value = Number(argument(name, fallback));
  if (!Number.isInteger(value)) throw new Error(`invalid --${name}: ${argument(name, fallback)}`);
  return value;
}

const out = argument('out');
const rides = generateRideSession({ riders: integer('riders', '4'), laps: integer('laps', '3'), segmentsPerLap: integer('segments', '5'), seed: integer('seed', '1') });
mkdirSync(out, { recursive: true });
rides.forEach((ride, i) => {
  const workbook = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(fieldExportToSheets(ride))) XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), name);
  const file = join(out, `rider_${String(i + 1).padStart(2, '0')}.xlsx`);
  writeFileSync(file, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }));
  console.log(`${file}: ${ride.rider.name}, FTP ${ride.rider.ftp} W, ${ride.rider.weightKg} kg, ${ride.stream.time.length} s, ${ride.segments.length} segments`);
});
