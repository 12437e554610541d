import { BATTERY_SERVICE, CYCLING_POWER_SERVICE, CYCLING_SPEED_AND_CADENCE_SERVICE, HEART_RATE_SERVICE } from '../../core/ble/index';
import { GattSensorSource } from './gattSensorSource';
import { webBluetooth } from './webBluetoothTypes';

/** Why live sensors are unavailable here, in words for the coach; null when Web Bluetooth is present. */
export function bluetoothUnavailableReason(): string | null {
  if (webBluetooth()) return null;
  if (globalThis.isSecureContext === false) return 'Bluetooth needs a secure (https) page. Replay still works.';
  return 'This browser has no Web Bluetooth (Firefox and Safari do not offer it): use Chrome or Edge on Android, Windows, macOS or ChromeOS to read sensors live. Replay works here.';
}

/**
 * Opens the browser's device chooser (must run inside a click) for a power meter, heart-rate
 * strap or speed/cadence sensor, then connects and subscribes.
 */
export async function connectSensor(): Promise<GattSensorSource> {
  const bluetooth = webBluetooth();
  if (!bluetooth) throw new Error(bluetoothUnavailableReason() ?? 'no Web Bluetooth');
  const device = await bluetooth.requestDevice({
    filters: [{ services: [CYCLING_POWER_SERVICE] }, { services: [HEART_RATE_SERVICE] }, { services: [CYCLING_SPEED_AND_CADENCE_SERVICE] }],
    optionalServices: [BATTERY_SERVICE, CYCLING_POWER_SERVICE, HEART_RATE_SERVICE, CYCLING_SPEED_AND_CADENCE_SERVICE],
  });
  return GattSensorSource.open(device);
}
