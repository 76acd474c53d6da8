import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type SimulatorState,
  type StartSimulatorInput,
  simulatorStateSchema,
} from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { simulatorKeys } from '@/features/simulator/api/simulator-query-keys';

/** `POST /api/simulator/start` `{ seed?, speed?, lineIds? }` → 200 running; 409 unless stopped. */
export function startSimulator(input: StartSimulatorInput): Promise<SimulatorState> {
  return api.post('/api/simulator/start', input, simulatorStateSchema);
}

export function useStartSimulator({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof startSimulator> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      queryClient.setQueryData(simulatorKeys.state(), args[0]);
      await queryClient.invalidateQueries({ queryKey: simulatorKeys.all });
      await onSuccess?.(...args);
    },
    mutationFn: startSimulator,
  });
}
