/**
 * The part of the Web Bluetooth API that Trackside uses. TypeScript's DOM library does not
 * declare it (it is Chromium-only), so the shapes are written here once, from the spec.
 */
export interface GattCharacteristic extends EventTarget {
  readonly uuid: string;
  readonly value?: DataView;
  startNotifications(): Promise<GattCharacteristic>;
  stopNotifications(): Promise<GattCharacteristic>;
  readValue(): Promise<DataView>;
}

export interface GattService {
  readonly uuid: string;
  getCharacteristic(uuid: number | string): Promise<GattCharacteristic>;
}

export interface GattServer {
  readonly connected: boolean;
  connect(): Promise<GattServer>;
  disconnect(): void;
  getPrimaryService(uuid: number | string): Promise<GattService>;
}

export interface BluetoothDeviceLike extends EventTarget {
  readonly id: string;
  readonly name?: string;
  readonly gatt?: GattServer;
}

export interface RequestDeviceOptions {
  filters?: { services?: (number | string)[]; namePrefix?: string }[];
  optionalServices?: (number | string)[];
  acceptAllDevices?: boolean;
}

export interface BluetoothLike {
  requestDevice(options: RequestDeviceOptions): Promise<BluetoothDeviceLike>;
  getAvailability?(): Promise<boolean>;
}

/** navigator.bluetooth, or null where the browser has none (Firefox, Safari, insecure origins). */
export function webBluetooth(): BluetoothLike | null {
  const bluetooth = (globalThis.navigator as (Navigator & { bluetooth?: BluetoothLike }) | undefined)?.bluetooth;
  return bluetooth ?? null;
}
