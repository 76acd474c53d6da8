import { describe, expect, it } from '@jest/globals';
import { isOriginAllowed } from './origin-allowlist.js';

describe('isOriginAllowed', () => {
  it('lets clients without an Origin header in (not a browser)', () => {
    expect(isOriginAllowed(undefined, 'plant.local:3000', [])).toBe(true);
  });

  it('accepts the same origin and the configured CORS origins', () => {
    expect(isOriginAllowed('http://plant.local:3000', 'plant.local:3000', [])).toBe(true);
    expect(isOriginAllowed('https://dash.test', 'plant.local', ['https://dash.test/'])).toBe(true);
  });

  it('refuses any other origin, and garbage', () => {
    expect(isOriginAllowed('http://evil.test', 'plant.local:3000', ['https://dash.test'])).toBe(
      false,
    );
    expect(isOriginAllowed('http://plant.local:3001', 'plant.local:3000', [])).toBe(false);
    expect(isOriginAllowed('not a url', 'plant.local', [])).toBe(false);
  });
});
