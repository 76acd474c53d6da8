import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type IngestBatchInput, ingestBatchSchema, ingestResultSchema } from '@ms5/contracts';
import { RequirePermissions } from '../../platform/common/auth.decorators.js';
import { ValidateBody } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { IngestionService } from './ingestion.service.js';

@ApiTags('ingestion')
@ApiBearerAuth()
@Controller('ingest')
export class IngestionController {
  constructor(private readonly ingestion: IngestionService) {}

  /** Batches of up to 1000 state and count events; idempotent by eventId. */
  @Post('events')
  @HttpCode(200)
  @RequirePermissions('production:ingest')
  @ValidateBody(ingestBatchSchema)
  @ApiOkResponse({ schema: toOpenApiSchema(ingestResultSchema, 'output') })
  ingest(@Body() body: IngestBatchInput) {
    return this.ingestion.ingest(body);
  }
}
