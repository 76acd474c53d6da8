import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { errorBodySchema } from '@ms5/contracts';
import { isIdParameter } from '../common/id-params.interceptor.js';
import { toOpenApiSchema } from '../common/zod-openapi.js';

/** The OpenAPI description, generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('MS5 Floor Dashboard API')
    .setDescription(
      'Shop-floor API: plant, ingestion, OEE, andon, production, maintenance, quality. ' +
        'Every route but login, refresh, health and metrics needs `Authorization: Bearer <accessToken>`; ' +
        "an access token is refused (`401`) once its session ends: logout, a reused refresh token, or a change of the user's password, role or disabled flag. " +
        'Errors are JSON `{ statusCode, message, fieldErrors? }`; lists take `page` and `pageSize` (≤ 200).',
    )
    .setVersion(version)
    .addBearerAuth()
    // Any route can meet a database outage: one 503 for all of them rather than one per route.
    .addGlobalResponse({
      status: 503,
      description:
        'The database cannot be reached (`code: "DATABASE_UNAVAILABLE"`): nothing was stored; retry after `Retry-After` seconds',
      headers: {
        'Retry-After': {
          description: 'Seconds to wait before retrying',
          schema: { type: 'integer' },
        },
      },
      schema: { $ref: '#/components/schemas/ErrorBody' },
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    ErrorBody: toOpenApiSchema(errorBodySchema, 'output'),
  };
  describeIdParams(document);
  return document;
}

/** Ids in paths are refused unless UUIDs (`IdParamsInterceptor`): say so in their schemas. */
function describeIdParams(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      for (const parameter of operation?.parameters ?? []) {
        if ('in' in parameter && parameter.in === 'path' && isIdParameter(parameter.name)) {
          parameter.schema = { type: 'string', format: 'uuid' };
        }
      }
    }
  }
}

export function mountOpenApi(app: INestApplication, version: string): void {
  const document = buildOpenApiDocument(app, version);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
}
