import { z } from 'zod';

/** What `/health/info` tells a caller without a token: nothing that helps an attack. */
export const publicHealthInfoSchema = z.object({
  version: z.string(),
  uptimeSeconds: z.number(),
});
export type PublicHealthInfo = z.infer<typeof publicHealthInfoSchema>;

/** What `/health/info` tells a signed-in user. */
export const healthInfoSchema = publicHealthInfoSchema.extend({
  name: z.string(),
  startedAt: z.string(),
  nodeVersion: z.string(),
  build: z.object({ commit: z.string().nullable(), builtAt: z.string().nullable() }),
  database: z.enum(['embedded', 'external']),
  redis: z.boolean(),
  demo: z.boolean(),
});
export type HealthInfo = z.infer<typeof healthInfoSchema>;
