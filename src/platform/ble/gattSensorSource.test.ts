import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CYCLING_POWER_SERVICE } from '../../core/ble/index';
import { GattSensorSource, reconnectDelayMs } from './gattSensorSource';
import type { LinkStatus } from './sensorSource';
import type { BluetoothDeviceLike, GattCharacteristic, GattServer, GattService } from './webBluetoothTypes';

describe('reconnectDelayMs', () => {
  it('doubles from 0.5 s and holds at 15 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(reconnectDelayMs)).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
  });
});

/** A power meter whose connect() fails `failures` times after the first success. */
function fakeDevice(failuresAfterFirst: number) {
  let connects = 0;
  const characteristic = Object.assign(new EventTarget(), {
    uuid: 'power',
    startNotifications: async () => characteristic as unknown as GattCharacteristic,
    stopNotifications: async () => characteristic as unknown as GattCharacteristic,
    readValue: async () => new DataView(new ArrayBuffer(0)),
  });
  const service: GattService = { uuid: 'cps', getCharacteristic: async () => characteristic as unknown as GattCharacteristic };
  const server: GattServer = {
    connected: true,
    connect: async () => {
      connects++;
      if (connects > 1 && connects <= 1 + failuresAfterFirst) throw new Error(`out of range (${connects})`);
      return server;
    },
    disconnect: () => undefined,
    getPrimaryService: async (uuid) => {
      if (uuid !== CYCLING_POWER_SERVICE) throw new Error('no such service');
      return service;
    },
  };
  const device = Object.assign(new EventTarget(), { id: 'dev-1', name: 'PM', gatt: server }) as BluetoothDeviceLike;
  return { device, connects: () => connects };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('GattSensorSource reconnect', () => {
  it('reports the loss at once and retries after 0.5, 1 and 2 s until the link is back', async () => {
    const { device, connects } = fakeDevice(2);
    const source = await GattSensorSource.open(device);
    expect([...source.kinds]).toEqual(['power']);
    const seen: string[] = [];
    source.onStatus((s: LinkStatus) => seen.push(`${s.state}/${s.attempts}`));
    device.dispatchEvent(new Event('gattserverdisconnected'));
    expect(seen.slice(-1)).toEqual(['lost/0']);
    await vi.advanceTimersByTimeAsync(499);
    expect(connects()).toBe(1); // no attempt before 0.5 s
    await vi.advanceTimersByTimeAsync(1);
    expect(connects()).toBe(2); // attempt 1 fails
    await vi.advanceTimersByTimeAsync(999);
    expect(connects()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(connects()).toBe(3); // attempt 2, 1 s later, fails
    await vi.advanceTimersByTimeAsync(2000);
    expect(connects()).toBe(4); // attempt 3, 2 s later, succeeds
    expect(seen).toEqual(['connected/0', 'lost/0', 'reconnecting/1', 'reconnecting/1', 'reconnecting/2', 'reconnecting/2', 'reconnecting/3', 'connected/0']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(connects()).toBe(4); // connected: no more attempts
  });

  it('a closed source stops retrying', async () => {
    const { device, connects } = fakeDevice(100);
    const source = await GattSensorSource.open(device);
    device.dispatchEvent(new Event('gattserverdisconnected'));
    await vi.advanceTimersByTimeAsync(500 + 1000);
    expect(connects()).toBe(3);
    source.close();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(connects()).toBe(3);
  });
});
