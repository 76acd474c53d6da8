import { Injectable } from '@nestjs/common';

/** The server's time. Injected so that tests can move it (escalation after N minutes). */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
