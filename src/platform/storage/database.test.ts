import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { database, databaseName, databaseVersion, migrations } from './database';
import { formatBytes, guardQuota, StorageFullError } from './storageStatus';

describe('the on-device database', () => {
  it('upgrades a version-1 database in place, keeping what it held', async () => {
    // A device that ran the first release: only the version-1 stores, one rider saved.
    const old = await openDB(databaseName, 1, { upgrade: (db) => migrations[0](db as never) });
    await old.put('riders', { id: 'r1', name: 'Ann', weightKg: 58, ftp: 240, squad: 'U23' });
    expect(old.objectStoreNames.contains('columnMappings')).toBe(false);
    old.close();

    const db = await database();
    expect(db.version).toBe(databaseVersion);
    expect([...db.objectStoreNames].sort()).toEqual(
      ['columnMappings', 'datasets', 'detectorCache', 'gates', 'riders', 'samples', 'sessions', 'streamCheckpoints', 'views'].sort(),
    );
    expect(await db.get('riders', 'r1')).toEqual({ id: 'r1', name: 'Ann', weightKg: 58, ftp: 240, squad: 'U23' });
    await db.put('columnMappings', { shape: 'cols4-abc', mapping: { athlete: 'Name' }, savedAt: 1 });
    expect((await db.get('columnMappings', 'cols4-abc'))?.mapping).toEqual({ athlete: 'Name' });
  });
});

describe('quota', () => {
  it('turns QuotaExceededError into a message that says what was not saved and what to do', async () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const error = await guardQuota('the ride recording', () => Promise.reject(quota)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/^The device's storage for Trackside is full, so the ride recording could not be saved\. Free space/);
    await expect(guardQuota('x', () => Promise.reject(new Error('other')))).rejects.toThrow('other');
    expect(await guardQuota('x', async () => 42)).toBe(42);
  });

  it('formats byte counts for Settings', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GB');
    expect(formatBytes(null)).toBe('unknown');
  });
});
