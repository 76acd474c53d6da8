import { base } from './jest.base.mjs';

/** Real PostgreSQL: migrations once into a template, then a cloned database per test file. */
export default {
  ...base,
  displayName: 'api:integration',
  testMatch: ['<rootDir>/src/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 60_000,
};
