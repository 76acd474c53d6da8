import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type OeeQuery,
  type OeeSeriesQuery,
  oeeQuerySchema,
  oeeReportSchema,
  oeeSeriesQuerySchema,
  oeeSeriesReportSchema,
} from '@ms5/contracts';
import { RequirePermissions } from '../auth/auth.decorators.js';
import { ValidateQuery } from '../common/validation.js';
import { toOpenApiSchema } from '../common/zod-openapi.js';
import { OeeService } from './oee.service.js';

@ApiTags('oee')
@ApiBearerAuth()
@Controller('oee')
export class OeeController {
  constructor(private readonly oee: OeeService) {}

  /** OEE of an equipment or a line over `[from, to)`, with the times, counts and losses behind it. */
  @Get()
  @RequirePermissions('oee:read')
  @ValidateQuery(oeeQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(oeeReportSchema, 'output') })
  report(@Query() query: OeeQuery) {
    return this.oee.report(query);
  }

  /** The same, bucket by bucket: by hour, by shift occurrence, or by day in a time zone. */
  @Get('series')
  @RequirePermissions('oee:read')
  @ValidateQuery(oeeSeriesQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(oeeSeriesReportSchema, 'output') })
  series(@Query() query: OeeSeriesQuery) {
    return this.oee.series(query);
  }
}
