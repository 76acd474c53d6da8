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

  private readonly work = new Map<number, { what: string; since: number }>();
  private nextWork = 0;

  begin(): void {
    if (!this.controller.signal.aborted) this.controller.abort();
  }

  /**
   * Marks background work in progress (call the returned function when it is done), so that a
   * forced exit can say what it cut short.
   */
  busy(what: string): () => void {
    const id = ++this.nextWork;
    this.work.set(id, { what, since: Date.now() });
    return () => this.work.delete(id);
  }

  /** The background work still in progress, with how long it has been running. */
  stillBusy(now = Date.now()): string[] {
    return [...this.work.values()].map(
      (w) => `${w.what} (${((now - w.since) / 1000).toFixed(1)} s)`,
    );
  }
}
