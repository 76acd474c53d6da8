import { z } from 'zod';

export type JsonSchemaObject = Record<string, unknown>;

/** The OpenAPI 3.0 JSON schema of a zod schema, as requests (`input`) or responses (`output`) see it. */
export function toOpenApiSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchemaObject {
  const json = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
  }) as JsonSchemaObject;
  delete json.$schema;
  return json;
}
