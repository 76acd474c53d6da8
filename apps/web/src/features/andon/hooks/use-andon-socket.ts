import { useEffect, useMemo, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AndonCallEscalatedPayload, AndonCallEventPayload } from '@ms5/contracts';
import { type RealtimeStatus, useRealtime } from '@/lib/realtime';
import { andonKeys } from '@/features/andon/api/andon-query-keys';

export type AndonSocketStatus = RealtimeStatus;

export type AndonEvent =
  | { name: 'andon.call.raised'; payload: AndonCallEventPayload }
  | { name: 'andon.call.acknowledged'; payload: AndonCallEventPayload }
  | { name: 'andon.call.resolved'; payload: AndonCallEventPayload }
  | { name: 'andon.call.escalated'; payload: AndonCallEscalatedPayload };

/**
 * Keeps the andon queries fresh from the app's realtime connection: each `andon.call.*` event
 * invalidates the andon query keys (the cache stays the only copy of the data); a replay gap
 * (`realtime.resync`) or a (re)connection refetches everything. `onEvent` lets a screen react to
 * an event (the board's alert) without keeping its own copy.
 */
export function useAndonSocket(onEvent?: (event: AndonEvent) => void): AndonSocketStatus {
  const queryClient = useQueryClient();
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  }, [onEvent]);
  const handlers = useMemo(() => {
    const invalidate = () => void queryClient.invalidateQueries({ queryKey: andonKeys.all });
    const handle = (event: AndonEvent) => {
      invalidate();
      onEventRef.current?.(event);
    };
    return {
      'andon.call.raised': (payload: AndonCallEventPayload) =>
        handle({ name: 'andon.call.raised', payload }),
      'andon.call.acknowledged': (payload: AndonCallEventPayload) =>
        handle({ name: 'andon.call.acknowledged', payload }),
      'andon.call.resolved': (payload: AndonCallEventPayload) =>
        handle({ name: 'andon.call.resolved', payload }),
      'andon.call.escalated': (payload: AndonCallEscalatedPayload) =>
        handle({ name: 'andon.call.escalated', payload }),
      'realtime.resync': invalidate,
      'realtime.ready': invalidate,
    };
  }, [queryClient]);
  return useRealtime(handlers);
}
