import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { OutboxRepository } from './outbox.repository.js';
import { OUTBOX_RETENTION_SECONDS } from './realtime.types.js';
import { RealtimeGateway } from './realtime.gateway.js';

const BATCH = 500;
const POLL_MS = 500;
const PURGE_EVERY_MS = 60_000;

/**
 * Publishes committed outbox rows: at once when a service `kick`s after its commit, and every
 * half second for rows committed by other processes or left by a failed attempt.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxDispatcher');
  private draining: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private lastPurge = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly gateway: RealtimeGateway,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
  }

  /** Publish now: call after the transaction that appended to the outbox has committed. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => (this.draining = undefined));
  }

  /** Resolves when everything committed so far has been published by some process. */
  async flush(): Promise<void> {
    this.kick();
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        let published: number | null;
        do {
          published = await this.outbox.dispatch(BATCH, (messages) =>
            this.gateway.broadcast(messages),
          );
          if (published === null) this.again = true; // another process is dispatching
        } while (published === BATCH && !this.stopped);
        if (published === null && !this.stopped) await sleep(10);
      } while (this.again && !this.stopped);
      if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
        this.lastPurge = Date.now();
        await this.outbox.purgePublishedBefore(OUTBOX_RETENTION_SECONDS);
      }
    } catch (error) {
      if (!this.stopped)
        this.logger.error(`outbox dispatch failed: ${(error as Error).message ?? String(error)}`);
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.kick();
      this.schedule(POLL_MS);
    }, ms);
    this.timer.unref();
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
