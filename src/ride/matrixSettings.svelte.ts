import { DEFAULT_VIEWS, dumpViewsYaml, loadViewsYaml, type ChartView, type ViewsFile } from '../core/config/index';
import type { MatrixScope, MatrixView, Normalisation } from '../core/power/index';
import { viewSets, type SavedViewSet } from '../platform/ride/viewSets';

/**
 * Which view the matrix shows, how it normalises and whom it compares, and the view sets
 * (YAML) a coach or squad keeps. The comparison follows the session (riders against riders,
 * one rider's laps) unless the view or the coach says otherwise.
 */
export class MatrixSettings {
  #file = $state<ViewsFile>(DEFAULT_VIEWS);
  #fileName = $state('built-in views');
  #selected = $state(0);
  #normalisation = $state<Normalisation | null>(null);
  #scope = $state<MatrixScope | null>(null);
  #courseSegment = $state<number | null>(null);
  #errors = $state<string[]>([]);
  #saved = $state<SavedViewSet[]>([]);
  readonly #sessionScope: () => MatrixScope;

  constructor(sessionScope: () => MatrixScope) {
    this.#sessionScope = sessionScope;
  }

  get file(): ViewsFile {
    return this.#file;
  }
  get fileName(): string {
    return this.#fileName;
  }
  get view(): ChartView {
    return this.#file.views[Math.min(this.#selected, this.#file.views.length - 1)];
  }
  get selected(): number {
    return this.#selected;
  }
  set selected(index: number) {
    this.#selected = index;
    this.#normalisation = null;
    this.#scope = null;
  }
  get normalisation(): Normalisation {
    return this.#normalisation ?? this.view.normalisation ?? 'zScore';
  }
  set normalisation(value: Normalisation) {
    this.#normalisation = value;
  }
  get scope(): MatrixScope {
    return this.#scope ?? this.view.scope ?? this.#sessionScope();
  }
  set scope(value: MatrixScope) {
    this.#scope = value;
  }
  /** Whether the comparison is the session's own default (then the screen says why). */
  get scopeFollowsSession(): boolean {
    return this.#scope === null && this.view.scope === undefined;
  }
  /** Course segment shown (1…n), or null for every segment. */
  get courseSegment(): number | null {
    return this.#courseSegment;
  }
  set courseSegment(value: number | null) {
    this.#courseSegment = value;
  }
  get errors(): string[] {
    return this.#errors;
  }
  get saved(): SavedViewSet[] {
    return this.#saved;
  }

  get matrixView(): MatrixView {
    return { xMetric: this.view.xData, yMetric: this.view.yData, normalisation: this.normalisation, scope: this.scope };
  }

  /** Loads a YAML view set; an invalid one is refused with its line-and-field messages and the current views stay. */
  async importYaml(text: string, fileName: string): Promise<boolean> {
    const result = loadViewsYaml(text);
    if (!result.ok) {
      this.#errors = result.errors.map((e) => `${fileName}: ${e.message}`);
      return false;
    }
    this.#errors = [];
    this.use(result.file, fileName);
    const owner = result.file.coach ?? result.file.squad ?? null;
    await viewSets.save({ id: `${owner ?? 'shared'}:${fileName}`, name: fileName, owner, yaml: text });
    await this.loadSaved();
    return true;
  }

  use(file: ViewsFile, fileName: string): void {
    this.#file = file;
    this.#fileName = fileName;
    this.selected = 0;
  }

  exportYaml(): string {
    return dumpViewsYaml(this.#file);
  }

  async loadSaved(): Promise<void> {
    this.#saved = await viewSets.list();
  }

  useSaved(id: string): void {
    if (id === 'default') return this.use(DEFAULT_VIEWS, 'built-in views');
    const set = this.#saved.find((s) => s.id === id);
    if (!set) return;
    const result = loadViewsYaml(set.yaml);
    if (result.ok) this.use(result.file, set.name);
  }

  async deleteSaved(id: string): Promise<void> {
    await viewSets.remove(id);
    await this.loadSaved();
  }
}

let shared: MatrixSettings | null = null;

/** The view settings of the page, kept across visits of the Ride view like the Ride state. */
export function matrixSettings(sessionScope: () => MatrixScope): MatrixSettings {
  return (shared ??= new MatrixSettings(sessionScope));
}
