import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The on-device database. Each version's migration is a step of its own, run in order,
 * so that a device that skipped versions upgrades through every one.
 */
export interface TracksideDb extends DBSchema {
  /** Rider profiles; `sensorIds` (Ride) are the sensors the rider last wore, so the profile follows them. */
  riders: { key: string; value: { id: string; name: string; weightKg: number | null; ftp: number | null; squad: string | null; sensorIds?: string[] } };
  sessions: { key: string; value: { id: string; name: string; startedAt: number; endedAt: number | null; riderIds: string[]; source: string }; indexes: { byStart: number } };
  /** Samples in chunks (about a second of data each), keyed [sessionId, riderId, chunkNumber]. */
  samples: { key: [string, string, number]; value: { sessionId: string; riderId: string; chunkNumber: number; columns: Record<string, Float64Array> }; indexes: { bySession: string } };
  gates: { key: [string, string, number]; value: { sessionId: string; riderId: string; time: number; segmentNumber: string }; indexes: { bySession: string } };
  views: { key: string; value: { id: string; name: string; owner: string | null; yaml: string; updatedAt: number } };
  detectorCache: { key: string; value: { key: string; createdAt: number; scores: Float64Array; threshold: number } };
  streamCheckpoints: { key: string; value: { id: string; savedAt: number; state: unknown } };
  datasets: { key: string; value: { id: string; name: string; handle: unknown | null; addedAt: number } };
  columnMappings: { key: string; value: { shape: string; mapping: Record<string, string>; savedAt: number } };
}

export const databaseName = 'trackside';

type Migration = (db: IDBPDatabase<TracksideDb>) => void;

/** Index i upgrades the database from version i to i + 1. */
export const migrations: Migration[] = [
  (db) => {
    db.createObjectStore('riders', { keyPath: 'id' });
    db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('byStart', 'startedAt');
    db.createObjectStore('samples', { keyPath: ['sessionId', 'riderId', 'chunkNumber'] }).createIndex('bySession', 'sessionId');
    db.createObjectStore('gates', { keyPath: ['sessionId', 'riderId', 'time'] }).createIndex('bySession', 'sessionId');
    db.createObjectStore('views', { keyPath: 'id' });
    db.createObjectStore('detectorCache', { keyPath: 'key' });
    db.createObjectStore('streamCheckpoints', { keyPath: 'id' });
    db.createObjectStore('datasets', { keyPath: 'id' });
  },
  (db) => {
    // Version 2: the Results column dialog remembers mappings per file shape.
    db.createObjectStore('columnMappings', { keyPath: 'shape' });
  },
];

export const databaseVersion = migrations.length;

let opened: Promise<IDBPDatabase<TracksideDb>> | null = null;

export function database(): Promise<IDBPDatabase<TracksideDb>> {
  opened ??= openDB<TracksideDb>(databaseName, databaseVersion, {
    upgrade(db, oldVersion) {
      for (let version = oldVersion; version < databaseVersion; version++) migrations[version](db);
    },
    blocking() {
      // A newer version of the app in another tab needs the database: let it have it.
      void opened?.then((db) => db.close());
      opened = null;
    },
  });
  return opened;
}
