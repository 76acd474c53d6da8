import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type OeeQuery,
  type OeeSeriesQuery,
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
import { RequirePermissions } from '../../platform/common/auth.decorators.js';
import { ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { OeeService } from './oee.service.js';
import { OverviewService } from './overview.service.js';

@ApiTags('oee')
@ApiBearerAuth()
@Controller()
export class OeeController {
  constructor(
    private readonly oee: OeeService,
    private readonly overviews: OverviewService,
  ) {}

  /** OEE of an equipment or a line over `[from, to)`, with the times, counts and losses behind it. */
  @Get('oee')
  @RequirePermissions('oee:read')
  @ValidateQuery(oeeQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(oeeReportSchema, 'output') })
  report(@Query() query: OeeQuery) {
    return this.oee.report(query);
  }

  /** The same, bucket by bucket: by hour, by shift occurrence, or by day in a time zone. */
  @Get('oee/series')
  @RequirePermissions('oee:read')
  @ValidateQuery(oeeSeriesQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(oeeSeriesReportSchema, 'output') })
  series(@Query() query: OeeSeriesQuery) {
    return this.oee.series(query);
  }

  /** Every line's OEE over the window, and the plant's, summed time-weighted. */
  @Get('oee/lines')
  @RequirePermissions('oee:read')
  @ValidateQuery(oeeLinesQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(oeeLinesReportSchema, 'output') })
  lines(@Query() query: OeeLinesQuery) {
    return this.oee.lines(query);
  }

  /** How far the hourly roll-ups are: equipment still queued and hours stored. */
  @Get('oee/rollups/status')
  @RequirePermissions('oee:read')
  @ApiOkResponse({ schema: toOpenApiSchema(rollupStatusSchema, 'output') })
  rollupStatus() {
    return this.oee.rollupStatus();
  }

  /** Every line and equipment: live state, current stop and reason, current-shift OEE with A / P / Q. */
  @Get('overview')
  @RequirePermissions('oee:read')
  @ValidateQuery(overviewQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(overviewSchema, 'output') })
  overview(@Query() query: OverviewQuery) {
    return this.overviews.overview(query);
  }
}
