import type { TaskTable } from '../pool/compute.api';
import { normaliseChunk } from './work/normaliseChunk';
import { detectGroup, explainGroup } from './work/detectGroup';
import { matchAthletes } from './work/matchAthletes';
import { evaluateScores } from './work/evaluateMethods';
import { exportTable } from './work/exportTable';
import { warmUp } from './work/warmUp';

/**
 * The Results workspace's compute tasks: parsing marks, running a detector over one event
 * and sex, explaining flags, matching sanctions, evaluation and export, and the warm-up that
 * compiles the detectors in a worker before a large run. Arrow IPC bytes
 * and typed arrays travel transferred both ways.
 */
export const tasks = {
  resultsNormalise: normaliseChunk,
  resultsDetect: detectGroup,
  resultsExplain: explainGroup,
  resultsMatchSanctions: matchAthletes,
  resultsEvaluate: evaluateScores,
  resultsExport: exportTable,
  resultsWarmUp: warmUp,
} satisfies TaskTable;
