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

  it('has login limits that back off and never lock out, with documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      LOGIN_BACKOFF_FREE_FAILURES: 3,
      LOGIN_BACKOFF_BASE_SECONDS: 1,
      LOGIN_BACKOFF_MAX_SECONDS: 900,
      LOGIN_ADDRESS_MAX_FAILURES: 30,
      LOGIN_ADDRESS_WINDOW_SECONDS: 900,
      LOGIN_USERNAME_SLOW_AFTER: 100,
      LOGIN_USERNAME_WINDOW_SECONDS: 3600,
      LOGIN_USERNAME_SLOW_DELAY_MS: 1000,
    });
    expect(() =>
      loadConfig({ LOGIN_BACKOFF_BASE_SECONDS: '60', LOGIN_BACKOFF_MAX_SECONDS: '30' }),
    ).toThrow(/LOGIN_BACKOFF_MAX_SECONDS: must be at least LOGIN_BACKOFF_BASE_SECONDS/);
    expect(() => loadConfig({ LOGIN_ADDRESS_MAX_FAILURES: '0' })).toThrow(
      /LOGIN_ADDRESS_MAX_FAILURES/,
    );
  });

  it('refuses the removed lockout settings, naming what replaced each', () => {
    const problems = (env: Record<string, string>): string => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).message;
      }
      throw new Error('loadConfig accepted a removed setting');
    };
    expect(problems({ LOGIN_MAX_FAILURES_PER_USERNAME: '5' })).toMatch(
      /LOGIN_MAX_FAILURES_PER_USERNAME: removed.*LOGIN_BACKOFF_FREE_FAILURES.*LOGIN_USERNAME_SLOW_AFTER/,
    );
    expect(problems({ LOGIN_MAX_FAILURES_PER_ADDRESS: '30' })).toMatch(
      /LOGIN_MAX_FAILURES_PER_ADDRESS: removed; use LOGIN_ADDRESS_MAX_FAILURES/,
    );
    const both = problems({ LOGIN_WINDOW_SECONDS: '900', PORT: 'x' });
    expect(both).toMatch(/LOGIN_WINDOW_SECONDS: removed; use LOGIN_ADDRESS_WINDOW_SECONDS/);
    expect(both).toContain('PORT');
  });

  it('trusts no proxy by default and parses addresses and CIDRs of both families', () => {
    expect(loadConfig({}).TRUSTED_PROXIES).toEqual([]);
    expect(
      loadConfig({ TRUSTED_PROXIES: ' 10.244.0.0/16, 127.0.0.1 ,fd00::/8,::1' }).TRUSTED_PROXIES,
    ).toEqual(['10.244.0.0/16', '127.0.0.1', 'fd00::/8', '::1']);
    for (const bad of [
      '10.0.0.0/33',
      'loopback',
      '10.0.0',
      'fd00::/129',
      '10.0.0.0/8/1',
      '1.2.3.4/x',
    ]) {
      expect(() => loadConfig({ TRUSTED_PROXIES: `127.0.0.1,${bad}` })).toThrow(
        new RegExp(
          `TRUSTED_PROXIES: not an IPv4/IPv6 address or CIDR: ${bad.replaceAll('.', '\\.').replaceAll('/', '\\/')}`,
        ),
      );
    }
  });

  it('takes a metrics token of at least 16 characters and a metrics port other than PORT', () => {
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'a'.repeat(32) }).METRICS_TOKEN).toBe('a'.repeat(32));
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ METRICS_TOKEN: 'has a space in it, 1234' })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({ METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
    expect(() => loadConfig({ PORT: '9464', METRICS_PORT: '9464' })).toThrow(
      /METRICS_PORT: must differ from PORT/,
    );
  });
});
