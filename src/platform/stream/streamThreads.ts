/**
 * The Stream's automatic worker count: cores − 1 compute workers (at least 1), since the
 * coordinator worker takes a core of its own — never more threads than cores. The page's
 * main thread only renders a view five times a second.
 */
export function autoStreamWorkers(cores: number): number {
  return Math.min(8, Math.max(1, Math.floor(cores) - 1));
}
