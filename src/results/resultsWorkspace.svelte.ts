/**
 * The Results workspace's state: which tab is open, the one long task on screen, and the
 * engine's view mirrored (the analysis publishes a new view whenever it changes; this holds
 * the latest). Every action of the analyst runs through the engine inside that task, so it
 * shows progress and can be cancelled.
 */
import type { FixedValues } from '../core/athletics/columns';
import { LongTask } from '../app/longTask.svelte';
import { notices } from '../app/notices.svelte';
import { fetchSample, samples } from '../app/samples';
import { resultsEngine } from '../platform/results/resultsEngine';
import type { AthleteMatch, ColumnMapping, EvaluationSettings, ResultsView } from '../platform/results/results.types';
import { DetectorForms } from './detectorForms.svelte';
import { LoadedData } from './loadedData.svelte';
import { offerDownload } from '../app/download';

export type ResultsTab = 'data' | 'detectors' | 'sanctions' | 'evaluation' | 'athlete';

export class ResultsWorkspace {
  readonly engine = resultsEngine();
  readonly task = new LongTask();
  readonly data = new LoadedData(this.engine);
  readonly forms = new DetectorForms(this.engine.analysis.view.detectors);
  #view = $state.raw<ResultsView>(this.engine.analysis.view);
  #tab = $state<ResultsTab>('data');
  /** True once the first-sight sample is loaded and analysed (or the analyst took over). */
  #settled = $state(false);
  #started = false;
  #unsubscribe: () => void;

  constructor() {
    // One workspace for the app's life (resultsWorkspace()): it hears the engine for as long.
    this.#unsubscribe = this.engine.analysis.subscribe((view) => (this.#view = view));
  }

  /** The engine's latest view. */
  get view(): ResultsView {
    return this.#view;
  }

  get tab(): ResultsTab {
    return this.#tab;
  }

  set tab(tab: ResultsTab) {
    this.#tab = tab;
  }

  get settled(): boolean {
    return this.#settled;
  }

  /** Stops hearing the engine (tests; the app keeps its one workspace). */
  dispose(): void {
    this.#unsubscribe();
  }

  /** First sight: the generated sample and its sanctions (only while nothing else is loaded), every detector run. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const opened = await this.task.run('Loading the sample results', async (signal, report) => {
      const fetchBoth = async () => {
        const [results, sanctions] = await Promise.all([fetchSample(samples.results), fetchSample(samples.sanctions)]);
        return { results, sanctions };
      };
      const loaded = await this.engine.openSample(fetchBoth, { signal, onProgress: report });
      await this.data.refresh();
      return loaded;
    });
    // First sight on the page's clock: the sample loaded and matched, the Data tab ready; the
    // detectors then run with their results arriving tab by tab.
    performance.mark('trackside:results-first-sight');
    if (opened && this.data.performances > 0) await this.runAll();
    this.#settled = true;
    performance.mark('trackside:results-analysed');
  }

  async addFiles(files: File[]): Promise<void> {
    await this.task.run('Loading results', async (signal, report) => {
      await this.engine.loadFiles(files, { signal, onProgress: report });
      await this.data.refresh();
    }, () => void this.data.refresh());
  }

  async applyMapping(file: File, mapping: ColumnMapping, fixed: FixedValues): Promise<void> {
    this.data.dismissMapping(file);
    await this.task.run(`Loading ${file.name}`, async (signal, report) => {
      // A mapping that does not fit is listed among the failed files by the engine.
      await this.engine.applyMapping(file, mapping, { signal, onProgress: report }, fixed).catch((error: unknown) => {
        if (signal.aborted) throw error;
      });
      await this.data.refresh();
    });
  }

  async removeFile(name: string): Promise<void> {
    await this.task.run(`Removing ${name}`, async () => {
      await this.engine.removeFile(name);
      await this.data.refresh();
    });
  }

  runAll(): Promise<void> {
    return this.run(this.view.detectors.map((d) => d.id));
  }

  /** Detectors, then the evaluation: each detector's result shows as it finishes; a cancelled run keeps those. */
  async run(ids: string[]): Promise<void> {
    await this.task.run('Running detectors', (signal, report) => this.engine.analysis.run(this.forms.choices(ids), { signal, onProgress: report }));
  }

  async loadSanctions(file: File): Promise<void> {
    await this.task.run('Loading sanctions', (signal, report) => this.engine.analysis.loadSanctions(file, { signal, onProgress: report }));
  }

  async setAthleticsOnly(athleticsOnly: boolean): Promise<void> {
    await this.task.run('Matching the sanctions again', (signal, report) => this.engine.analysis.setAthleticsOnly(athleticsOnly, { signal, onProgress: report }));
  }

  async decide(sanctionIndex: number, athleteId: number | null): Promise<void> {
    await this.task.run('Updating the sanctions', (signal, report) => this.engine.analysis.decideMatch(sanctionIndex, athleteId, { signal, onProgress: report }));
  }

  async evaluate(settings: Partial<EvaluationSettings>): Promise<void> {
    await this.task.run('Scoring the methods', (signal, report) => this.engine.analysis.evaluate(settings, { signal, onProgress: report }));
  }

  async openAthlete(athleteId: number): Promise<void> {
    this.#tab = 'athlete';
    await this.task.run('Opening the athlete', () => this.engine.analysis.openAthlete(athleteId));
  }

  searchAthletes(text: string): Promise<AthleteMatch[]> {
    return this.engine.analysis.searchAthletes(text, 20);
  }

  async showDistribution(event: string, sex: string): Promise<void> {
    await this.engine.analysis.showDistribution(event, sex).catch((error: unknown) => notices.error(error, 'Event distribution'));
  }

  async exportFlagged(format: 'csv' | 'xlsx', athleteId?: number): Promise<void> {
    await this.task.run('Exporting flagged performances', async () => {
      offerDownload(await this.engine.analysis.exportFlagged(format, athleteId), `flagged-performances${athleteId === undefined ? '' : `-${athleteId}`}.${format}`);
    });
  }
}

let shared: ResultsWorkspace | null = null;

/** The one Results workspace of the app: leaving Results and coming back finds it as it was. */
export function resultsWorkspace(): ResultsWorkspace {
  shared ??= new ResultsWorkspace();
  return shared;
}
