import { Injectable } from '@nestjs/common';

/**
 * Set when SIGTERM arrives: readiness answers 503 while in-flight requests finish, responses ask
 * their clients to close the connection, and background workers stop at their next checkpoint
 * (they listen on `signal`).
 */
@Injectable()
export class ShutdownState {
  private readonly controller = new AbortController();

  get isShuttingDown(): boolean {
    return this.controller.signal.aborted;
  }

  /** Aborted when the shutdown begins. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  begin(): void {
    if (!this.controller.signal.aborted) this.controller.abort();
  }
}
