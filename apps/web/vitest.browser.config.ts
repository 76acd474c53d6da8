import { defineConfig } from 'vitest/config';

/**
 * Browser tests: each spec starts the built API (which serves the built SPA) and drives
 * Chromium through playwright-core. Needs `pnpm nx run @ms5/api:build` and `pnpm nx run @ms5/web:build` first.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.browser-spec.ts'],
    setupFiles: ['e2e/support/csp-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
