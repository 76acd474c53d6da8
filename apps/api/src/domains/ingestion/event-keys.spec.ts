import { describe, expect, it } from '@jest/globals';
import type { MachineEventInput } from '@ms5/contracts';
import { classifyNotInserted, eventKey, splitByKey } from './event-keys.js';

const press = '6f1c1f9e-8f7c-4a57-9d0c-2f4a3c1b5e10';
const oven = '0a1b2c3d-0000-4000-8000-000000000001';
const count = (equipmentId: string, eventId: string, good = 1): MachineEventInput => ({
  eventId,
  equipmentId,
  ts: '2026-11-02T06:00:00Z',
  type: 'count',
  good,
  reject: 0,
});

describe('eventKey', () => {
  it('is the equipment and the eventId together, the UUID in any case the same', () => {
    expect(eventKey(press, '1')).toBe(eventKey(press.toUpperCase(), '1'));
    expect(eventKey(press, '1')).not.toBe(eventKey(oven, '1'));
    expect(eventKey(press, '1')).not.toBe(eventKey(press, '11'));
  });
});

describe('splitByKey', () => {
  it('keeps the first event of each (equipment, eventId), sorted by key, and sets the repeats apart', () => {
    const batch = [
      count(press, 'b'),
      count(oven, 'a'),
      count(press, 'a'),
      count(press, 'b', 99), // the same key again: compared, never inserted
      count(oven, 'a'),
      count(press.toUpperCase(), 'a'), // the same equipment spelt in capitals
    ];
    const { firsts, repeats } = splitByKey(batch);
    expect(firsts.map((f) => f.index)).toEqual([1, 2, 0]); // oven < press, then by eventId
    expect(repeats.map((r) => r.index)).toEqual([3, 4, 5]);
  });

  it('treats the same eventId of two equipment as two keys', () => {
    const { firsts, repeats } = splitByKey([count(press, '1'), count(oven, '1')]);
    expect(firsts).toHaveLength(2);
    expect(repeats).toEqual([]);
  });
});

describe('classifyNotInserted', () => {
  it('counts the same payload as a duplicate and another as a conflict, in batch order', () => {
    const notInserted = [
      { index: 4, event: count(press, 'x') },
      { index: 1, event: count(press, 'y') },
      { index: 2, event: count(oven, 'z') },
    ];
    const outcome = classifyNotInserted(
      6,
      notInserted,
      new Map([
        [4, false],
        [1, false],
        [2, true],
      ]),
    );
    expect(outcome).toEqual({
      accepted: 3,
      duplicates: 1,
      conflicts: [
        { index: 1, eventId: 'y' },
        { index: 4, eventId: 'x' },
      ],
    });
  });

  it('accepts the whole batch when everything was inserted', () => {
    expect(classifyNotInserted(3, [], new Map())).toEqual({
      accepted: 3,
      duplicates: 0,
      conflicts: [],
    });
  });

  it('refuses to guess about an event neither inserted nor found stored', () => {
    expect(() =>
      classifyNotInserted(1, [{ index: 0, event: count(press, 'x') }], new Map()),
    ).toThrow(/neither stored nor found/);
  });
});
