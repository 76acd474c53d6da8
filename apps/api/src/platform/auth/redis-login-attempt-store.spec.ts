import { afterAll, beforeAll } from '@jest/globals';
import { Redis } from 'ioredis';
import { loginAttemptStoreCases } from '../../../test/support/login-attempt-store-cases.js';
import { type RedisServer, startRedisServer } from '../../../test/support/redis-server.js';
import { RedisLoginAttemptStore } from './redis-login-attempt-store.js';

// A real redis-server (the Lua scripts are what is tested), emptied before each case.
let server: RedisServer;
let client: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  client = new Redis(server.url);
});
afterAll(async () => {
  client?.disconnect();
  await server?.stop();
});

loginAttemptStoreCases('RedisLoginAttemptStore', async () => {
  await client.flushall();
  return new RedisLoginAttemptStore(client);
});
