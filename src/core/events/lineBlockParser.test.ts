import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateGameLines } from '../generate/games.ts';
import { decodeActions } from './actionBatchCodec.ts';
import { MAX_LINE_BYTES, parseLineBlock } from './lineBlockParser.ts';
import { parseAction, type ParsedAction, type Reject } from './parseAction.ts';

const RECEIVED = Date.UTC(2025, 5, 1);
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What parseAction says of each line, in the block parser's terms: actions by line number, rejects. */
function reference(lines: readonly string[]): { actions: Map<number, ParsedAction['action']>; rejects: Reject[] } {
  const actions = new Map<number, ParsedAction['action']>();
  const rejects: Reject[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const result = parseAction(line.replace(/\r$/, ''), i + 1, { receivedAtMs: RECEIVED });
    if (result.ok) actions.set(i + 1, result.action);
    else rejects.push(result);
  });
  return { actions, rejects };
}

function blockOf(lines: readonly string[]): { actions: Map<number, ParsedAction['action']>; rejects: Reject[]; lines: number } {
  const parsed = parseLineBlock(encode(`${lines.join('\n')}\n`), 0, RECEIVED);
  return { actions: new Map(decodeActions(parsed.actions).map((a) => [a.lineNumber, a.action])), rejects: parsed.rejects, lines: parsed.lines };
}

// Edits a reader of JSON must get right: structure, strings, escapes, numbers, repeated keys.
const EDITS = ['{', '}', '[', ']', '"', ',', ':', '\\', '\\"', '\\u0041', 'é', ' ', '\t', '0', '-', '.', 'e', '1e300', 'null', 'true', '\u0001'];
const VALUES = ['null', '""', '"x"', '[]', '{}', '[1]', '["a","b"]', '0', '-1', '1.5', '2147483648', '9007199254740993', '1e300', '1e999', 'true',
  '"\\u0031"', '"104"', '"PT99M00.00S"', '"+275760-09-13T00:00:00Z"', '"2025-02-02T20:11:19.3Z"', '[[[[[[[[[]]]]]]]]]'];
const KEYS = ['gameId', 'actionNumber', 'orderNumber', 'period', 'clock', 'timeActual', 'edited', 'actionType', 'subType', 'qualifiers', 'teamId',
  'personId', 'playerNameI', 'assistPersonId', 'shotResult', 'scoreHome', 'scoreAway', 'description', 'game', 'seq'];

describe('parseLineBlock', () => {
  it('reads every generated feed line as parseAction does', () => {
    const lines = generateGameLines({ games: 2, seed: 3 });
    const block = blockOf(lines);
    expect(block.rejects).toEqual([]);
    expect(block.actions).toEqual(reference(lines).actions);
    expect(block.lines).toBe(lines.length);
  });

  it('gives the same action or the same reason as parseAction for any edit of a line (property)', () => {
    const lines = generateGameLines({ games: 1, seed: 5 }).slice(0, 60);
    fc.assert(fc.property(
      fc.integer({ min: 0, max: lines.length - 1 }),
      fc.oneof(
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...EDITS) }),
        fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
        fc.record({ kind: fc.constant('value' as const), key: fc.constantFrom(...KEYS), value: fc.constantFrom(...VALUES), repeat: fc.boolean() }),
      ),
      (index, edit) => {
        let line = lines[index];
        if (edit.kind === 'insert') {
          const at = edit.at % (line.length + 1);
          line = line.slice(0, at) + edit.text + line.slice(at);
        } else if (edit.kind === 'delete') {
          const at = edit.at % line.length;
          line = line.slice(0, at) + line.slice(at + edit.length);
        } else {
          // The key set to the value, or the same key repeated at the end (JSON.parse keeps the last).
          const pattern = new RegExp(`"${edit.key}":(?:"[^"]*"|\\[[^\\]]*\\]|[^,}]*)`);
          line = edit.repeat || !pattern.test(line) ? `${line.slice(0, -1)},"${edit.key}":${edit.value}}` : line.replace(pattern, `"${edit.key}":${edit.value}`);
        }
        const block = blockOf([line]);
        const expected = reference([line]);
        expect(block.actions).toEqual(expected.actions);
        expect(block.rejects).toEqual(expected.rejects);
      },
    ), { numRuns: 3000, seed: 20250202 });
  });

  it('refuses implausible values with their reason, and never counts them', () => {
    const [line] = generateGameLines({ games: 1, seed: 1 }).filter((l) => l.includes('"3pt"'));
    const set = (key: string, value: string): string => line.replace(new RegExp(`"${key}":(?:"[^"]*"|[^,}]*)`), `"${key}":${value}`);
    const block = blockOf([
      set('actionNumber', '9007199254740993'), set('actionNumber', '1e300'), set('personId', '1e20'), set('period', '1000000000000000'),
      set('timeActual', '"+275760-09-13T00:00:00.000Z"'), set('scoreHome', '"1000"'), set('clock', '"PT99M00.00S"'), set('gameId', '""'),
    ]);
    expect(block.actions.size).toBe(0);
    expect(block.rejects.map((r) => r.reason)).toEqual([
      'line 1: actionNumber must be a whole number from 0 to 2,147,483,647, got 9007199254740992',
      'line 2: actionNumber must be a whole number from 0 to 2,147,483,647, got 1e+300',
      'line 3: personId must be a whole number from 0 to 2,147,483,647, got 100000000000000000000',
      'line 4: period must be a whole number from 1 to 20, got 1000000000000000',
      'line 5: timeActual must be a time from 1946-11-01 to a day after the line arrived, got "+275760-09-13T00:00:00.000Z"',
      'line 6: scoreHome must be a score from 0 to 300, got "1000"',
      'line 7: clock must be from 0 to 12 minutes left in the period, got "PT99M00.00S"',
      'line 8: gameId must not be empty',
    ]);
  });

  it('counts blank lines, takes CRLF, keeps non-ASCII names, and refuses a line too long to be an action unread', () => {
    const [first, second] = generateGameLines({ games: 1, seed: 2 });
    const accented = first.replace(/"playerNameI":"[^"]*"/, '"playerNameI":"N. Vučević"').replace(/^\{/, '{"playerNameI":"N. Vučević",');
    const huge = `{"description":"${'x'.repeat(MAX_LINE_BYTES)}"}`;
    const block = parseLineBlock(encode(`\n${accented}\r\n  \n${huge}\n${second}`), 10, RECEIVED);
    const actions = decodeActions(block.actions);
    expect(actions.map((a) => a.lineNumber)).toEqual([12, 15]);
    expect(block.lines).toBe(15 - 10);
    expect(block.rejects.map((r) => r.lineNumber)).toEqual([14]);
    expect(block.rejects[0].reason).toBe('line 14: 65,554 bytes long, not a feed action (at most 65,536 bytes are read)');
    expect(block.rejects[0].line.length).toBe(201);
    expect(reference(['', '', accented]).actions.get(3)).toEqual(actions[0].action);
  });

  it('refuses a valid action longer than the limit, finds each line\'s end by its scan, and reads a last line without a newline', () => {
    const [first, second, third] = generateGameLines({ games: 1, seed: 3 });
    const padded = first.replace(/^\{/, `{"description":"${'x'.repeat(MAX_LINE_BYTES)}",`);
    const block = parseLineBlock(encode(`${second}\r\n${padded}\n${third}  \r\n{"broken":\n${second}`), 0, RECEIVED);
    expect(decodeActions(block.actions).map((a) => a.lineNumber)).toEqual([1, 3, 5]);
    expect(block.rejects.map((r) => r.lineNumber)).toEqual([2, 4]);
    expect(block.rejects[0].reason).toMatch(/^line 2: [\d,]+ bytes long, not a feed action/);
    expect(block.lines).toBe(5);
  });
});
