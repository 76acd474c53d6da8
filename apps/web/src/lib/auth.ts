import { useSyncExternalStore } from 'react';
import type { SessionUser } from '@ms5/contracts';
import { type ApiClient, type SessionState, api } from '@/lib/api-client';

/** The current session (restoring, anonymous or signed in), re-rendering when it changes. */
export function useSession(client: ApiClient = api): SessionState {
  return useSyncExternalStore(client.subscribe, client.getSession, client.getSession);
}

/** The signed-in user. Only for screens behind the sign-in guard. */
export function useCurrentUser(): SessionUser {
  const session = useSession();
  if (session.status !== 'authenticated')
    throw new Error('useCurrentUser used outside a signed-in screen');
  return session.user;
}
