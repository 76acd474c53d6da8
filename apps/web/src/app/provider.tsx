import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { api } from '@/lib/api-client';
import { createQueryClient } from '@/lib/query-client';

/**
 * Restores the session from the stored refresh token on load, and drops every cached answer
 * when the session ends (logout, or a refresh the server refused) so the next user sees none of it.
 */
function AuthProvider({
  queryClient,
  children,
}: {
  queryClient: QueryClient;
  children: ReactNode;
}) {
  useEffect(() => {
    void api.restoreSession();
  }, []);

  useEffect(() => {
    let previous = api.getSession().status;
    return api.subscribe(() => {
      const next = api.getSession().status;
      if (previous === 'authenticated' && next === 'anonymous') queryClient.clear();
      previous = next;
    });
  }, [queryClient]);

  return children;
}

export function AppProvider({
  children,
  queryClient,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <AuthProvider queryClient={client}>{children}</AuthProvider>
    </QueryClientProvider>
  );
}
