/**
 * The analysis side of the Results engine: the detector runs, the sanctions, the evaluation,
 * the consensus and the athlete profiles of the session, kept consistent with the data (any
 * change of it clears the runs and matches the sanctions again) and published as one view
 * (ResultsView) that the UI mirrors. It takes its ports (resultsPorts.ts), so a Node test, a
 * benchmark and the app drive the same analysis.
 */
import { assignAthleteIdsSql } from '../../core/athletics/resultsSql';
import { listDetectors } from '../../core/detectors/registry';
import { largestTermsOf } from '../../core/evaluation/methodEvaluation';
import { athleteProfile, eventDistribution, searchAthletes } from './athleteProfiles';
import { consensusRows, mostFlaggedAthletes } from './consensusQueries';
import { DetectorRuns, type RunOptions } from './detectorRuns';
import { EvaluationRun } from './evaluationRun';
import { flaggedExport } from './flaggedExport';
import { createAnomaliesSql, createSanctionPeriodsSql, fingerprintSql } from './labSql';
import { SanctionsState } from './sanctionsState';
import type { ResultsPorts } from './resultsPorts';
import type {
  AthleteMatch, DetectorChoice, EvaluationSettings, JobOptions, JobPhase, LearnedStanding, ResultsView, SanctionsSummary,
} from './results.types';
import type { EvaluateResult } from './work/evaluateMethods';

type Listener = (view: ResultsView) => void;

export class ResultsAnalysis {
  #ports: ResultsPorts;
  #runs: DetectorRuns;
  #sanctions: SanctionsState;
  #evaluation: EvaluationRun;
  #fingerprint = 'empty';
  #learned: (NonNullable<EvaluateResult['learned']> & { rowOf: Map<number, number> }) | null = null;
  /** The analyst opened an athlete: a new analysis no longer replaces the profile. */
  #chosen = false;
  #listeners = new Set<Listener>();
  #ready: Promise<void> | null = null;
  #view: ResultsView = {
    detectors: listDetectors(), runs: [], sanctions: null, settings: { level: 'athlete', event: null, consensusMin: 2 },
    evaluation: null, consensus: [], mostFlagged: [], profile: null, distribution: null, lastRun: [],
  };

  constructor(ports: ResultsPorts) {
    this.#ports = ports;
    this.#runs = new DetectorRuns(ports);
    this.#sanctions = new SanctionsState(ports);
    this.#evaluation = new EvaluationRun(ports);
  }

  get view(): ResultsView {
    return this.#view;
  }

  get fingerprint(): string {
    return this.#fingerprint;
  }

  /** Hears every new view; returns the call that stops it. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #publish(change: Partial<ResultsView>): void {
    this.#view = { ...this.#view, ...change };
    for (const listener of this.#listeners) listener(this.#view);
  }

  ready(): Promise<void> {
    this.#ready ??= (async () => {
      await this.#ports.db.exec(createAnomaliesSql);
      await this.#ports.db.exec(createSanctionPeriodsSql);
    })();
    return this.#ready;
  }

  /** The rows of `performances` changed: new athlete ids and fingerprint, the runs cleared, the sanctions matched again. */
  async dataChanged(options: JobOptions = {}): Promise<string> {
    await this.ready();
    const db = this.#ports.db;
    await db.exec(assignAthleteIdsSql);
    const [print] = await db.rows<{ n: number; h: string }>(fingerprintSql);
    this.#fingerprint = `${print.n}-${print.h}`;
    this.#runs.clear();
    this.#learned = null;
    this.#chosen = false;
    await db.exec('DELETE FROM anomalies');
    const sanctions = this.#sanctions.loaded ? await this.#sanctions.rematch(options) : null;
    this.#publish({ runs: [], sanctions, evaluation: null, consensus: [], mostFlagged: [], profile: null, distribution: null, lastRun: [] });
    return this.#fingerprint;
  }

  /**
   * Runs the detectors, then analyses: two phases, each shown as it runs and listed with its
   * time afterwards. Each detector shows as it finishes, so a cancelled run keeps those.
   */
  async run(choices: DetectorChoice[], options: RunOptions = {}): Promise<void> {
    await this.ready();
    const started = performance.now();
    try {
      await this.#runs.run(choices, this.#fingerprint, {
        ...options,
        onDetector: (summary) => {
          this.#publish({ runs: this.#runs.current(this.#fingerprint).map((r) => r.summary) });
          options.onDetector?.(summary);
        },
      });
      const detectors: JobPhase = { name: `Detectors (${choices.length})`, milliseconds: performance.now() - started };
      const analysed = performance.now();
      await this.#analyse(options);
      this.#publish({ lastRun: [detectors, { name: this.#sanctions.loaded ? 'Evaluation' : 'Consensus', milliseconds: performance.now() - analysed }] });
    } finally {
      // The scores go to the cache once the screen has the run, not while its work competes for the cores.
      void this.#runs.saveToCache();
    }
  }

  /** The evaluation (with a sanctions list), the consensus and the most flagged athletes for the current runs and settings. */
  async #analyse(options: JobOptions = {}): Promise<void> {
    const runs = this.#runs.current(this.#fingerprint);
    if (runs.length === 0) return;
    const { settings } = this.#view;
    const steps = this.#sanctions.loaded ? 3 : 2;
    const db = this.#ports.db;
    // The consensus reads DuckDB while the evaluation runs in a compute worker: two cores, not one after the other.
    const consensusWork = Promise.all([
      consensusRows(db, runs, settings.consensusMin, 200),
      mostFlaggedAthletes(db, runs, settings.consensusMin, 10),
    ]);
    consensusWork.catch(() => undefined); // awaited below; a failed evaluation must not leave it unhandled
    let evaluation: ResultsView['evaluation'] = null;
    if (this.#sanctions.loaded) {
      const labels = this.#sanctions.labels();
      const scope = settings.event ? ` in ${settings.event}` : '';
      options.onProgress?.({ phase: `Evaluation: scoring ${runs.length} methods, the consensus, 3 baselines${settings.level === 'athlete' ? ' and the learned combination' : ''} against ${new Set(labels.athleteIds).size.toLocaleString('en')} sanctioned athletes${scope}`, done: 0, total: steps });
      const result = await this.#evaluation.evaluate(runs, this.#runs.scored(this.#fingerprint)!, labels, settings, options);
      evaluation = { ...result.report, settings };
      if (result.learned) this.#learned = { ...result.learned, rowOf: new Map(Array.from(result.learned.athleteIds, (id, row) => [id, row])) };
    }
    options.onProgress?.({ phase: 'Evaluation: the consensus and the most flagged athletes', done: steps - 2, total: steps });
    const [consensus, mostFlagged] = await consensusWork;
    this.#publish({ evaluation, consensus, mostFlagged });
    const first = mostFlagged[0];
    if (first && (!this.#chosen || !this.#view.profile)) {
      options.onProgress?.({ phase: `Evaluation: opening ${first.name}`, done: steps - 1, total: steps });
      await this.openAthlete(first.athleteId, false);
    } else if (this.#view.profile) {
      await this.openAthlete(this.#view.profile.athleteId, this.#chosen);
    }
  }

  /** New settings (level, event, consensus): the evaluation and the consensus again. */
  async evaluate(settings: Partial<EvaluationSettings>, options: JobOptions = {}): Promise<void> {
    this.#publish({ settings: { ...this.#view.settings, ...settings } });
    await this.#analyse(options);
  }

  async loadSanctions(file: File, options: JobOptions = {}): Promise<void> {
    await this.ready();
    this.#sanctionsChanged(await this.#sanctions.load(file, options));
    await this.#analyse(options);
  }

  /** The sample's sanctions go with the sample's results: none loaded until the analyst drops a list. */
  async forgetSanctions(): Promise<void> {
    await this.ready();
    this.#sanctions = new SanctionsState(this.#ports);
    await this.#ports.db.exec(createSanctionPeriodsSql);
    this.#sanctionsChanged(null);
  }

  async setAthleticsOnly(athleticsOnly: boolean, options: JobOptions = {}): Promise<void> {
    if (!this.#sanctions.loaded) return;
    this.#sanctionsChanged(await this.#sanctions.setAthleticsOnly(athleticsOnly, options));
    await this.#analyse(options);
  }

  /** The analyst confirms a candidate for a sanction, or rejects the match (athleteId null). */
  async decideMatch(sanctionIndex: number, athleteId: number | null, options: JobOptions = {}): Promise<void> {
    this.#sanctionsChanged(await this.#sanctions.decide(sanctionIndex, athleteId));
    await this.#analyse(options);
  }

  #sanctionsChanged(summary: SanctionsSummary | null): void {
    this.#learned = null;
    this.#publish({ sanctions: summary, evaluation: null });
  }

  #standing(athleteId: number): LearnedStanding | null {
    const row = this.#learned?.rowOf.get(athleteId);
    if (!this.#learned || row === undefined) return null;
    return { rank: this.#learned.rank[row], of: this.#learned.rank.length, probability: this.#learned.probability[row], why: largestTermsOf(this.#learned, row) };
  }

  /** Opens an athlete's profile (`chosen`: by the analyst, so new analyses keep it). */
  async openAthlete(athleteId: number, chosen = true): Promise<void> {
    this.#chosen ||= chosen;
    const profile = await athleteProfile(this.#ports, athleteId, this.#runs.current(this.#fingerprint), this.#standing(athleteId));
    const flagged = profile.performances.find((p) => p.flags.length > 0) ?? profile.performances[0];
    const distribution = flagged ? await eventDistribution(this.#ports.db, flagged.event, flagged.sex) : null;
    this.#publish({ profile, distribution });
  }

  async showDistribution(event: string, sex: string): Promise<void> {
    this.#publish({ distribution: await eventDistribution(this.#ports.db, event, sex) });
  }

  searchAthletes(text: string, limit?: number): Promise<AthleteMatch[]> {
    return searchAthletes(this.#ports.db, text, limit);
  }

  /** Flagged performances (of one athlete, or all) as a file to save. */
  async exportFlagged(format: 'csv' | 'xlsx', athleteId?: number): Promise<Blob> {
    const runs = this.#runs.current(this.#fingerprint);
    const profile = athleteId === undefined ? null : await athleteProfile(this.#ports, athleteId, runs, null);
    return flaggedExport(this.#ports, format, runs, profile);
  }
}
