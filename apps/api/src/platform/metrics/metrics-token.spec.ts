import { describe, expect, it } from '@jest/globals';
import { metricsTokenAccepted } from './metrics-token.js';

describe('metricsTokenAccepted', () => {
  const token = 'scrape-token-0123456789abcdef';

  it('accepts exactly the bearer token', () => {
    expect(metricsTokenAccepted(`Bearer ${token}`, token)).toBe(true);
    expect(metricsTokenAccepted(`bearer   ${token}`, token)).toBe(true);
  });

  it('refuses no header, another scheme, a prefix, a longer token and a different one', () => {
    for (const header of [
      undefined,
      '',
      'Bearer',
      `Basic ${token}`,
      `Bearer ${token.slice(0, -1)}`,
      `Bearer ${token}x`,
      `Bearer ${token} extra`,
      'Bearer another-token-of-some-length',
    ]) {
      expect({ header, accepted: metricsTokenAccepted(header, token) }).toEqual({
        header,
        accepted: false,
      });
    }
  });
});
