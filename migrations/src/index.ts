import type { MigrationInterface } from 'typeorm';
import { CreateUsersAuthAudit1764000000000 } from './1764000000000-CreateUsersAuthAudit.js';

/** Every migration, oldest first. Append only: never edit one that has shipped. */
export const migrations: Array<new () => MigrationInterface> = [CreateUsersAuthAudit1764000000000];
