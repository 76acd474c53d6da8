import { defineConfig } from 'vitest/config';

// Each case runs the workspace's real ESLint over the import graph; on a loaded 2-core CI machine
// one case took over 6 s, so the default 5 s timeout failed tests that were right.
export default defineConfig({ test: { testTimeout: 60_000 } });
