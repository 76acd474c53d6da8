import type { AndonCallEscalatedPayload, AndonCallEventPayload } from './andon.js';

/**
 * The socket.io event map shared by the API gateway and the web app.
 * Names are `domain.entity.verb`; payloads are small and carry at least the entity id.
 */
export interface EntityChangedPayload {
  id: string;
  lineId?: string | null;
  equipmentId?: string | null;
  at: string;
}

export interface ServerToClientEvents {
  'andon.call.raised': (payload: AndonCallEventPayload) => void;
  'andon.call.acknowledged': (payload: AndonCallEventPayload) => void;
  'andon.call.escalated': (payload: AndonCallEscalatedPayload) => void;
  'andon.call.resolved': (payload: AndonCallEventPayload) => void;
  /** The server cannot replay what this client missed (too long away): refetch everything. */
  'realtime.resync': (payload: { reason: string }) => void;
  /** Sent once the connection is authenticated and in its rooms (after any replay). */
  'realtime.ready': (payload: { seq: number; rooms: string[] }) => void;
  'equipment.state.changed': (
    payload: EntityChangedPayload & { state: string; reasonCode: string | null },
  ) => void;
  /** New counts or states reached the line: its OEE figures changed (at most every 5 s a line). */
  'oee.line.updated': (payload: EntityChangedPayload) => void;
  'users.user.changed': (payload: EntityChangedPayload) => void;
  /** A production order of the line was created, changed or took a lifecycle step. */
  'production.order.changed': (payload: EntityChangedPayload & { status: string }) => void;
  /** A job on the line was assigned or took a step (`operatorId` is the job's operator). */
  'production.job.changed': (
    payload: EntityChangedPayload & { status: string; operatorId: string },
  ) => void;
  /** An operator completed a pre-start checklist on the line. */
  'checklist.run.completed': (
    payload: EntityChangedPayload & { jobId: string | null; blocking: boolean },
  ) => void;
  /** A shift handover of the line was written or acknowledged. */
  'handover.changed': (payload: EntityChangedPayload & { acknowledged: boolean }) => void;
  /** A work order of the line was created, took a lifecycle step, or got labour or parts. */
  'maintenance.workorder.changed': (
    payload: EntityChangedPayload & { status: string; number: string; assigneeIds: string[] },
  ) => void;
}

export type ServerEventName = keyof ServerToClientEvents;

/** Each server event's payload as the server writes it: the delivery `seq` is added on sending. */
export type ServerEvents = {
  [E in ServerEventName]: Omit<Parameters<ServerToClientEvents[E]>[0], 'seq'>;
};

export interface ClientToServerEvents {
  'rooms.join': (rooms: string[], ack: (result: { joined: string[] }) => void) => void;
}
