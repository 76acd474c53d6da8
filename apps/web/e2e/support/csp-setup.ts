import { afterAll, afterEach, expect } from 'vitest';
import { takePageProblems } from './csp-watch';

/**
 * Every browser test fails on a Content-Security-Policy violation or an uncaught page error in any
 * page it (or its `beforeAll`) opened: the app must work under the policy the API sends.
 */
afterEach(() => {
  expect(takePageProblems()).toEqual([]);
});

afterAll(() => {
  expect(takePageProblems()).toEqual([]);
});
