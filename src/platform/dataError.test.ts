import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { DataError, describeError, installErrorTransfer } from './dataError';

describe('DataError across a worker boundary', () => {
  it('says where, what, what was expected and what to do, naming the file once', () => {
    const named = new DataError('"a.csv" is empty', { file: 'a.csv', advice: 'Choose the file that holds the data' });
    expect(describeError(named)).toBe('"a.csv" is empty. Choose the file that holds the data');
  });

  it('says what and where in one line', () => {
    const error = new DataError('"1:4x.32" is not a time', { file: 'results.csv', row: 12, column: 'mark', expected: 'a time like 1:45.32' });
    expect(describeError(error)).toBe('"results.csv", row 12, column "mark": "1:4x.32" is not a time (expected a time like 1:45.32)');
  });

  it('names the file once when the message already names it', () => {
    const error = new DataError('"ride.csv" is empty', { file: 'ride.csv', expected: 'a ride' });
    expect(describeError(error)).toBe('"ride.csv" is empty (expected a ride)');
  });

  it('keeps its class and location through comlink', async () => {
    installErrorTransfer();
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(
      {
        load() {
          throw new DataError('missing column "mark"', { file: 'a.csv', column: 'mark' });
        },
      },
      port2 as unknown as Comlink.Endpoint,
    );
    const remote = Comlink.wrap<{ load(): void }>(port1 as unknown as Comlink.Endpoint);
    const error = await remote.load().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).location).toEqual({ file: 'a.csv', column: 'mark' });
    port1.close();
  });
});
