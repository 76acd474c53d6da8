import { Injectable } from '@nestjs/common';

/** Set when SIGTERM arrives: readiness answers 503 while in-flight requests finish. */
@Injectable()
export class ShutdownState {
  private stopping = false;

  get isShuttingDown(): boolean {
    return this.stopping;
  }

  begin(): void {
    this.stopping = true;
  }
}
