/**
 * The evaluation as the analyst has set it up (level, event, the consensus k) and what it
 * gave: the table of scores per method, the precision–recall curves, the consensus list.
 */
import type { ConsensusRow, EvaluationLevel, EvaluationTable, PrCurve, ResultsLabApi } from '../platform/results/resultsLab.api';

export class AnalysisState {
  #lab: ResultsLabApi;
  #level = $state<EvaluationLevel>('athlete');
  #event = $state('');
  #consensusMin = $state(2);
  #evaluation = $state<EvaluationTable | null>(null);
  #curves = $state<PrCurve[]>([]);
  #consensus = $state<ConsensusRow[]>([]);

  constructor(lab: ResultsLabApi) {
    this.#lab = lab;
  }

  get level(): EvaluationLevel {
    return this.#level;
  }

  set level(level: EvaluationLevel) {
    this.#level = level;
  }

  /** One event to score, or '' for all. */
  get event(): string {
    return this.#event;
  }

  set event(event: string) {
    this.#event = event;
  }

  /** How many methods must flag a performance for the consensus. */
  get consensusMin(): number {
    return this.#consensusMin;
  }

  set consensusMin(k: number) {
    this.#consensusMin = k;
  }

  get evaluation(): EvaluationTable | null {
    return this.#evaluation;
  }

  get curves(): PrCurve[] {
    return this.#curves;
  }

  get consensus(): ConsensusRow[] {
    return this.#consensus;
  }

  async refresh(): Promise<void> {
    const [evaluation, curves, consensus] = await Promise.all([
      this.#lab.evaluation(this.#level, { event: this.#event || undefined, consensusMin: this.#consensusMin }),
      this.#lab.prCurves(this.#level, this.#consensusMin),
      this.#lab.consensus(this.#consensusMin),
    ]);
    this.#evaluation = evaluation;
    this.#curves = curves;
    this.#consensus = consensus;
  }

  clear(): void {
    this.#evaluation = null;
    this.#curves = [];
    this.#consensus = [];
  }
}
