import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock.js';

/**
 * One server time for the whole app. Global so that every domain injects `Clock` without importing
 * a module for it; tests replace it with `overrideProvider(Clock)`.
 */
@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }],
  exports: [Clock],
})
export class ClockModule {}
