import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { createRideStream } from './rideStream';
import { segmentMetrics } from './segmentMetrics';
import { SessionModel } from './sessionModel';
import { zScores } from './normalisation';
import { defaultScope } from './matrixGroups';

function ride(seed: number, seconds: number, hz: number, base: number) {
  const random = createRandom(seed);
  const n = seconds * hz;
  const time = Array.from({ length: n }, (_, i) => i / hz);
  const power = time.map(() => Math.max(0, base + 60 * random.normal()));
  const cadence = time.map(() => 85 + 5 * random.normal());
  return { time, power, cadence };
}

describe('SessionModel', () => {
  it('gives the same metrics as the batch segmentMetrics, whatever the chunking', () => {
    const model = new SessionModel({ segmentsPerLap: 3 });
    const columns = ride(1, 300, 1, 250);
    model.setRider('ana', { ftp: 260, weightKg: 60 });
    for (let start = 0; start < 300; start += 7) {
      model.appendSamples('ana', { time: columns.time.slice(start, start + 7), power: columns.power.slice(start, start + 7), cadence: columns.cadence.slice(start, start + 7) });
    }
    const gates = [10, 40, 55, 100, 180];
    const closed = gates.map((time) => model.addGate({ riderId: 'ana', time }));
    expect(closed[0]).toBeNull();
    expect(closed.slice(1).map((s) => s?.segmentNumber)).toEqual(['1.1', '1.2', '1.3', '2.1']);
    const batch = segmentMetrics(createRideStream(columns), 40, 55, { ftp: 260, weightKg: 60 });
    const live = closed[2]!.metrics;
    expect(live.normalizedPower).toBeCloseTo(batch.normalizedPower, 9);
    expect(live.trainingStressScore).toBeCloseTo(batch.trainingStressScore, 9);
    expect(live.wattsPerKg).toBeCloseTo(batch.averagePower / 60, 9);
    expect(live.averageCadence).toBeCloseTo(batch.averageCadence, 9);
    expect(() => model.addGate({ riderId: 'ana', time: 150 })).toThrow('invalid gate for ana: 150 is not after 180');
  });

  it('z-scores time and power across the riders of a segment and names the quadrant', () => {
    const model = new SessionModel({ segmentsPerLap: 2 });
    const riders = [
      { id: 'a', watts: 200, end: 60 },
      { id: 'b', watts: 300, end: 50 },
      { id: 'c', watts: 250, end: 70 },
    ];
    for (const r of riders) {
      model.appendSamples(r.id, { time: Array.from({ length: 200 }, (_, i) => i), power: new Array(200).fill(r.watts) });
      model.addGate({ riderId: r.id, time: 30 });
      model.addGate({ riderId: r.id, time: r.end });
    }
    const points = model.points({ xMetric: 'durationS', yMetric: 'averagePower', normalisation: 'zScore' });
    const xs = zScores([30, 20, 40]);
    const ys = zScores([200, 300, 250]);
    expect(points.map((p) => p.riderId)).toEqual(['a', 'b', 'c']);
    points.forEach((p, i) => {
      expect(p.x).toBeCloseTo(xs[i], 12);
      expect(p.y).toBeCloseTo(ys[i], 12);
    });
    // a sits on the time axis (x = 0) and c on the power axis (y = 0): ties count as faster / less power
    expect(points.map((p) => p.quadrant)).toEqual(['efficient', 'powerful', 'conserving']);
    const absolute = model.points({ yMetric: 'averagePower', normalisation: 'absolute' });
    expect(absolute.map((p) => p.x)).toEqual([30, 20, 40]);
  });

  it('compares a course segment over laps in session scope, and completes a gate that beat its samples', () => {
    const model = new SessionModel({ segmentsPerLap: 1 });
    model.appendSamples('a', { time: [0, 1, 2, 3, 4, 5], power: [100, 100, 100, 100, 100, 100] });
    model.addGate({ riderId: 'a', time: 0 });
    model.addGate({ riderId: 'a', time: 4 });
    const early = model.addGate({ riderId: 'a', time: 10 })!;
    expect(early.complete).toBe(false);
    expect(model.points({ scope: 'session' }).map((p) => p.segmentNumber)).toEqual(['1.1', '2.1']);
    model.appendSamples('a', { time: [6, 7, 8, 9, 10], power: [400, 400, 400, 400, 400] });
    const seg = model.segments('a')[1];
    expect(seg.complete).toBe(true);
    // samples 4..9: 100, 100, 400 × 4 → 1800 / 6
    expect(seg.metrics.averagePower).toBeCloseTo(300, 12);
    const after = model.points({ yMetric: 'averagePower', normalisation: 'absolute', scope: 'session' });
    expect(after[1].y).toBeCloseTo(300, 12);
  });

  it('costs well under a millisecond per gate with 10 riders streaming at 4 Hz for an hour', () => {
    const model = new SessionModel({ segmentsPerLap: 5, sampleIntervalS: 0.25 });
    const riders = Array.from({ length: 10 }, (_, r) => `r${r}`);
    riders.forEach((id, r) => model.appendSamples(id, ride(r + 1, 3600, 4, 200 + 10 * r)));
    const random = createRandom(9);
    const clock = new Map(riders.map((id) => [id, 0]));
    let gates = 0;
    const started = performance.now();
    for (let k = 0; k < 400; k++) {
      const id = random.pick(riders);
      const time = clock.get(id)! + 20 + random.int(40);
      clock.set(id, time);
      model.addGate({ riderId: id, time });
      model.points({ scope: 'session' });
      gates++;
    }
    const perGateMs = (performance.now() - started) / gates;
    expect(model.segments().length).toBe(400 - 10);
    expect(perGateMs).toBeLessThan(1);
  });
});

describe('SessionModel.points caching', () => {
  it('hands back the same array until a segment changes, then the new numbers', () => {
    const model = new SessionModel({ segmentsPerLap: 2 });
    const time = Array.from({ length: 60 }, (_, i) => i);
    model.appendSamples('a', { time, power: time.map(() => 200) });
    model.appendSamples('b', { time, power: time.map(() => 100) });
    for (const rider of ['a', 'b']) model.addGate({ riderId: rider, time: 0 });
    model.addGate({ riderId: 'a', time: 20 });
    model.addGate({ riderId: 'b', time: 30 });
    const first = model.points({ normalisation: 'absolute' });
    expect(model.points({ normalisation: 'absolute' })).toBe(first);
    // Absolute durations: 20 s and 30 s.
    expect(first.map((p) => `${p.riderId}:${p.x}`).sort()).toEqual(['a:20', 'b:30']);
    model.addGate({ riderId: 'a', time: 50 });
    const second = model.points({ normalisation: 'absolute' });
    expect(second).not.toBe(first);
    expect(second.map((p) => `${p.riderId}:${p.segmentNumber}:${p.x}`).sort()).toEqual(['a:1.1:20', 'a:1.2:30', 'b:1.1:30']);
    expect(Object.isFrozen(second)).toBe(true);
  });
});

describe('SessionModel for one rider and the profile', () => {
  const steady = (model: SessionModel, id: string, seconds: number, watts: (t: number) => number) => {
    const time = Array.from({ length: seconds }, (_, i) => i);
    model.appendSamples(id, { time, power: time.map(watts) });
  };

  it('a closing gate leaves the rest before the next lap out of every segment', () => {
    const model = new SessionModel({ segmentsPerLap: 1 });
    steady(model, 'a', 100, (t) => (t < 20 || (t >= 50 && t < 70) ? 300 : 50));
    model.addGate({ riderId: 'a', time: 0 });
    model.addGate({ riderId: 'a', time: 20, opens: false });
    expect(model.openSince('a')).toBeNull();
    model.addGate({ riderId: 'a', time: 50 });
    model.addGate({ riderId: 'a', time: 70, opens: false });
    const segments = model.segments('a');
    expect(segments.map((s) => [s.segmentNumber, s.metrics.durationS, s.metrics.averagePower])).toEqual([
      ['1.1', 20, 300],
      ['2.1', 20, 300],
    ]);
  });

  it('a new FTP or weight recomputes IF, TSS and W/kg of every segment already closed, at once', () => {
    const model = new SessionModel({ segmentsPerLap: 1 });
    steady(model, 'a', 120, () => 250);
    for (const time of [0, 60, 120]) model.addGate({ riderId: 'a', time });
    expect(model.segments('a').map((s) => s.metrics.intensityFactor)).toEqual([NaN, NaN]);
    const before = model.points({ yMetric: 'intensityFactor', normalisation: 'absolute', scope: 'rider' });
    model.setRider('a', { ftp: 250, weightKg: 50 });
    const segments = model.segments('a');
    // After the 30 s ring fills, NP of a steady 250 W is 250 W; the first lap's ring starts at zeros.
    expect(segments[1].metrics.intensityFactor).toBeCloseTo(1, 9);
    expect(segments[1].metrics.trainingStressScore).toBeCloseTo((60 / 3600) * 100, 9);
    expect(segments.map((s) => s.metrics.wattsPerKg)).toEqual([5, 5]);
    expect(model.points({ yMetric: 'intensityFactor', normalisation: 'absolute', scope: 'rider' })).not.toBe(before);
  });

  it('compares one rider’s own segments in rider scope, and opens one rider on it until a second lap', () => {
    const model = new SessionModel({ segmentsPerLap: 3 });
    steady(model, 'a', 90, (t) => 100 + t);
    for (const time of [0, 30, 60, 90]) model.addGate({ riderId: 'a', time });
    expect(model.lapsRidden).toBe(1);
    expect(defaultScope(1, model.lapsRidden)).toBe('rider');
    expect(model.points({ scope: 'segment' }).map((p) => [p.x, p.y])).toEqual([[0, 0], [0, 0], [0, 0]]);
    const own = model.points({ scope: 'rider', yMetric: 'averagePower' });
    expect(own.map((p) => Math.sign(p.y))).toEqual([-1, 0, 1]);
    expect(defaultScope(1, 2)).toBe('session');
    expect(defaultScope(2, 1)).toBe('segment');
  });

  it('sizes the 30 s window by the rider’s own sample rate and sums the whole ride', () => {
    const model = new SessionModel({ segmentsPerLap: 1 });
    model.setRider('fast', { ftp: 200, weightKg: null }, { sampleIntervalS: 0.5 });
    const time = Array.from({ length: 240 }, (_, i) => i * 0.5);
    model.appendSamples('fast', { time, power: time.map((t) => (t < 60 ? 0 : 200)) });
    const summary = model.rideSummary('fast')!;
    expect(summary.durationS).toBe(120);
    expect(summary.recordedS).toBe(120);
    // 60 s at 200 W after 60 s at 0: the 60-sample (30 s) ring is full of 200 W for the last 30 s.
    expect(summary.averagePower).toBe(100);
    expect(summary.intensityFactor).toBeCloseTo(summary.normalizedPower / 200, 12);
    expect(model.rideSummary('nobody')).toBeNull();
  });
});
