import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRandom, type Random } from '../stats/random';
import { decodeCyclingPowerMeasurement, type CyclingPowerMeasurement } from './cyclingPowerMeasurement';
import { MalformedPacketError } from './malformedPacketError';

const hex = (text: string): DataView => new DataView(Uint8Array.from(text.split(' ').map((b) => parseInt(b, 16))).buffer);

/** Reference encoder written from the spec's field table, independent of the decoder. */
function encode(m: CyclingPowerMeasurement): DataView {
  const bytes: number[] = [];
  const u8 = (v: number) => bytes.push(v & 0xff);
  const u16 = (v: number) => { u8(v); u8(v >> 8); };
  const u32 = (v: number) => { u16(v & 0xffff); u16(v >>> 16); };
  u16(m.flags);
  u16(m.instantaneousPower);
  if (m.pedalPowerBalance !== undefined) u8(m.pedalPowerBalance * 2);
  if (m.accumulatedTorque !== undefined) u16(m.accumulatedTorque * 32);
  if (m.wheelRevolutions) { u32(m.wheelRevolutions.revolutions); u16(m.wheelRevolutions.lastEventTime); }
  if (m.crankRevolutions) { u16(m.crankRevolutions.revolutions); u16(m.crankRevolutions.lastEventTime); }
  if (m.extremeForce) { u16(m.extremeForce.maximum); u16(m.extremeForce.minimum); }
  if (m.extremeTorque) { u16(m.extremeTorque.maximum * 32); u16(m.extremeTorque.minimum * 32); }
  if (m.extremeAngles) {
    const { maximum: a, minimum: b } = m.extremeAngles;
    u8(a & 0xff); u8(((a >> 8) & 0x0f) | ((b & 0x0f) << 4)); u8(b >> 4);
  }
  if (m.topDeadSpotAngle !== undefined) u16(m.topDeadSpotAngle);
  if (m.bottomDeadSpotAngle !== undefined) u16(m.bottomDeadSpotAngle);
  if (m.accumulatedEnergy !== undefined) u16(m.accumulatedEnergy);
  return new DataView(Uint8Array.from(bytes).buffer);
}

/** A measurement with random field values for the fields the flag mask says are present. */
function measurementFor(flags: number, random: Random): CyclingPowerMeasurement {
  const bit = (n: number) => (flags & (1 << n)) !== 0;
  const s16 = () => random.int(65536) - 32768;
  const m: Record<string, unknown> = {
    flags,
    instantaneousPower: s16(),
    pedalPowerBalanceReferenceLeft: bit(1),
    accumulatedTorqueSource: bit(3) ? 'crank' : 'wheel',
    offsetCompensationIndicator: bit(12),
  };
  if (bit(0)) m.pedalPowerBalance = random.int(256) / 2;
  if (bit(2)) m.accumulatedTorque = random.int(65536) / 32;
  if (bit(4)) m.wheelRevolutions = { revolutions: random.int(2 ** 32), lastEventTime: random.int(65536), ticksPerSecond: 2048 };
  if (bit(5)) m.crankRevolutions = { revolutions: random.int(65536), lastEventTime: random.int(65536), ticksPerSecond: 1024 };
  if (bit(6)) m.extremeForce = { maximum: s16(), minimum: s16() };
  if (bit(7)) m.extremeTorque = { maximum: s16() / 32, minimum: s16() / 32 };
  if (bit(8)) m.extremeAngles = { maximum: random.int(4096), minimum: random.int(4096) };
  if (bit(9)) m.topDeadSpotAngle = random.int(65536);
  if (bit(10)) m.bottomDeadSpotAngle = random.int(65536);
  if (bit(11)) m.accumulatedEnergy = random.int(65536);
  return m as unknown as CyclingPowerMeasurement;
}

describe('decodeCyclingPowerMeasurement', () => {
  it('decodes the published vector: 33 W, wheel 42 revs at 24772/2048 s, crank 18 revs at 1271/1024 s', () => {
    const m = decodeCyclingPowerMeasurement(hex('30 00 21 00 2A 00 00 00 C4 60 12 00 F7 04'));
    expect(m.instantaneousPower).toBe(33);
    expect(m.wheelRevolutions).toEqual({ revolutions: 42, lastEventTime: 24772, ticksPerSecond: 2048 });
    expect(m.crankRevolutions).toEqual({ revolutions: 18, lastEventTime: 1271, ticksPerSecond: 1024 });
    expect(m.pedalPowerBalance).toBeUndefined();
    expect(m.accumulatedEnergy).toBeUndefined();
  });

  it('decodes a hand-built packet with balance, torque, angles and energy', () => {
    // flags 0x0903 = balance (left) + extreme angles + accumulated energy; power -5 W;
    // balance 0x65 = 101 → 50.5 %; angles max 0x123 = 291°, min 0x0AB = 171°; energy 0x0102 = 258 kJ.
    const m = decodeCyclingPowerMeasurement(hex('03 09 FB FF 65 23 B1 0A 02 01'));
    expect(m.instantaneousPower).toBe(-5);
    expect(m.pedalPowerBalance).toBe(50.5);
    expect(m.pedalPowerBalanceReferenceLeft).toBe(true);
    expect(m.extremeAngles).toEqual({ maximum: 291, minimum: 171 });
    expect(m.accumulatedEnergy).toBe(258);
  });

  it('round-trips every one of the 2^13 flag combinations', () => {
    const random = createRandom(13);
    for (let flags = 0; flags < 1 << 13; flags++) {
      const expected = measurementFor(flags, random);
      expect(decodeCyclingPowerMeasurement(encode(expected))).toEqual(expected);
    }
  });

  it('rejects every truncation of a full packet with a MalformedPacketError naming the field', () => {
    const full = encode(measurementFor(0x1fff, createRandom(3)));
    expect(full.byteLength).toBe(34);
    for (let length = 0; length < full.byteLength; length++) {
      const cut = new DataView(full.buffer, 0, length);
      expect(() => decodeCyclingPowerMeasurement(cut)).toThrow(MalformedPacketError);
    }
    expect(() => decodeCyclingPowerMeasurement(hex('30 00 21 00 2A 00 00 00 C4 60 12 00 F7'))).toThrow(
      'Cycling Power Measurement (0x2A63): last crank event time at byte 12: needs 2 bytes, packet has 13 in all',
    );
    expect(() => decodeCyclingPowerMeasurement(hex('01'))).toThrow('flags at byte 0');
  });

  it('throws nothing but MalformedPacketError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        try {
          const m = decodeCyclingPowerMeasurement(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
          return Number.isInteger(m.instantaneousPower);
        } catch (error) {
          return error instanceof MalformedPacketError;
        }
      }),
      { numRuns: 3000, seed: 42 },
    );
  });
});
