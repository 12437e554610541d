/**
 * Bluetooth SIG assigned numbers used by Trackside, as 16-bit values.
 * Web Bluetooth accepts a 16-bit number directly (`getPrimaryService(0x1818)`); `fullUuid`
 * gives the 128-bit form that filters, emulators and logs print.
 */
export const CYCLING_POWER_SERVICE = 0x1818;
export const CYCLING_POWER_MEASUREMENT = 0x2a63;
export const CYCLING_POWER_FEATURE = 0x2a65;
export const HEART_RATE_SERVICE = 0x180d;
export const HEART_RATE_MEASUREMENT = 0x2a37;
export const CYCLING_SPEED_AND_CADENCE_SERVICE = 0x1816;
export const CSC_MEASUREMENT = 0x2a5b;
export const BATTERY_SERVICE = 0x180f;
export const BATTERY_LEVEL = 0x2a19;
/** Client Characteristic Configuration descriptor: needed before notifications start. */
export const CLIENT_CHARACTERISTIC_CONFIGURATION = 0x2902;

/** `0x2a63` → `00002a63-0000-1000-8000-00805f9b34fb` (the Bluetooth base UUID). */
export function fullUuid(shortUuid: number): string {
  if (!Number.isInteger(shortUuid) || shortUuid < 0 || shortUuid > 0xffff) {
    throw new Error(`invalid 16-bit UUID: ${shortUuid}`);
  }
  return `0000${shortUuid.toString(16).padStart(4, '0')}-0000-1000-8000-00805f9b34fb`;
}
