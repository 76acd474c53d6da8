import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import type { UsersService } from './users.service.js';

/**
 * With no user at all, creates the admin named by ADMIN_USERNAME. Without ADMIN_PASSWORD a
 * password is generated, printed once and written to a file under DATA_DIR readable only by
 * the owner.
 */
export async function bootstrapAdmin(
  users: UsersService,
  config: Pick<AppConfig, 'ADMIN_USERNAME' | 'ADMIN_PASSWORD' | 'DATA_DIR'>,
  print: (message: string) => void,
): Promise<void> {
  const password = config.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  const created = await users.ensureBootstrapAdmin(config.ADMIN_USERNAME, password);
  if (!created || config.ADMIN_PASSWORD) return;
  await mkdir(config.DATA_DIR, { recursive: true });
  const file = path.resolve(config.DATA_DIR, 'initial-admin-password.txt');
  await writeFile(file, `${config.ADMIN_USERNAME}\t${password}\n`, { mode: 0o600 });
  print(
    `\n  First start: created admin "${config.ADMIN_USERNAME}" with password: ${password}\n` +
      `  (shown once; also saved to ${file}, readable only by you)\n`,
  );
}
