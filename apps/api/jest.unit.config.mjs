import { base } from './jest.base.mjs';

export default { ...base, displayName: 'api:unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] };
