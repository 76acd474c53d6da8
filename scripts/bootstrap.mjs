#!/usr/bin/env node
// The README's two commands: `npm start` and `npm test`. On a machine with only Node 20 they
// install what is missing (pnpm, the workspace's packages, and for tests Debian's chromium),
// then start the product or run every test. Plain Node: nothing here needs node_modules.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.9';
const mode = process.argv[2];

function say(message) {
  process.stdout.write(`\n[ms5] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    say(`\`${[command, ...args].join(' ')}\` failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

function works(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** pnpm 10, installed with npm when missing (corepack cannot reach this registry). */
function ensurePnpm() {
  const version = works('pnpm', ['--version']);
  if (version?.startsWith('10.')) return ['pnpm'];
  say(`installing pnpm ${PNPM_VERSION} with npm`);
  const installed = spawnSync('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`], {
    stdio: 'inherit',
  });
  if (installed.status === 0 && works('pnpm', ['--version'])?.startsWith('10.')) return ['pnpm'];
  say('a global install was not possible: using npx');
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Debian packages the tests need: chromium (browser tests) and redis-server (multi-instance tests). */
function ensureDebianPackages(packages) {
  const missing = packages.filter(({ binary }) => !existsSync(binary));
  if (missing.length === 0) return;
  const names = missing.map(({ name }) => name);
  if (!isRoot() || !works('which', ['apt-get'])) {
    say(
      `missing ${names.join(', ')}: install them (Debian: sudo apt-get install -y ${names.join(' ')}) and run again`,
    );
    process.exit(1);
  }
  say(`installing ${names.join(', ')} with apt-get`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function main() {
  if (mode !== 'start' && mode !== 'test') {
    process.stderr.write('usage: node scripts/bootstrap.mjs start|test\n');
    process.exit(2);
  }
  const [pnpm, ...pnpmArgs] = ensurePnpm();
  const pn = (...args) =>
    run(pnpm, [...pnpmArgs, ...args], {
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });

  say('installing packages');
  pn('install', '--frozen-lockfile');

  if (mode === 'test') {
    ensureDebianPackages([
      { name: 'chromium', binary: '/usr/bin/chromium' },
      { name: 'redis-server', binary: '/usr/bin/redis-server' },
    ]);
    say('running every test: lint, typecheck, unit, integration, end-to-end, browser');
    pn('run', 'test:all');
    say('all tests passed');
    return;
  }

  say('building');
  pn('run', 'build');
  say('starting MS5 Floor Dashboard');
  const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: root,
    stdio: 'inherit',
    env: { DEMO: '1', ...process.env },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
