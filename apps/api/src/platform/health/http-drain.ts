import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { NextFunction, Request, Response } from 'express';

/** How often idle keep-alive connections are closed once the listener is closed. */
const IDLE_SWEEP_MS = 100;

/**
 * The HTTP half of a graceful shutdown. From `begin()` on, every response — the ones in flight
 * whose headers are not sent yet included — carries `Connection: close`, so each client's
 * keep-alive connection ends after its current request rather than being cut under a request it
 * is sending. `close()` then stops accepting and closes the connections that are idle; requests
 * in flight finish.
 */
export class HttpDrain {
  private readonly inFlight = new Map<Response, { method: string; url: string; since: number }>();
  private draining = false;

  /** First in the chain: tracks each request until its response is done. */
  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    this.inFlight.set(response, {
      method: request.method,
      url: request.originalUrl,
      since: Date.now(),
    });
    response.once('close', () => this.inFlight.delete(response));
    if (this.draining) response.setHeader('Connection', 'close');
    next();
  };

  begin(): void {
    this.draining = true;
    for (const response of this.inFlight.keys())
      if (!response.headersSent) response.setHeader('Connection', 'close');
  }

  /**
   * Stops accepting connections, then keeps closing idle keep-alive connections until every
   * request in flight is done (resolves `true`) or `timeoutMs` passed (`false`). The first sweep
   * waits a moment: a connection accepted just before the close may not have sent its request
   * yet, and closing it would reset a request the client already sent.
   */
  async close(server: Server, timeoutMs: number): Promise<boolean> {
    this.begin();
    // net's close, not http's: http's would close idle connections at once (see above).
    if (server.listening) NetServer.prototype.close.call(server);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, IDLE_SWEEP_MS));
      server.closeIdleConnections();
      if (this.inFlight.size === 0) return true;
      if (Date.now() >= deadline) return false;
    }
  }

  /** What is still in flight, oldest first: for the log of a forced exit. */
  describeInFlight(now = Date.now()): string[] {
    return [...this.inFlight.values()]
      .sort((a, b) => a.since - b.since)
      .map((r) => `${r.method} ${r.url} (${((now - r.since) / 1000).toFixed(1)} s)`);
  }
}
