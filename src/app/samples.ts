/**
 * The generated samples (scripts/generate-samples.ts), served from our own origin and
 * precached by the service worker, so each workspace shows something on first sight, offline too.
 */
export const samples = {
  results: 'samples/results/results.parquet',
  sanctions: 'samples/results/sanctions.csv',
  rides: ['samples/ride/rider_01.xlsx', 'samples/ride/rider_02.xlsx', 'samples/ride/rider_03.xlsx', 'samples/ride/rider_04.xlsx'],
  games: 'samples/games.jsonl',
} as const;

/** A sample as a File, so it goes through exactly the pipeline a dropped file does. */
export async function fetchSample(path: string): Promise<File> {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`the sample ${path} is missing (HTTP ${response.status}); run npm run generate`);
  const name = path.split('/').pop() ?? path;
  return new File([await response.blob()], name);
}
