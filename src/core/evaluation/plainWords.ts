/**
 * The evaluation table in sentences: which methods carry information beyond exposure and
 * era, and by how much the best of them beats the trivial baselines. A method "carries
 * information beyond" a variable when its AUC within that variable's strata is above 0.5 by
 * more than two standard errors: it ranks a sanctioned athlete above an unsanctioned one with
 * as many results (or of the same era) more often than a coin would.
 */
import type { AucEstimate } from './rocAuc';
import type { EvaluationReport, MethodRow } from './evaluationReport';

const beyondChance = (estimate: AucEstimate): boolean => estimate.auc - 2 * estimate.standardError > 0.5;
const auc = (estimate: AucEstimate): string => estimate.auc.toFixed(2);
const list = (names: string[]): string => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

function beyond(rows: MethodRow[], pick: (row: MethodRow) => AucEstimate, what: string, items: string): string {
  const carrying = rows.filter((r) => beyondChance(pick(r))).sort((a, b) => pick(b).auc - pick(a).auc);
  const not = rows.filter((r) => !beyondChance(pick(r)));
  if (carrying.length === 0) return `Beyond ${what}: no method ranks sanctioned ${items} above the others with ${what === 'exposure' ? 'as many results' : 'the same'} better than chance (every AUC within ${what} strata is within two standard errors of 0.50).`;
  const named = carrying.map((r) => `${shortLabel(r)} (${auc(pick(r))})`);
  const rest = not.length === 0 ? '' : ` ${list(not.map(shortLabel))} ${not.length === 1 ? 'does' : 'do'} not.`;
  return `Beyond ${what}: ${list(named)} rank sanctioned ${items} above the others ${what === 'exposure' ? 'with as many results' : what === 'era' ? 'of the same era' : 'with as many results and of the same era'} more often than chance (AUC within strata; 0.50 is a coin).${rest}`;
}

const shortLabel = (row: MethodRow): string => row.label.replace(/ \(.*\)$/, '');

export function plainWords(report: EvaluationReport): string[] {
  const items = report.level === 'athlete' ? 'athletes' : 'performances';
  const unsupervised = report.rows.filter((r) => r.kind === 'detector' || r.kind === 'consensus');
  if (report.positives === 0) return [`No ${items} are labelled sanctioned, so nothing can be scored: load a sanctions list that names athletes in these results.`];
  if (unsupervised.length === 0) return ['No detector has run yet.'];
  const words = [
    beyond(unsupervised, (r) => r.withinExposure, 'exposure', items),
    beyond(unsupervised, (r) => r.withinEra, 'era', items),
    beyond(unsupervised, (r) => r.withinBoth, 'exposure and era together', items),
  ];
  const count = report.rows.find((r) => r.method === 'baseline-results');
  const best = [...unsupervised].sort((a, b) => b.averagePrecision - a.averagePrecision)[0];
  const baselines = report.rows.filter((r) => r.kind === 'baseline').sort((a, b) => b.averagePrecision - a.averagePrecision);
  if (count && best) {
    words.push(`The best unsupervised method by average precision, ${shortLabel(best)}, reaches ${best.averagePrecision.toFixed(3)}: ${(best.averagePrecision / count.averagePrecision).toFixed(2)}× the number-of-results baseline and ${best.apOverBaseline.toFixed(2)}× the best trivial baseline (${shortLabel(baselines[0])}, ${baselines[0].averagePrecision.toFixed(3)}); the base rate is ${(100 * report.baseRate).toFixed(2)} %.`);
  }
  const learned = report.rows.find((r) => r.kind === 'supervised');
  if (learned && count && report.learned) {
    const weights = [...report.learned.coefficients].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, 3)
      .map((c) => `${c.name} ${c.value >= 0 ? '+' : '−'}${Math.abs(c.value).toFixed(2)}`);
    words.push(`The learned combination is supervised (fitted on the labels, each athlete scored by a model that did not see them): average precision ${learned.averagePrecision.toFixed(3)}, ${(learned.averagePrecision / count.averagePrecision).toFixed(2)}× the number-of-results baseline, AUC within exposure and era ${auc(learned.withinBoth)}; its largest weights per sd: ${list(weights)}.`);
  }
  return words;
}
