import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from './app-config.js';
import type { RuntimeInfo } from './config.tokens.js';

async function readVersion(): Promise<string> {
  const manifest = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../package.json',
  );
  const parsed = JSON.parse(await readFile(manifest, 'utf8')) as { version?: string };
  return parsed.version ?? '0.0.0';
}

/** JWT_SECRET when set; otherwise a secret generated once and kept under DATA_DIR (mode 0600). */
async function jwtSecret(config: Pick<AppConfig, 'JWT_SECRET' | 'DATA_DIR'>): Promise<string> {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const file = path.resolve(config.DATA_DIR, 'jwt-secret');
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored.length >= 32) return stored;
  } catch {
    // first start
  }
  const secret = randomBytes(48).toString('base64url');
  await mkdir(config.DATA_DIR, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

export async function resolveRuntimeInfo(
  config: Pick<AppConfig, 'JWT_SECRET' | 'DATA_DIR'>,
  database: RuntimeInfo['database'],
): Promise<RuntimeInfo> {
  return {
    startedAt: new Date(),
    database,
    version: await readVersion(),
    commit: process.env.BUILD_COMMIT ?? null,
    builtAt: process.env.BUILD_TIME ?? null,
    jwtSecret: await jwtSecret(config),
  };
}
