import { z } from 'zod';

export const healthInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  uptimeSeconds: z.number(),
  startedAt: z.string(),
  nodeVersion: z.string(),
  build: z.object({ commit: z.string().nullable(), builtAt: z.string().nullable() }),
  database: z.enum(['embedded', 'external']),
  redis: z.boolean(),
  demo: z.boolean(),
});
export type HealthInfo = z.infer<typeof healthInfoSchema>;
