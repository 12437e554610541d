import type { TaskTable } from '../pool/compute.api';
import { normaliseChunk } from './work/normaliseChunk';
import { detectGroup, explainGroup } from './work/detectGroup';
import { matchAthletes } from './work/matchAthletes';
import { evaluateScores } from './work/evaluateMethods';
import { exportTable } from './work/exportTable';

/**
 * The Results workspace's compute tasks: parsing marks, running a detector over one event
 * and sex, explaining flags, matching sanctions, evaluation and export. Arrow IPC bytes
 * and typed arrays travel transferred both ways.
 */
export const tasks = {
  resultsNormalise: normaliseChunk,
  resultsDetect: detectGroup,
  resultsExplain: explainGroup,
  resultsMatchSanctions: matchAthletes,
  resultsEvaluate: evaluateScores,
  resultsExport: exportTable,
} satisfies TaskTable;
