import { z } from 'zod';
import { paginationQuerySchema } from './pagination.js';
import { roleSchema } from './roles.js';

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'At least 3 characters')
  .max(64, 'At most 64 characters')
  .regex(/^[a-zA-Z0-9._-]+$/, 'Letters, digits, dot, dash and underscore only');

export const passwordSchema = z
  .string()
  .min(10, 'At least 10 characters')
  .max(256, 'At most 256 characters');

export const displayNameSchema = z.string().trim().min(1, 'Required').max(120);

export const createUserSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  role: roleSchema,
  displayName: displayNameSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    role: roleSchema.optional(),
    displayName: displayNameSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'Nothing to change' });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: roleSchema,
  displayName: z.string(),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = paginationQuerySchema.extend({
  role: roleSchema.optional(),
  search: z.string().trim().max(64).optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

/**
 * `GET /api/operators`: the active operators a shift manager can assign to jobs (needs
 * `jobs:assign`, not `users:read`), without the account details of the users list.
 */
export const operatorListQuerySchema = paginationQuerySchema.extend({
  search: z.string().trim().max(64).optional(),
});
export type OperatorListQuery = z.infer<typeof operatorListQuerySchema>;

export const operatorSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
});
export type Operator = z.infer<typeof operatorSchema>;
