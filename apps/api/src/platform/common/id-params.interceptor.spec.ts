import { describe, expect, it } from '@jest/globals';
import { idParamErrors, isIdParameter } from './id-params.interceptor.js';

describe('id path parameters', () => {
  it('treats `id` and names ending in `Id` as ids, and nothing else', () => {
    expect(['id', 'lineId', 'equipmentId'].every(isIdParameter)).toBe(true);
    expect(['code', 'Id', 'video', 'identity', 'grid'].some(isIdParameter)).toBe(false);
  });

  it('names each id that is not a UUID', () => {
    expect(
      idParamErrors({
        id: '7f1d3c2e-4b5a-4c6d-8e9f-0a1b2c3d4e5f',
        lineId: '12345',
        equipmentId: "' or 1=1",
        code: 'not-an-id',
      }),
    ).toEqual([
      { path: 'lineId', message: 'Must be an id (UUID)' },
      { path: 'equipmentId', message: 'Must be an id (UUID)' },
    ]);
  });
});
