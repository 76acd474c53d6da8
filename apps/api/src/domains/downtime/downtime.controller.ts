import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type AssignDowntimeReasonInput,
  type DowntimeListQuery,
  type DowntimeParetoQuery,
  type SessionUser,
  assignDowntimeReasonSchema,
  downtimeListQuerySchema,
  downtimeParetoQuerySchema,
  downtimeParetoSchema,
  downtimeStopSchema,
  paginatedSchema,
  reliabilityReportSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';
import { ValidateBody, ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { DowntimeService } from './downtime.service.js';

@ApiTags('downtime')
@ApiBearerAuth()
@ApiForbiddenResponse({
  description:
    '`LINE_NOT_ASSIGNED`: the equipment or line asked for, or the stop’s equipment, is outside the caller’s lines (or the role lacks the permission).',
})
@Controller('downtime')
export class DowntimeController {
  constructor(
    private readonly downtime: DowntimeService,
    private readonly lineAccess: LineAccessService,
  ) {}

  /** Stops overlapping the window, newest first; `unassigned=true` is the queue still needing a reason. */
  @Get()
  @RequirePermissions('downtime:read')
  @ValidateQuery(downtimeListQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(downtimeStopSchema), 'output') })
  async list(@Query() query: DowntimeListQuery, @CurrentUser() user: SessionUser) {
    return this.downtime.list(query, await this.lineAccess.scopeOf(user));
  }

  /** Say (or correct) why a machine stopped. */
  @Put('reason')
  @RequirePermissions('downtime:assign-reason')
  @ValidateBody(assignDowntimeReasonSchema)
  @ApiOkResponse({ schema: toOpenApiSchema(downtimeStopSchema, 'output') })
  async assignReason(@Body() body: AssignDowntimeReasonInput, @CurrentUser() actor: SessionUser) {
    return this.downtime.assignReason(body, actor, await this.lineAccess.scopeOf(actor));
  }

  @Get('pareto')
  @RequirePermissions('downtime:read')
  @ValidateQuery(downtimeParetoQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(downtimeParetoSchema, 'output') })
  async pareto(@Query() query: DowntimeParetoQuery, @CurrentUser() user: SessionUser) {
    return this.downtime.pareto(query, Date.now(), await this.lineAccess.scopeOf(user));
  }

  @Get('reliability')
  @RequirePermissions('downtime:read')
  @ValidateQuery(downtimeParetoQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(reliabilityReportSchema, 'output') })
  async reliability(@Query() query: DowntimeParetoQuery, @CurrentUser() user: SessionUser) {
    return this.downtime.reliability(query, Date.now(), await this.lineAccess.scopeOf(user));
  }
}
