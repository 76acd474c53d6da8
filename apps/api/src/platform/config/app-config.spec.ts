import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('.data');
    expect(config.ADMIN_USERNAME).toBe('admin');
    expect(config.DEMO).toBe(false);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.ACCESS_TOKEN_TTL_SECONDS).toBe(900);
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO: 'yes' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('DEMO');
  });

  it('treats empty values as unset and splits CORS origins', () => {
    const config = loadConfig({
      REDIS_URL: '',
      CORS_ORIGINS: 'http://a.test, http://b.test',
      DEMO: '1',
    });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.corsOrigins).toEqual(['http://a.test', 'http://b.test']);
    expect(config.DEMO).toBe(true);
  });

  it('rejects a short admin password', () => {
    expect(() => loadConfig({ ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('sends HSTS only when asked, for at least a year', () => {
    expect(loadConfig({}).HSTS).toBe(false);
    const config = loadConfig({ HSTS: '1' });
    expect(config.HSTS).toBe(true);
    expect(config.HSTS_MAX_AGE_SECONDS).toBe(31_536_000);
    expect(() => loadConfig({ HSTS: 'on' })).toThrow(/HSTS: must be 0 or 1/);
    expect(() => loadConfig({ HSTS: '1', HSTS_MAX_AGE_SECONDS: '86400' })).toThrow(
      /HSTS_MAX_AGE_SECONDS: must be at least 31536000/,
    );
  });
});
