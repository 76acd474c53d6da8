import { createHmac, generateKeyPairSync, sign } from 'node:crypto';

export type JwtClaims = Record<string, unknown>;

const encode = (part: object): string => Buffer.from(JSON.stringify(part)).toString('base64url');

/** The claims of a JWT, read without checking it (to re-sign them altered). */
export function decodeClaims(token: string): JwtClaims {
  const [, payload] = token.split('.');
  return JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as JwtClaims;
}

/** A JWT signed with an HMAC of `secret` (HS256 unless told otherwise). */
export function signHmac(
  claims: JwtClaims,
  secret: string,
  alg: 'HS256' | 'HS384' | 'HS512' = 'HS256',
): string {
  const input = `${encode({ alg, typ: 'JWT' })}.${encode(claims)}`;
  const signature = createHmac(`sha${alg.slice(2)}`, secret)
    .update(input)
    .digest('base64url');
  return `${input}.${signature}`;
}

/** An unsigned JWT (`alg: none`). */
export function signNone(claims: JwtClaims): string {
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

/** A JWT signed RS256 with a fresh key pair of the forger's own. */
export function signRs256(claims: JwtClaims): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const input = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

/** `claims` without the named ones. */
export function without(claims: JwtClaims, ...names: string[]): JwtClaims {
  return Object.fromEntries(Object.entries(claims).filter(([name]) => !names.includes(name)));
}
