import type { TaskTable } from '../compute.api';
import { normaliseChunk } from '../../src/platform/results/work/normaliseChunk';
import { detectGroup, explainGroup } from '../../src/platform/results/work/detectGroup';
import { matchAthletes } from '../../src/platform/results/work/matchAthletes';
import { evaluateMethods } from '../../src/platform/results/work/evaluateMethods';
import { exportTable } from '../../src/platform/results/work/exportTable';

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
  resultsEvaluate: evaluateMethods,
  resultsExport: exportTable,
} satisfies TaskTable;
