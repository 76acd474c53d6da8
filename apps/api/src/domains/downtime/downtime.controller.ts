import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { ValidateBody, ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { DowntimeService } from './downtime.service.js';

@ApiTags('downtime')
@ApiBearerAuth()
@Controller('downtime')
export class DowntimeController {
  constructor(private readonly downtime: DowntimeService) {}

  /** Stops overlapping the window, newest first; `unassigned=true` is the queue still needing a reason. */
  @Get()
  @RequirePermissions('downtime:read')
  @ValidateQuery(downtimeListQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(downtimeStopSchema), 'output') })
  list(@Query() query: DowntimeListQuery) {
    return this.downtime.list(query);
  }

  /** Say (or correct) why a machine stopped. */
  @Put('reason')
  @RequirePermissions('downtime:assign-reason')
  @ValidateBody(assignDowntimeReasonSchema)
  @ApiOkResponse({ schema: toOpenApiSchema(downtimeStopSchema, 'output') })
  assignReason(@Body() body: AssignDowntimeReasonInput, @CurrentUser() actor: SessionUser) {
    return this.downtime.assignReason(body, actor);
  }

  @Get('pareto')
  @RequirePermissions('downtime:read')
  @ValidateQuery(downtimeParetoQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(downtimeParetoSchema, 'output') })
  pareto(@Query() query: DowntimeParetoQuery) {
    return this.downtime.pareto(query);
  }

  @Get('reliability')
  @RequirePermissions('downtime:read')
  @ValidateQuery(downtimeParetoQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(reliabilityReportSchema, 'output') })
  reliability(@Query() query: DowntimeParetoQuery) {
    return this.downtime.reliability(query);
  }
}
