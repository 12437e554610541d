/**
 * The Results workspace: which tab is open, the one long task on screen, and the analyst's
 * actions, each of which runs through the engine (ResultsLabApi) inside that task so it shows
 * progress and can be cancelled. What the screen shows lives in the four states beside it.
 */
import { LongTask } from '../app/longTask.svelte';
import { notices } from '../app/notices.svelte';
import { fetchSample, samples } from '../app/samples';
import { resultsLab } from '../platform/results/resultsLab';
import type { ColumnMapping, DetectorRunSummary, ResultsLabApi, SanctionsSummary } from '../platform/results/resultsLab.api';
import { AnalysisState } from './analysisState.svelte';
import { AthleteState } from './athleteState.svelte';
import { DetectorRunsState } from './detectorRunsState.svelte';
import { LoadedData } from './loadedData.svelte';
import { saveBlob } from './saveBlob';

export type ResultsTab = 'data' | 'detectors' | 'sanctions' | 'evaluation' | 'athlete';

export class ResultsWorkspace {
  readonly lab: ResultsLabApi = resultsLab();
  readonly task = new LongTask();
  readonly data = new LoadedData(this.lab);
  readonly detectorRuns = new DetectorRunsState(this.lab.detectors());
  readonly analysis = new AnalysisState(this.lab);
  readonly athlete = new AthleteState(this.lab);
  #tab = $state<ResultsTab>('data');
  #sanctions = $state<SanctionsSummary | null>(null);
  /** True once the first-sight sample is loaded and analysed (or the analyst took over). */
  #settled = $state(false);
  #started = false;

  get tab(): ResultsTab {
    return this.#tab;
  }

  set tab(tab: ResultsTab) {
    this.#tab = tab;
  }

  get sanctions(): SanctionsSummary | null {
    return this.#sanctions;
  }

  get settled(): boolean {
    return this.#settled;
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
      const loaded = await this.lab.openSample(fetchBoth, { signal, onProgress: report });
      await this.data.refresh();
      this.#sanctions = await this.lab.sanctionsSummary();
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
      await this.lab.loadFiles(files, { signal, onProgress: report });
      await this.#dataChanged();
    }, () => void this.data.refresh());
  }

  async applyMapping(file: File, mapping: ColumnMapping): Promise<void> {
    this.data.dismissMapping(file);
    await this.task.run(`Loading ${file.name}`, async (signal, report) => {
      // A mapping that does not fit is listed among the failed files by the engine.
      await this.lab.applyMapping(file, mapping, { signal, onProgress: report }).catch((error: unknown) => {
        if (signal.aborted) throw error;
      });
      await this.#dataChanged();
    });
  }

  async removeFile(name: string): Promise<void> {
    await this.task.run(`Removing ${name}`, async () => {
      await this.lab.removeFile(name);
      await this.#dataChanged();
    });
  }

  async #dataChanged(): Promise<void> {
    this.detectorRuns.clear();
    this.analysis.clear();
    this.athlete.clear();
    await this.data.refresh();
    this.#sanctions = await this.lab.sanctionsSummary();
  }

  runAll(): Promise<void> {
    return this.run(this.detectorRuns.detectors.map((d) => d.id));
  }

  /** Each detector's result shows as it finishes; a cancelled run keeps those it finished. */
  async run(ids: string[]): Promise<void> {
    await this.task.run('Running detectors', async (signal, report) => {
      const onDetector = (summary: DetectorRunSummary) => this.detectorRuns.record(summary);
      await this.lab.runDetectors(this.detectorRuns.choices(ids), { signal, onProgress: report, onDetector });
      await this.#analyse();
    });
  }

  async loadSanctions(file: File): Promise<void> {
    await this.task.run('Loading sanctions', async (signal, report) => {
      this.#sanctions = await this.lab.loadSanctions(file, { signal, onProgress: report });
      await this.#analyse();
    });
  }

  async decide(sanctionIndex: number, athleteId: number | null): Promise<void> {
    await this.task.run('Updating the sanctions', async () => {
      this.#sanctions = await this.lab.decideMatch(sanctionIndex, athleteId);
      await this.#analyse();
    });
  }

  async #analyse(): Promise<void> {
    if (!this.detectorRuns.hasRuns) return;
    await Promise.all([this.analysis.refresh(), this.athlete.refresh(this.analysis.consensusMin)]);
  }

  async refreshEvaluation(): Promise<void> {
    await this.task.run('Scoring the methods', () => this.#analyse());
  }

  async openAthlete(athleteId: number): Promise<void> {
    this.#tab = 'athlete';
    await this.task.run('Opening the athlete', () => this.athlete.open(athleteId));
  }

  async showDistribution(event: string, sex: string): Promise<void> {
    await this.athlete.showDistribution(event, sex).catch((error: unknown) => notices.error(error, 'Event distribution'));
  }

  async exportFlagged(format: 'csv' | 'xlsx', athleteId?: number): Promise<void> {
    await this.task.run('Exporting flagged performances', async () => {
      saveBlob(await this.lab.exportFlagged(format, athleteId), `flagged-performances${athleteId === undefined ? '' : `-${athleteId}`}.${format}`);
    });
  }
}

let shared: ResultsWorkspace | null = null;

/** The one Results workspace of the app: leaving Results and coming back finds it as it was. */
export function resultsWorkspace(): ResultsWorkspace {
  shared ??= new ResultsWorkspace();
  return shared;
}
