import type {
  AndonCall,
  Equipment,
  IngestResult,
  Line,
  MachineEventInput,
  Paginated,
  Product,
  ProductionOrder,
  Shift,
  WorkOrder,
  WorkOrderAssigneeCandidate,
} from '@ms5/contracts';
import type { AndonAction } from './plant-simulation.js';
import type { PlantConfiguration } from './sim-plant.js';

/** An answer other than 2xx from the API. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/**
 * The simulator's side of the public HTTP API, with a bearer token like any gateway: it reads the
 * plant and the running production orders, posts machine events in batches and raises,
 * acknowledges and resolves andon calls.
 */
export class SimulatorClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => Promise<string>,
  ) {}

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    alsoAnswers: readonly number[] = [],
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await this.token()}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        'X-Request-Id': 'simulator',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (!response.ok && !alsoAnswers.includes(response.status))
      throw new ApiCallError(
        response.status,
        `${method} ${path} → ${response.status} ${text.slice(0, 300)}`,
      );
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async listAll<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    const separator = path.includes('?') ? '&' : '?';
    for (let page = 1; ; page++) {
      const result = await this.call<Paginated<T>>(
        'GET',
        `${path}${separator}page=${page}&pageSize=200`,
      );
      items.push(...result.items);
      if (page >= result.totalPages) return items;
    }
  }

  async plant(): Promise<PlantConfiguration> {
    const [lines, equipment, shifts, products] = await Promise.all([
      this.listAll<Line>('/api/lines'),
      this.listAll<Equipment>('/api/equipment'),
      this.listAll<Shift>('/api/shifts'),
      this.listAll<Product>('/api/products'),
    ]);
    return { lines, equipment, shifts, products };
  }

  /** The orders running now (at most one per line), as the line's schedule says. */
  runningOrders(): Promise<ProductionOrder[]> {
    return this.listAll<ProductionOrder>('/api/orders?status=running');
  }

  /** The per-event answer, also when every event conflicts (a `409` that carries the same body). */
  ingest(events: readonly MachineEventInput[]): Promise<IngestResult> {
    return this.call<IngestResult>('POST', '/api/ingest/events', { events }, [409]);
  }

  raiseAndon(action: AndonAction): Promise<AndonCall> {
    return this.call<AndonCall>('POST', '/api/andon', {
      equipmentId: action.equipmentId,
      type: action.type,
      priority: action.priority,
      description: action.description,
    });
  }

  acknowledgeAndon(id: string): Promise<AndonCall> {
    return this.call<AndonCall>('POST', `/api/andon/${encodeURIComponent(id)}/acknowledge`, {});
  }

  resolveAndon(id: string, resolution: string): Promise<AndonCall> {
    return this.call<AndonCall>('POST', `/api/andon/${encodeURIComponent(id)}/resolve`, {
      resolution,
    });
  }

  andonCall(id: string): Promise<AndonCall> {
    return this.call<AndonCall>('GET', `/api/andon/${encodeURIComponent(id)}`);
  }

  /** A corrective work order from a maintenance call (the call then links to it). */
  workOrderFromCall(call: AndonCall): Promise<WorkOrder> {
    return this.call<WorkOrder>('POST', '/api/work-orders', {
      equipmentId: call.equipmentId,
      type: 'corrective',
      priority: call.priority,
      title: call.description ?? `Maintenance call at ${call.equipmentCode}`,
      andonCallId: call.id,
    });
  }

  /** Who may be assigned the line's work orders (first page: the demo has a handful). */
  async workOrderAssignees(lineId: string): Promise<WorkOrderAssigneeCandidate[]> {
    const page = await this.call<Paginated<WorkOrderAssigneeCandidate>>(
      'GET',
      `/api/work-orders/assignees?lineId=${encodeURIComponent(lineId)}&pageSize=200`,
    );
    return page.items;
  }

  assignWorkOrder(id: string, assigneeIds: readonly string[]): Promise<WorkOrder> {
    return this.call<WorkOrder>('POST', `/api/work-orders/${encodeURIComponent(id)}/assign`, {
      assigneeIds,
    });
  }
}
