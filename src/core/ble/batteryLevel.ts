import { PacketReader } from './packetReader';

/** Battery Level (0x2A19), Battery Service 1.0: uint8 percent; 101–255 are reserved. */
export function decodeBatteryLevel(view: DataView): number {
  const reader = new PacketReader(view, 'Battery Level (0x2A19)');
  const level = reader.uint8('battery level');
  if (level > 100) reader.fail('battery level', `${level} % is above 100 (reserved value)`, 0);
  return level;
}
