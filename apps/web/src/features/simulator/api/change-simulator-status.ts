import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type SimulatorAction, type SimulatorState, simulatorStateSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import type { MutationConfig } from '@/lib/query-client';
import { simulatorKeys } from '@/features/simulator/api/simulator-query-keys';

export type SimulatorStatusAction = Exclude<SimulatorAction, 'start'>;

/** `POST /api/simulator/stop|pause|resume` → 200 with the new status; 409 when it makes no sense. */
export function changeSimulatorStatus(action: SimulatorStatusAction): Promise<SimulatorState> {
  return api.post(`/api/simulator/${action}`, {}, simulatorStateSchema);
}

export function useChangeSimulatorStatus({
  mutationConfig,
}: { mutationConfig?: MutationConfig<typeof changeSimulatorStatus> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = mutationConfig ?? {};
  return useMutation({
    ...rest,
    onSuccess: async (...args) => {
      queryClient.setQueryData(simulatorKeys.state(), args[0]);
      await queryClient.invalidateQueries({ queryKey: simulatorKeys.all });
      await onSuccess?.(...args);
    },
    mutationFn: changeSimulatorStatus,
  });
}
