import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type AcknowledgeHandoverInput,
  type CreateHandoverInput,
  type HandoverDraftQuery,
  type HandoverListQuery,
  type SessionUser,
  acknowledgeHandoverSchema,
  createHandoverSchema,
  handoverDraftQuerySchema,
  handoverDraftSchema,
  handoverListQuerySchema,
  handoverSchema,
  paginatedSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { ValidateBody, ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { HandoverService } from './handover.service.js';

const handoverResponse = toOpenApiSchema(handoverSchema, 'output');

/** Shift handovers: written by the outgoing shift manager, acknowledged by the incoming one. */
@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class HandoversController {
  constructor(private readonly handovers: HandoverService) {}

  /**
   * Write the handover of a shift occurrence that has begun (default: the latest): the server
   * computes and freezes the summary; 409 when the occurrence already has one.
   */
  @Post()
  @HttpCode(201)
  @RequirePermissions('handover:write')
  @ValidateBody(createHandoverSchema)
  @ApiCreatedResponse({ schema: handoverResponse })
  create(@Body() body: CreateHandoverInput, @CurrentUser() user: SessionUser) {
    return this.handovers.create(body, user);
  }

  /** Past handovers, newest shift first; `status=open` lists those not acknowledged yet. */
  @Get()
  @RequirePermissions('handover:read')
  @ValidateQuery(handoverListQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(handoverSchema), 'output') })
  list(@Query() query: HandoverListQuery, @CurrentUser() user: SessionUser) {
    return this.handovers.list(query, user);
  }

  @Get(':id')
  @RequirePermissions('handover:read')
  @ApiOkResponse({ schema: handoverResponse })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.handovers.get(id, user);
  }

  /** The incoming manager confirms it: 403 for its author, 409 once acknowledged. */
  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequirePermissions('handover:write')
  @ValidateBody(acknowledgeHandoverSchema)
  @ApiOkResponse({ schema: handoverResponse })
  acknowledge(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AcknowledgeHandoverInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.handovers.acknowledge(id, body, user);
  }
}

/** The handover a line's shift would get, computed live. */
@ApiTags('handovers')
@ApiBearerAuth()
@Controller('lines')
export class LineHandoverDraftController {
  constructor(private readonly handovers: HandoverService) {}

  /**
   * The summary of a shift occurrence (`shiftId` + `date`, else of those that began the one ending
   * nearest to now), not stored.
   */
  @Get(':id/handover-draft')
  @RequirePermissions('handover:read')
  @ValidateQuery(handoverDraftQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(handoverDraftSchema, 'output') })
  draft(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: HandoverDraftQuery,
    @CurrentUser() user: SessionUser,
  ) {
    return this.handovers.draft(id, query, user);
  }
}
