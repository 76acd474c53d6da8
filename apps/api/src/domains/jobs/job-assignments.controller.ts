import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type CreateJobAssignmentInput,
  type JobListQuery,
  type SessionUser,
  createJobAssignmentSchema,
  jobAssignmentSchema,
  jobListQuerySchema,
  jobStepSchema,
  paginatedSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { ValidateBody, ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { JobAssignmentsService } from './job-assignments.service.js';

const jobResponse = toOpenApiSchema(jobAssignmentSchema, 'output');

/** Operators' jobs: assigned by shift managers; accepted, started and completed by the operator. */
@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobAssignmentsController {
  constructor(private readonly jobs: JobAssignmentsService) {}

  /** Assign an operator (a user of role operator) to an order. */
  @Post()
  @HttpCode(201)
  @RequirePermissions('jobs:assign')
  @ValidateBody(createJobAssignmentSchema)
  @ApiCreatedResponse({ schema: jobResponse })
  assign(@Body() body: CreateJobAssignmentInput, @CurrentUser() user: SessionUser) {
    return this.jobs.assign(body, user);
  }

  /** `mine=true` for the caller's own jobs; filter by order, line, operator or status. */
  @Get()
  @RequirePermissions('jobs:read')
  @ValidateQuery(jobListQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(jobAssignmentSchema), 'output') })
  list(@Query() query: JobListQuery, @CurrentUser() user: SessionUser) {
    return this.jobs.list(query, user);
  }

  @Get(':id')
  @RequirePermissions('jobs:read')
  @ApiOkResponse({ schema: jobResponse })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.jobs.get(id, user);
  }

  /** Only the job's own operator (403 otherwise). */
  @Post(':id/accept')
  @HttpCode(200)
  @RequirePermissions('jobs:execute')
  @ValidateBody(jobStepSchema)
  @ApiOkResponse({ schema: jobResponse })
  accept(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.jobs.transition(id, 'accept', user);
  }

  /**
   * Only the job's own operator, once the job's pre-start checklists have passed (409
   * `CHECKLIST_REQUIRED` / `CHECKLIST_FAILED` otherwise); starts the order when it is released.
   */
  @Post(':id/start')
  @HttpCode(200)
  @RequirePermissions('jobs:execute')
  @ValidateBody(jobStepSchema)
  @ApiOkResponse({ schema: jobResponse })
  start(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.jobs.transition(id, 'start', user);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @RequirePermissions('jobs:execute')
  @ValidateBody(jobStepSchema)
  @ApiOkResponse({ schema: jobResponse })
  complete(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.jobs.transition(id, 'complete', user);
  }
}
