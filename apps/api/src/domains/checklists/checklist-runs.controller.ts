import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type ChecklistRunListQuery,
  type SessionUser,
  type SubmitChecklistRunInput,
  checklistRunListQuerySchema,
  checklistRunSchema,
  jobChecklistStatusSchema,
  paginatedSchema,
  submitChecklistRunSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { ValidateBody, ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { ChecklistRunsService } from './checklist-runs.service.js';

const runResponse = toOpenApiSchema(checklistRunSchema, 'output');

/** Completed pre-start checklists, with who completed them and when. */
@ApiTags('checklists')
@ApiBearerAuth()
@Controller('checklist-runs')
export class ChecklistRunsController {
  constructor(private readonly runs: ChecklistRunsService) {}

  /** Newest first; filter by line, job or template. */
  @Get()
  @RequirePermissions('orders:read')
  @ValidateQuery(checklistRunListQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(checklistRunSchema), 'output') })
  list(@Query() query: ChecklistRunListQuery, @CurrentUser() user: SessionUser) {
    return this.runs.list(query, user);
  }

  @Get(':id')
  @RequirePermissions('orders:read')
  @ApiOkResponse({ schema: runResponse })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.runs.get(id, user);
  }
}

/** A job's pre-start checklists: what it needs, and completing one. */
@ApiTags('checklists')
@ApiBearerAuth()
@Controller('jobs')
export class JobChecklistsController {
  constructor(private readonly runs: ChecklistRunsService) {}

  /**
   * Each applicable template with the job's latest run of it, and whether the job may start (403
   * for a job on a line the caller is not assigned to, unless it is the caller's own job).
   */
  @Get(':id/checklists')
  @RequirePermissions('jobs:read')
  @ApiOkResponse({ schema: toOpenApiSchema(jobChecklistStatusSchema, 'output') })
  status(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.runs.jobStatus(id, user);
  }

  /**
   * Complete a checklist on an assigned or accepted job (its own operator only). A failed critical
   * item blocks the start; with `raiseAndon` it also raises an andon call on that equipment.
   */
  @Post(':id/checklists')
  @HttpCode(201)
  @RequirePermissions('checklists:execute')
  @ValidateBody(submitChecklistRunSchema)
  @ApiCreatedResponse({ schema: runResponse })
  submit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SubmitChecklistRunInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.runs.submit(id, body, user);
  }
}
