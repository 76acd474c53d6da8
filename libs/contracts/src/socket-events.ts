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
  'andon.call.raised': (payload: EntityChangedPayload & { priority: string; type: string }) => void;
  'andon.call.acknowledged': (payload: EntityChangedPayload) => void;
  'andon.call.escalated': (payload: EntityChangedPayload & { level: number }) => void;
  'andon.call.resolved': (payload: EntityChangedPayload) => void;
  'equipment.state.changed': (payload: EntityChangedPayload & { state: string }) => void;
  'users.user.changed': (payload: EntityChangedPayload) => void;
}

export type ServerEventName = keyof ServerToClientEvents;

export interface ClientToServerEvents {
  'rooms.join': (rooms: string[], ack: (result: { joined: string[] }) => void) => void;
}
