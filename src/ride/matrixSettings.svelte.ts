import { DEFAULT_VIEWS, dumpViewsYaml, loadViewsYaml, type ChartView, type ViewsFile } from '../core/config/index';
import type { MatrixView, Normalisation } from '../core/power/index';
import { database } from '../platform/storage/database';
import { guardQuota } from '../platform/storage/storageStatus';

export interface SavedViewSet {
  readonly id: string;
  readonly name: string;
  readonly owner: string | null;
  readonly yaml: string;
}

/** Which view the matrix shows, how it normalises, and the view sets (YAML) a coach or squad keeps. */
export class MatrixSettings {
  #file = $state<ViewsFile>(DEFAULT_VIEWS);
  #fileName = $state('built-in views');
  #selected = $state(0);
  #normalisation = $state<Normalisation | null>(null);
  #scope = $state<'segment' | 'session' | null>(null);
  #courseSegment = $state<number | null>(null);
  #errors = $state<string[]>([]);
  #saved = $state<SavedViewSet[]>([]);

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
  get scope(): 'segment' | 'session' {
    return this.#scope ?? this.view.scope ?? 'segment';
  }
  set scope(value: 'segment' | 'session') {
    this.#scope = value;
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
    const set: SavedViewSet = { id: `${owner ?? 'shared'}:${fileName}`, name: fileName, owner, yaml: text };
    const db = await database();
    await guardQuota('the view set', () => db.put('views', { ...set, updatedAt: Date.now() }));
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
    const db = await database();
    this.#saved = (await db.getAll('views')).map((v) => ({ id: v.id, name: v.name, owner: v.owner, yaml: v.yaml }));
  }

  useSaved(id: string): void {
    if (id === 'default') return this.use(DEFAULT_VIEWS, 'built-in views');
    const set = this.#saved.find((s) => s.id === id);
    if (!set) return;
    const result = loadViewsYaml(set.yaml);
    if (result.ok) this.use(result.file, set.name);
  }

  async deleteSaved(id: string): Promise<void> {
    const db = await database();
    await db.delete('views', id);
    await this.loadSaved();
  }
}
