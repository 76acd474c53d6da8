import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type IngestBatchInput,
  type IngestConflictBody,
  type IngestResult,
  type SessionUser,
  ingestBatchSchema,
  ingestConflictBodySchema,
  ingestResultSchema,
} from '@ms5/contracts';
import type { Request, Response } from 'express';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';
import { requestIdOf } from '../../platform/common/request-id.js';
import { ValidateBody } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { IngestionService, conflictBody, everyEventConflicts } from './ingestion.service.js';

@ApiTags('ingestion')
@ApiBearerAuth()
@Controller('ingest')
export class IngestionController {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly lineAccess: LineAccessService,
  ) {}

  /**
   * Batches of up to 1000 state and count events, idempotent per equipment: an
   * `(equipmentId, eventId)` stored before is a duplicate with the same payload, a conflict with
   * another (not stored, named in `conflicts`). Events older than `INGEST_MAX_AGE_DAYS` are refused.
   */
  @Post('events')
  @HttpCode(200)
  @RequirePermissions('production:ingest')
  @ValidateBody(ingestBatchSchema)
  @ApiOkResponse({
    description:
      'The batch is taken: `accepted` new events stored, `duplicates` stored before with the same payload, `conflicts` (by batch index) stored before with a different payload and not stored.',
    schema: toOpenApiSchema(ingestResultSchema, 'output'),
  })
  @ApiForbiddenResponse({
    description:
      '`LINE_NOT_ASSIGNED`: the sender is limited to some lines and an event is of equipment on another; `fieldErrors` names each such `events.i.equipmentId`. Nothing stored.',
  })
  @ApiConflictResponse({
    description:
      'Every event of the batch conflicts with the payload stored under its (equipmentId, eventId): nothing stored.',
    schema: toOpenApiSchema(ingestConflictBodySchema, 'output'),
  })
  async ingest(
    @Body() body: IngestBatchInput,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentUser() sender: SessionUser,
  ): Promise<IngestResult | IngestConflictBody> {
    const result = await this.ingestion.ingest(body, await this.lineAccess.scopeOf(sender));
    if (!everyEventConflicts(result)) return result;
    response.status(409);
    return conflictBody(result, requestIdOf(request, response));
  }
}
