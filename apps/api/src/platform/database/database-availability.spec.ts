import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { DatabaseAvailability } from './database-availability.js';
import type { DatabaseHandle } from './database.js';

// Nothing listens on port 1: every probe is refused at once.
const UNREACHABLE = 'postgres://nobody:secret@127.0.0.1:1/ms5';

function availability(kind: DatabaseHandle['kind']) {
  const config = loadConfig({ NODE_ENV: 'test', DB_LIVENESS_GRACE_MS: '5000' });
  const handle: DatabaseHandle = { url: UNREACHABLE, kind, stop: () => Promise.resolve() };
  const dataSource = { driver: {} } as unknown as DataSource;
  return new DatabaseAvailability(config, handle, dataSource);
}

describe('DatabaseAvailability', () => {
  it('fails liveness for the embedded database only after the grace', async () => {
    const watch = availability('embedded');
    expect(await watch.probe()).toBe(false);
    const now = Date.now();
    expect(watch.liveness(now).ok).toBe(true);
    expect(watch.liveness(now + 4000).ok).toBe(true);
    const failed = watch.liveness(now + 6000);
    expect(failed.ok).toBe(false);
    expect(failed.reason).toMatch(
      /embedded database has been unreachable for \d+ s: .*ECONNREFUSED/,
    );
  });

  it('is live again as soon as the database answers elsewhere', async () => {
    const watch = availability('embedded');
    await watch.probe();
    watch.confirmReachable();
    expect(watch.unreachableForMs()).toBe(0);
    expect(watch.liveness(Date.now() + 60_000).ok).toBe(true);
  });

  it('never fails liveness for an external database: a restart would not bring it back', async () => {
    const watch = availability('external');
    expect(await watch.probe()).toBe(false);
    expect(watch.unreachableForMs()).toBeGreaterThanOrEqual(0);
    expect(watch.liveness(Date.now() + 3_600_000).ok).toBe(true);
  });
});
