/**
 * The one error a GATT decoder throws. A sensor that sends a short or corrupt notification
 * must not take the session down: the platform layer catches this, counts the packet as
 * dropped and carries on. The message names the characteristic, the field and the byte
 * offset, so a log line is enough to tell a firmware quirk from a bug of ours.
 */
export class MalformedPacketError extends Error {
  override readonly name = 'MalformedPacketError';
  constructor(
    readonly characteristic: string,
    readonly field: string,
    readonly offset: number,
    detail: string,
  ) {
    super(`${characteristic}: ${field} at byte ${offset}: ${detail}`);
  }
}
