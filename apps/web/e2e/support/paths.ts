import { fileURLToPath } from 'node:url';

/** apps/web */
export const webRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** The built SPA the API serves. */
export const webDistDir = fileURLToPath(new URL('../../dist/', import.meta.url));
/** The built API entry point. */
export const apiMain = fileURLToPath(new URL('../../../api/dist/main.js', import.meta.url));
/** Where browser tests leave screenshots. */
export const screenshotsDir = fileURLToPath(
  new URL('../../../../test-results/screenshots/', import.meta.url),
);
