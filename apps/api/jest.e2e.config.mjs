import { base } from './jest.base.mjs';

/** End-to-end through HTTP (and the built process) against real PostgreSQL. */
export default {
  ...base,
  displayName: 'api:e2e',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 120_000,
};
