import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBatteryLevel } from './batteryLevel';
import { decodeCscMeasurement } from './cscMeasurement';
import { decodeCyclingPowerFeature } from './cyclingPowerFeature';
import { decodeHeartRateMeasurement } from './heartRateMeasurement';
import { MalformedPacketError } from './malformedPacketError';
import { fullUuid, CYCLING_POWER_MEASUREMENT } from './uuids';

const bytes = (...values: number[]): DataView => new DataView(Uint8Array.from(values).buffer);

describe('decodeHeartRateMeasurement', () => {
  it('reads a uint8 rate with contact detected', () => {
    const hr = decodeHeartRateMeasurement(bytes(0b00110, 72));
    expect(hr).toEqual({ flags: 6, heartRate: 72, sensorContact: true, rrIntervalsMs: [] });
  });

  it('reads a uint16 rate, energy and RR intervals converted from 1/1024 s to ms', () => {
    // flags 0x19: uint16 HR, energy, RR; HR 0x0104 = 260; energy 0x0010 = 16 kJ; RR 1024 → 1000 ms, 512 → 500 ms
    const hr = decodeHeartRateMeasurement(bytes(0x19, 0x04, 0x01, 0x10, 0x00, 0x00, 0x04, 0x00, 0x02));
    expect(hr.heartRate).toBe(260);
    expect(hr.energyExpended).toBe(16);
    expect(hr.sensorContact).toBeUndefined();
    expect(hr.rrIntervalsMs).toEqual([1000, 500]);
  });

  it('rejects a half RR interval and an empty RR list', () => {
    expect(() => decodeHeartRateMeasurement(bytes(0x10, 60, 0x00, 0x04, 0x00))).toThrow('odd number of bytes left (3)');
    expect(() => decodeHeartRateMeasurement(bytes(0x10, 60))).toThrow(MalformedPacketError);
    expect(() => decodeHeartRateMeasurement(bytes(0x01, 60))).toThrow('heart rate (uint16) at byte 1');
  });
});

describe('decodeCscMeasurement', () => {
  it('reads wheel (1/1024 s) and crank data', () => {
    const csc = decodeCscMeasurement(bytes(0x03, 0x10, 0x27, 0, 0, 0x00, 0x08, 0x05, 0x00, 0x00, 0x04));
    expect(csc.wheelRevolutions).toEqual({ revolutions: 10000, lastEventTime: 2048, ticksPerSecond: 1024 });
    expect(csc.crankRevolutions).toEqual({ revolutions: 5, lastEventTime: 1024, ticksPerSecond: 1024 });
  });

  it('rejects a truncated crank block', () => {
    expect(() => decodeCscMeasurement(bytes(0x02, 0x05, 0x00, 0x00))).toThrow('last crank event time at byte 3');
  });
});

describe('decodeCyclingPowerFeature', () => {
  it('lists the named features and the context bits', () => {
    // bits 0, 3, 7, 16 (torque), 21 (distributed: 0b10)
    const value = (1 << 0) | (1 << 3) | (1 << 7) | (1 << 16) | (1 << 21);
    const view = new DataView(new ArrayBuffer(4));
    view.setUint32(0, value, true);
    const feature = decodeCyclingPowerFeature(view);
    expect(feature.features).toEqual(['pedalPowerBalance', 'crankRevolutionData', 'accumulatedEnergy']);
    expect(feature.sensorMeasurementContext).toBe('torque');
    expect(feature.distributedSystem).toBe('forDistributedSystem');
    expect(() => decodeCyclingPowerFeature(bytes(1, 2, 3))).toThrow(MalformedPacketError);
  });
});

describe('decodeBatteryLevel and uuids', () => {
  it('reads percent and refuses reserved values', () => {
    expect(decodeBatteryLevel(bytes(87))).toBe(87);
    expect(() => decodeBatteryLevel(bytes(101))).toThrow('battery level at byte 0: 101 % is above 100');
    expect(() => decodeBatteryLevel(bytes())).toThrow(MalformedPacketError);
    expect(fullUuid(CYCLING_POWER_MEASUREMENT)).toBe('00002a63-0000-1000-8000-00805f9b34fb');
  });

  it('never throws anything but MalformedPacketError on random bytes', () => {
    const decoders = [decodeHeartRateMeasurement, decodeCscMeasurement, decodeCyclingPowerFeature, decodeBatteryLevel];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), fc.integer({ min: 0, max: 3 }), (data, which) => {
        try {
          decoders[which](new DataView(data.buffer, data.byteOffset, data.byteLength));
          return true;
        } catch (error) {
          return error instanceof MalformedPacketError;
        }
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
