/**
 * The Results workspace's state: what is loaded, the detectors' settings and last runs,
 * the sanctions, the evaluation and the open athlete. Every heavy step goes through the
 * engine (ResultsLabApi) inside a LongTask, so it shows progress and can be cancelled.
 */
import { LongTask } from '../app/longTask.svelte';
import { notices } from '../app/notices.svelte';
import { fetchSample, samples } from '../app/samples';
import { resultsLab } from '../platform/results/resultsLab';
import type { DetectorInfo, DetectorParameters } from '../core/detectors/types';
import type {
  AthleteProfile, ColumnMapping, ConsensusRow, DatasetSummary, DetectorRunSummary, EvaluationLevel, EvaluationTable,
  EventDistribution, MappingRequest, PrCurve, ResultsLabApi, SanctionsSummary,
} from '../platform/results/resultsLab.api';

export type ResultsTab = 'data' | 'detectors' | 'sanctions' | 'evaluation' | 'athlete';

export class ResultsWorkspace {
  readonly lab: ResultsLabApi = resultsLab();
  readonly task = new LongTask();
  readonly detectors: DetectorInfo[] = this.lab.detectors();
  tab = $state<ResultsTab>('data');
  summary = $state<DatasetSummary | null>(null);
  sampleFiles = $state<string[]>([]);
  failed = $state<{ file: string; message: string }[]>([]);
  mappings = $state<{ request: MappingRequest; file: File }[]>([]);
  params = $state<Record<string, DetectorParameters>>({});
  runs = $state<Record<string, DetectorRunSummary>>({});
  sanctions = $state<SanctionsSummary | null>(null);
  level = $state<EvaluationLevel>('athlete');
  event = $state<string>('');
  consensusMin = $state(2);
  evaluation = $state<EvaluationTable | null>(null);
  curves = $state<PrCurve[]>([]);
  consensus = $state<ConsensusRow[]>([]);
  profile = $state<AthleteProfile | null>(null);
  distribution = $state<EventDistribution | null>(null);
  /** True once the first-sight sample is loaded and analysed (or the analyst took over). */
  settled = $state(false);
  #started = false;
  #userLoaded = false;

  constructor() {
    for (const detector of this.detectors) {
      this.params[detector.id] = Object.fromEntries(Object.entries(detector.parameters).map(([name, spec]) => [name, spec.default]));
    }
  }

  get hasRuns(): boolean {
    return Object.keys(this.runs).length > 0;
  }

  /** First sight: the generated sample, its sanctions, every detector run. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const loaded = await this.task.run('Loading the sample results', async (signal, report) => {
      const [results, sanctions] = await Promise.all([fetchSample(samples.results), fetchSample(samples.sanctions)]);
      const outcome = await this.lab.loadFiles([results], { signal, onProgress: report });
      this.sampleFiles = outcome.loaded.map((f) => f.file);
      this.sanctions = await this.lab.loadSanctions(sanctions, { signal, onProgress: report });
      this.summary = await this.lab.summary();
      return true;
    });
    if (loaded && !this.#userLoaded && this.summary && this.summary.performances > 0) await this.runAll();
    this.settled = true;
  }

  async addFiles(files: File[]): Promise<void> {
    this.#userLoaded = true;
    await this.task.run('Loading results', async (signal, report) => {
      for (const sample of this.sampleFiles) await this.lab.removeFile(sample).catch(() => undefined);
      this.sampleFiles = [];
      const outcome = await this.lab.loadFiles(files, { signal, onProgress: report });
      this.failed = [...this.failed.filter((f) => !files.some((file) => file.name === f.file)), ...outcome.failed];
      this.mappings = [...this.mappings, ...outcome.needsMapping.map((request) => ({ request, file: files.find((f) => f.name === request.file)! }))];
      await this.#dataChanged();
    }, () => void this.#refreshSummary());
  }

  async applyMapping(file: File, mapping: ColumnMapping): Promise<void> {
    this.mappings = this.mappings.filter((m) => m.file !== file);
    await this.task.run(`Loading ${file.name}`, async (signal, report) => {
      try {
        await this.lab.applyMapping(file, mapping, { signal, onProgress: report });
        this.failed = this.failed.filter((f) => f.file !== file.name);
      } catch (error) {
        if (signal.aborted) throw error;
        this.failed = [...this.failed, { file: file.name, message: error instanceof Error ? error.message : String(error) }];
      }
      await this.#dataChanged();
    });
  }

  dismissMapping(file: File): void {
    this.mappings = this.mappings.filter((m) => m.file !== file);
  }

  async removeFile(name: string): Promise<void> {
    await this.task.run(`Removing ${name}`, async () => {
      await this.lab.removeFile(name);
      this.sampleFiles = this.sampleFiles.filter((f) => f !== name);
      await this.#dataChanged();
    });
  }

  async #dataChanged(): Promise<void> {
    this.runs = {};
    this.evaluation = null;
    this.curves = [];
    this.consensus = [];
    this.profile = null;
    await this.#refreshSummary();
    this.sanctions = await this.lab.sanctionsSummary();
  }

  async #refreshSummary(): Promise<void> {
    this.summary = await this.lab.summary();
  }

  runAll(): Promise<void> {
    return this.run(this.detectors.map((d) => d.id));
  }

  async run(ids: string[]): Promise<void> {
    await this.task.run('Running detectors', async (signal, report) => {
      const choices = ids.map((id) => ({ id, params: { ...this.params[id] } }));
      const done = await this.lab.runDetectors(choices, { signal, onProgress: report });
      this.runs = { ...this.runs, ...Object.fromEntries(done.map((s) => [s.detectorId, s])) };
      await this.#analyse();
    });
  }

  async loadSanctions(file: File): Promise<void> {
    await this.task.run('Loading sanctions', async (signal, report) => {
      this.sanctions = await this.lab.loadSanctions(file, { signal, onProgress: report });
      await this.#analyse();
    });
  }

  async decide(sanctionIndex: number, athleteId: number | null): Promise<void> {
    await this.task.run('Updating the sanctions', async () => {
      this.sanctions = await this.lab.decideMatch(sanctionIndex, athleteId);
      await this.#analyse();
    });
  }

  /** The evaluation table, the curves and the consensus list for the current settings. */
  async #analyse(): Promise<void> {
    if (!this.hasRuns) return;
    const event = this.event || undefined;
    const [evaluation, curves, consensus] = await Promise.all([
      this.lab.evaluation(this.level, { event, consensusMin: this.consensusMin }),
      this.lab.prCurves(this.level, this.consensusMin),
      this.lab.consensus(this.consensusMin),
    ]);
    this.evaluation = evaluation;
    this.curves = curves;
    this.consensus = consensus;
  }

  async refreshEvaluation(): Promise<void> {
    await this.task.run('Scoring the methods', () => this.#analyse());
  }

  async openAthlete(athleteId: number): Promise<void> {
    this.tab = 'athlete';
    await this.task.run('Opening the athlete', async () => {
      const profile = await this.lab.profile(athleteId);
      this.profile = profile;
      const flagged = profile.performances.find((p) => p.flags.length > 0) ?? profile.performances[0];
      this.distribution = flagged ? await this.lab.distribution(flagged.event, flagged.sex) : null;
    });
  }

  async showDistribution(event: string, sex: string): Promise<void> {
    try {
      this.distribution = await this.lab.distribution(event, sex);
    } catch (error) {
      notices.error(error, 'Event distribution');
    }
  }

  async exportFlagged(format: 'csv' | 'xlsx', athleteId?: number): Promise<void> {
    await this.task.run('Exporting flagged performances', async () => {
      const blob = await this.lab.exportFlagged(format, athleteId);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `flagged-performances${athleteId === undefined ? '' : `-${athleteId}`}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });
  }
}
