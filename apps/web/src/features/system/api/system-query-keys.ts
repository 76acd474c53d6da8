export const systemKeys = {
  all: ['system'] as const,
  healthInfo: () => [...systemKeys.all, 'health-info'] as const,
};
