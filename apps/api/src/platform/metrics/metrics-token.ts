import { createHash, timingSafeEqual } from 'node:crypto';

/** The `WWW-Authenticate` challenge of a refused scrape. */
export const METRICS_CHALLENGE = 'Bearer realm="metrics"';

/** What a scrape answers: Prometheus text format, version 0.0.4. */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * Whether an `Authorization` header carries the metrics token. Both sides are hashed first, so
 * that the comparison takes the same time whatever the length or content of the guess.
 */
export function metricsTokenAccepted(authorization: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(token)) && presented.length > 0;
}
