import { MalformedPacketError } from './malformedPacketError';

/**
 * A little-endian cursor over a notification's DataView that checks every read against the
 * packet length, so a truncated packet becomes a MalformedPacketError naming the missing
 * field rather than a RangeError from DataView.
 */
export class PacketReader {
  private offset = 0;

  constructor(
    private readonly view: DataView,
    private readonly characteristic: string,
  ) {}

  get position(): number {
    return this.offset;
  }

  get remaining(): number {
    return this.view.byteLength - this.offset;
  }

  private need(field: string, bytes: number): number {
    const at = this.offset;
    if (this.view.byteLength - at < bytes) {
      throw new MalformedPacketError(
        this.characteristic,
        field,
        at,
        `needs ${bytes} byte${bytes === 1 ? '' : 's'}, packet has ${this.view.byteLength} in all`,
      );
    }
    this.offset += bytes;
    return at;
  }

  uint8(field: string): number {
    return this.view.getUint8(this.need(field, 1));
  }

  uint16(field: string): number {
    return this.view.getUint16(this.need(field, 2), true);
  }

  sint16(field: string): number {
    return this.view.getInt16(this.need(field, 2), true);
  }

  uint32(field: string): number {
    return this.view.getUint32(this.need(field, 4), true);
  }

  /** Two 12-bit unsigned values packed into three bytes, first value in the low bits. */
  uint12Pair(field: string): [number, number] {
    const at = this.need(field, 3);
    const b0 = this.view.getUint8(at);
    const b1 = this.view.getUint8(at + 1);
    const b2 = this.view.getUint8(at + 2);
    return [b0 | ((b1 & 0x0f) << 8), (b1 >> 4) | (b2 << 4)];
  }

  fail(field: string, detail: string, offset = this.offset): never {
    throw new MalformedPacketError(this.characteristic, field, offset, detail);
  }
}
