/** Injection tokens for the validated configuration and facts known at start. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const RUNTIME_INFO = Symbol('RUNTIME_INFO');

export interface RuntimeInfo {
  startedAt: Date;
  database: 'embedded' | 'external';
  version: string;
  commit: string | null;
  builtAt: string | null;
  jwtSecret: string;
}
