import { z } from 'zod';

export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});

export type FieldError = z.infer<typeof fieldErrorSchema>;

/**
 * The stable `code` of every business-rule refusal. Clients switch on it (exhaustively); the
 * message beside it is for people and may change.
 */
export const DOMAIN_ERROR_CODES = [
  'CONFLICT',
  'NOT_FOUND',
  'LAST_ADMIN',
  'USERNAME_TAKEN',
  'INVALID_TRANSITION',
  'INVALID_REFERENCE',
  'IN_USE',
  'SCHEDULE_CONFLICT',
  'LINE_BUSY',
  'CHECKLIST_REQUIRED',
  'CHECKLIST_FAILED',
  'HANDOVER_EXISTS',
  'ALREADY_ACKNOWLEDGED',
  'LINE_NOT_ASSIGNED',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** The HTTP status each code is answered with. */
export const DOMAIN_ERROR_STATUS: Readonly<Record<DomainErrorCode, 400 | 403 | 404 | 409>> = {
  CONFLICT: 409,
  NOT_FOUND: 404,
  LAST_ADMIN: 409,
  USERNAME_TAKEN: 409,
  INVALID_TRANSITION: 409,
  INVALID_REFERENCE: 400,
  IN_USE: 409,
  SCHEDULE_CONFLICT: 409,
  LINE_BUSY: 409,
  CHECKLIST_REQUIRED: 409,
  CHECKLIST_FAILED: 409,
  HANDOVER_EXISTS: 409,
  ALREADY_ACKNOWLEDGED: 409,
  // The object (or the line a filter or body names) is on a line the caller is not limited to.
  LINE_NOT_ASSIGNED: 403,
};

/** A `code` from an error body, narrowed to a known domain code (else undefined). */
export function domainErrorCode(code: string | undefined): DomainErrorCode | undefined {
  return (DOMAIN_ERROR_CODES as readonly string[]).includes(code ?? '')
    ? (code as DomainErrorCode)
    : undefined;
}

/**
 * The stable `code` of a refusal that is not the client's doing: the service cannot answer now
 * and the same request may succeed later (`503` with `Retry-After`). Ingestion gateways retry on
 * it; nothing of the refused request was stored.
 */
export const SERVICE_ERROR_CODES = ['DATABASE_UNAVAILABLE'] as const;

export type ServiceErrorCode = (typeof SERVICE_ERROR_CODES)[number];

/** The HTTP status each service code is answered with. */
export const SERVICE_ERROR_STATUS: Readonly<Record<ServiceErrorCode, 503>> = {
  DATABASE_UNAVAILABLE: 503,
};

/** Every `code` an error body can carry. */
export type ApiErrorCode = DomainErrorCode | ServiceErrorCode;

/** A `code` from an error body, narrowed to a known service code (else undefined). */
export function serviceErrorCode(code: string | undefined): ServiceErrorCode | undefined {
  return (SERVICE_ERROR_CODES as readonly string[]).includes(code ?? '')
    ? (code as ServiceErrorCode)
    : undefined;
}

/** Every error body the API returns. */
export const errorBodySchema = z.object({
  statusCode: z.number().int(),
  message: z.string(),
  error: z.string().optional(),
  code: z.string().optional(),
  fieldErrors: z.array(fieldErrorSchema).optional(),
  requestId: z.string().optional(),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Turns zod issues into `fieldErrors` with dotted paths (`events.3.ts`). */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: [...base, key].join('.'), message: 'Unknown property' });
      }
      continue;
    }
    out.push({ path: base.join('.'), message: issue.message });
  }
  return out;
}
