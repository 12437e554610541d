import { database } from '../storage/database';

/** A rider's profile as the device keeps it between sessions. */
export interface RiderProfileRecord {
  readonly name: string;
  readonly ftp: number | null;
  readonly weightKg: number | null;
  readonly squad: string | null;
  /** The sensors the rider last wore (live), so the profile follows them. */
  readonly sensorIds: readonly string[];
}

const keyOf = (name: string) => `name:${name.trim().toLowerCase()}`;

/**
 * The profiles the coach has entered, kept in IndexedDB (`riders`) and found again by the
 * rider's name (a replayed file names its rider) or by the sensor they wore (live): FTP and
 * weight follow the rider into every later session instead of being typed again.
 */
export class RiderProfiles {
  #all: RiderProfileRecord[] = [];
  #loaded = false;

  async load(): Promise<void> {
    const db = await database();
    this.#all = (await db.getAll('riders')).map((r) => ({ name: r.name, ftp: r.ftp, weightKg: r.weightKg, squad: r.squad, sensorIds: r.sensorIds ?? [] }));
    this.#loaded = true;
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  byName(name: string): RiderProfileRecord | null {
    const key = keyOf(name);
    return this.#all.find((p) => keyOf(p.name) === key) ?? null;
  }

  bySensor(sensorId: string): RiderProfileRecord | null {
    return this.#all.find((p) => p.sensorIds.includes(sensorId)) ?? null;
  }

  /** Saves a profile under its name (its sensors move to it from whoever wore them before). */
  async save(profile: RiderProfileRecord): Promise<void> {
    const others = this.#all.filter((p) => keyOf(p.name) !== keyOf(profile.name)).map((p) => ({ ...p, sensorIds: p.sensorIds.filter((id) => !profile.sensorIds.includes(id)) }));
    this.#all = [...others, profile];
    const db = await database();
    const tx = db.transaction('riders', 'readwrite');
    for (const p of this.#all) void tx.store.put({ id: keyOf(p.name), ...p, sensorIds: [...p.sensorIds] }).catch(() => undefined);
    await tx.done;
  }
}
