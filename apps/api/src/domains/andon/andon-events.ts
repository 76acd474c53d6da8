import type { AndonCallEventPayload, AndonPriority, AndonStatus, AndonType } from '@ms5/contracts';

export interface CallFacts {
  id: string;
  lineId: string;
  equipmentId: string;
  status: AndonStatus;
  priority: AndonPriority;
  type: AndonType;
}

/** The payload of an `andon.call.*` event, without the delivery sequence (added on publish). */
export function callEventPayload(call: CallFacts, at: Date): Omit<AndonCallEventPayload, 'seq'> {
  return {
    id: call.id,
    lineId: call.lineId,
    equipmentId: call.equipmentId,
    at: at.toISOString(),
    status: call.status,
    priority: call.priority,
    type: call.type,
  };
}
