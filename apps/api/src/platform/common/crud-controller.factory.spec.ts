import { describe, expect, it } from '@jest/globals';
import { type Paginated, type SessionUser, toPage } from '@ms5/contracts';
import { LineScope } from '../line-access/line-scope.js';
import {
  type CrudStore,
  type LinePolicy,
  type Queryable,
  lineScoped,
} from './crud-controller.factory.js';
import { DomainException } from './domain.exception.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

/** A thing on one line, or on none (plant-wide). */
interface Thing {
  id: string;
  lineId: string | null;
  name: string;
  notes: string[];
}
type Patch = Partial<Pick<Thing, 'lineId' | 'name' | 'notes'>>;
type Query = { page: number; pageSize: number; lineId?: string };

const actor: SessionUser = {
  id: '00000000-0000-4000-8000-0000000000ff',
  username: 'tester',
  role: 'engineer',
  displayName: 'Tester',
};

/** An in-memory store: what the policy wrapper sees of a real one. */
function memoryStore(things: Thing[]): CrudStore<Thing, Thing, Patch, Query> & {
  lastLineIds: readonly string[] | null | undefined;
} {
  const store = {
    // The wrapper hands this to the policy, which here looks nothing up.
    db: { query: () => Promise.reject(new Error('no database in this test')) },
    lastLineIds: undefined as readonly string[] | null | undefined,
    list: async (query: Query, lineIds: readonly string[] | null): Promise<Paginated<Thing>> => {
      store.lastLineIds = lineIds;
      const rows = things.filter(
        (t) => !lineIds || t.lineId === null || lineIds.includes(t.lineId),
      );
      return toPage(rows, rows.length, query);
    },
    get: async (id: string) => {
      const found = things.find((t) => t.id === id);
      if (!found) throw new Error('not found');
      return { ...found };
    },
    create: async (input: Thing) => {
      things.push(input);
      return { ...input };
    },
    update: async (
      id: string,
      _actor: SessionUser,
      check: (before: Thing, db: Queryable) => Promise<Patch>,
    ) => {
      const current = things.find((t) => t.id === id);
      if (!current) throw new Error('not found');
      Object.assign(current, await check({ ...current }, store.db));
      return { ...current };
    },
    remove: async (
      id: string,
      _actor: SessionUser,
      check: (before: Thing, db: Queryable) => Promise<void>,
    ) => {
      const index = things.findIndex((t) => t.id === id);
      await check({ ...(things[index] as Thing) }, store.db);
      things.splice(index, 1);
    },
  };
  return store;
}

const policy: LinePolicy<Thing, Thing, Patch, Query> = {
  subject: 'This thing',
  lineOf: (thing) => (thing.lineId ? [thing.lineId] : 'plant'),
  linesOfCreate: (input) => (input.lineId ? [input.lineId] : 'plant'),
  linesOfPatch: (patch) =>
    patch.lineId === undefined ? [] : patch.lineId === null ? 'plant' : [patch.lineId],
  listFilter: (query) => query.lineId,
  // A limited caller sees only notes naming their lines.
  view: async (items, scope) =>
    items.map((item) => ({ ...item, notes: item.notes.filter((n) => scope.allows(n)) })),
  // …and may change only the notes of a plant-wide thing.
  limitedPatch: async (_before, patch) => {
    if (patch.name !== undefined) throw new DomainException('LINE_NOT_ASSIGNED', 'not the name');
    return patch;
  },
};

const things = (): Thing[] => [
  { id: 'a', lineId: A, name: 'on A', notes: [] },
  { id: 'b', lineId: B, name: 'on B', notes: [] },
  { id: 'p', lineId: null, name: 'plant', notes: [A, B] },
];

async function code(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainException) return error.code;
    throw error;
  }
  return undefined;
}

describe('lineScoped', () => {
  const onlyA = LineScope.of([A]);

  it('refuses another line’s object on every verb, and leaves it unchanged', async () => {
    const rows = things();
    const port = lineScoped(memoryStore(rows), policy);
    expect(await code(() => port.get('b', onlyA))).toBe('LINE_NOT_ASSIGNED');
    expect(await code(() => port.update('b', { name: 'x' }, actor, onlyA))).toBe(
      'LINE_NOT_ASSIGNED',
    );
    expect(await code(() => port.remove('b', actor, onlyA))).toBe('LINE_NOT_ASSIGNED');
    expect(rows.find((r) => r.id === 'b')).toMatchObject({ name: 'on B' });
    expect(rows).toHaveLength(3);
  });

  it('refuses a create or a move onto another line, and a thing made plant-wide', async () => {
    const rows = things();
    const port = lineScoped(memoryStore(rows), policy);
    const onB = { id: 'n', lineId: B, name: 'new', notes: [] };
    expect(await code(() => port.create(onB, actor, onlyA))).toBe('LINE_NOT_ASSIGNED');
    expect(await code(() => port.update('a', { lineId: B }, actor, onlyA))).toBe(
      'LINE_NOT_ASSIGNED',
    );
    expect(await code(() => port.update('a', { lineId: null }, actor, onlyA))).toBe(
      'LINE_NOT_ASSIGNED',
    );
    expect(rows.find((r) => r.id === 'a')?.lineId).toBe(A);
    expect(rows).toHaveLength(3);
    await expect(port.update('a', { name: 'renamed' }, actor, onlyA)).resolves.toMatchObject({
      name: 'renamed',
    });
  });

  it('lets everyone read a plant-wide thing (through the view), limited callers change only what limitedPatch allows', async () => {
    const port = lineScoped(memoryStore(things()), policy);
    await expect(port.get('p', onlyA)).resolves.toMatchObject({ notes: [A] });
    await expect(port.get('p', LineScope.everyLine)).resolves.toMatchObject({ notes: [A, B] });
    expect(await code(() => port.update('p', { name: 'x' }, actor, onlyA))).toBe(
      'LINE_NOT_ASSIGNED',
    );
    await expect(port.update('p', { notes: [A] }, actor, onlyA)).resolves.toMatchObject({
      notes: [A],
    });
    expect(await code(() => port.remove('p', actor, onlyA))).toBe('LINE_NOT_ASSIGNED');
    expect(
      await code(() => port.create({ id: 'q', lineId: null, name: 'q', notes: [] }, actor, onlyA)),
    ).toBe('LINE_NOT_ASSIGNED');
    await expect(port.remove('p', actor, LineScope.everyLine)).resolves.toBeUndefined();
  });

  it('restricts lists to the scope and refuses a filter naming another line', async () => {
    const store = memoryStore(things());
    const port = lineScoped(store, policy);
    const page = await port.list({ page: 1, pageSize: 50 }, onlyA);
    expect(page.items.map((item) => item.id)).toEqual(['a', 'p']);
    expect(store.lastLineIds).toEqual([A]);
    expect(await code(() => port.list({ page: 1, pageSize: 50, lineId: B }, onlyA))).toBe(
      'LINE_NOT_ASSIGNED',
    );
    await port.list({ page: 1, pageSize: 50 }, LineScope.everyLine);
    expect(store.lastLineIds).toBeNull();
  });
});
