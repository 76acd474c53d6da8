import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The process's Prometheus registry: HTTP durations, ingestion outcomes and Node's process metrics. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  /**
   * Machine events posted for ingestion, by what became of them: `accepted` (stored), `duplicate`
   * (the same payload stored before under its equipment and eventId) or `conflict` (a different
   * payload stored under them: not stored, and a sign of a gateway reusing ids).
   */
  readonly ingestEvents = new Counter({
    name: 'ingest_events_total',
    help: 'Machine events posted for ingestion by outcome (accepted, duplicate, conflict)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /** One pass of the preventive maintenance scheduler over every active plan. */
  readonly maintenanceSchedulerPass = new Histogram({
    name: 'maintenance_scheduler_pass_seconds',
    help: 'Duration of one preventive maintenance scheduler pass over every active plan',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly maintenanceWorkOrdersCreated = new Counter({
    name: 'maintenance_scheduler_work_orders_created_total',
    help: 'Preventive work orders the scheduler of this instance created',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Every outcome shows from the start (at 0), so that a rate over it is defined before the first.
    for (const outcome of ['accepted', 'duplicate', 'conflict'] as const)
      this.ingestEvents.inc({ outcome }, 0);
  }
}
