import { loginAttemptStoreCases } from '../../../test/support/login-attempt-store-cases.js';
import { MemoryLoginAttemptStore } from './memory-login-attempt-store.js';

loginAttemptStoreCases('MemoryLoginAttemptStore', () =>
  Promise.resolve(new MemoryLoginAttemptStore()),
);
