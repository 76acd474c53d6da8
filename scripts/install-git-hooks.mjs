#!/usr/bin/env node
// `pnpm install` runs this (the root `prepare` script): it installs the pre-commit hook that
// formats staged files (simple-git-hooks + lint-staged, configured in package.json). A developer
// convenience only: CI and machines without a git work tree skip it, and nothing depends on it.
import { spawnSync } from 'node:child_process';

const inWorkTree =
  spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { encoding: 'utf8' }).stdout?.trim() ===
  'true';
if (process.env.CI || process.env.SKIP_INSTALL_SIMPLE_GIT_HOOKS || !inWorkTree) process.exit(0);
const result = spawnSync('pnpm', ['exec', 'simple-git-hooks'], { stdio: 'inherit' });
// A hook that could not be installed is no reason to fail an install.
if (result.status !== 0) process.stderr.write('[ms5] pre-commit hook not installed\n');
