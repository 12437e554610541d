import type { tasks as diagnosticsTasks } from './pool/diagnostics.tasks';
import type { tasks as resultsTasks } from './results/results.tasks';
import type { tasks as rideTasks } from './ride/ride.tasks';
import type { tasks as streamTasks } from './stream/stream.tasks';

/**
 * Every task the compute worker knows, by name, for the pool's typed `run`. The worker finds
 * the tables themselves by their file name (`*.tasks.ts`); adding a table is adding its
 * type here.
 */
export type ComputeTasks = typeof diagnosticsTasks & typeof resultsTasks & typeof rideTasks & typeof streamTasks;
