import { serveForTests } from '../e2e/serveForTests';

/** The built app for the real-data browser checks, served for the run and closed after it. */
export default function globalSetup(): Promise<() => Promise<void>> {
  return serveForTests();
}
