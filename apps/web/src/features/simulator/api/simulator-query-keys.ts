export interface SimulatorRunFilters {
  page: number;
  pageSize: number;
}

/** Query keys of the simulator: all → state, all → runs → list(filters). */
export const simulatorKeys = {
  all: ['simulator'] as const,
  state: () => [...simulatorKeys.all, 'state'] as const,
  runs: () => [...simulatorKeys.all, 'runs'] as const,
  runList: (filters: SimulatorRunFilters) => [...simulatorKeys.runs(), filters] as const,
};
