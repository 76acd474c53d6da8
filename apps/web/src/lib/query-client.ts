import { type DefaultOptions, QueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-client';

/** Client errors (bad input, forbidden, not found) will not change by asking again. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.statusCode >= 400 && error.statusCode < 500) return false;
  return failureCount < 2;
}

export const queryConfig = {
  queries: {
    staleTime: 30_000,
    refetchOnWindowFocus: false,
    retry: shouldRetry,
  },
  mutations: {
    retry: false,
  },
} satisfies DefaultOptions;

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: queryConfig });
}

/** Optional extra options a mutation hook accepts; the hook itself fixes `mutationFn`. */
export type MutationConfig<TFn extends (variables: never) => Promise<unknown>> = Omit<
  UseMutationOptions<Awaited<ReturnType<TFn>>, Error, Parameters<TFn>[0]>,
  'mutationFn'
>;
