import type { JwtModuleOptions } from '@nestjs/jwt';

/** Who signs access tokens and for whom: both claims are required and checked. */
export const ACCESS_TOKEN_ISSUER = 'ms5';
export const ACCESS_TOKEN_AUDIENCE = 'ms5-api';

/** HS256 only, on signing and verifying: `none`, other HMACs and public-key algorithms are refused. */
export function jwtModuleOptions(secret: string): JwtModuleOptions {
  return {
    secret,
    signOptions: {
      algorithm: 'HS256',
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    },
    verifyOptions: {
      algorithms: ['HS256'],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    },
  };
}
