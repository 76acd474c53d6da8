import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type OeeQuery,
  type OeeSeriesQuery,
  type SessionUser,
  oeeQuerySchema,
  oeeReportSchema,
  oeeSeriesQuerySchema,
  oeeSeriesReportSchema,
  type OeeLinesQuery,
  oeeLinesQuerySchema,
  oeeLinesReportSchema,
  rollupStatusSchema,
  type OverviewQuery,
  overviewQuerySchema,
  overviewSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';
import { ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { OeeService } from './oee.service.js';
import { OverviewService } from './overview.service.js';

@ApiTags('oee')
@ApiBearerAuth()
@ApiForbiddenResponse({
  description:
    '`LINE_NOT_ASSIGNED`: the equipment or line asked for is outside the caller’s lines (or the role lacks the permission). Reports without one cover the caller’s lines only.',
})
@Controller()
export class OeeController {
  constructor(
    private readonly oee: OeeService,
    private readonly overviews: OverviewService,
    private readonly lineAccess: LineAccessService,
  ) {}

  /** OEE of an equipment or a line over `[from, to)`, with the times, counts and losses behind it. */
  @Get('oee')
  @RequirePermissions('oee:read')
  @ValidateQuery(oeeQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(oeeReportSchema, 'output') })
  async report(@Query() query: OeeQuery, @CurrentUser() user: SessionUser) {
    return this.oee.report(query, Date.now(), await this.lineAccess.scopeOf(user));
  }

  /** The same, bucket by bucket: by hour, by shift occurrence, or by day in a time zone. */
  @Get('oee/series')
  @RequirePermissions('oee:read')
  @ValidateQuery(oeeSeriesQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(oeeSeriesReportSchema, 'output') })
  async series(@Query() query: OeeSeriesQuery, @CurrentUser() user: SessionUser) {
    return this.oee.series(query, Date.now(), await this.lineAccess.scopeOf(user));
  }

  /** Every line's OEE over the window, and the plant's, summed time-weighted (the caller's lines). */
  @Get('oee/lines')
  @RequirePermissions('oee:read')
  @ValidateQuery(oeeLinesQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(oeeLinesReportSchema, 'output') })
  async lines(@Query() query: OeeLinesQuery, @CurrentUser() user: SessionUser) {
    return this.oee.lines(query, Date.now(), await this.lineAccess.scopeOf(user));
  }

  /** How far the hourly roll-ups are: equipment still queued and hours stored. */
  @Get('oee/rollups/status')
  @RequirePermissions('oee:read')
  @ApiOkResponse({ schema: toOpenApiSchema(rollupStatusSchema, 'output') })
  async rollupStatus(@CurrentUser() user: SessionUser) {
    return this.oee.rollupStatus(await this.lineAccess.scopeOf(user));
  }

  /** Every line and equipment (the caller's lines): live state, current stop and reason, current-shift OEE with A / P / Q. */
  @Get('overview')
  @RequirePermissions('oee:read')
  @ValidateQuery(overviewQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(overviewSchema, 'output') })
  async overview(@Query() query: OverviewQuery, @CurrentUser() user: SessionUser) {
    return this.overviews.overview(query, Date.now(), await this.lineAccess.scopeOf(user));
  }
}
