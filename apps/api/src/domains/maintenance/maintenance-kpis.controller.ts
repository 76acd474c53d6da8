import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type MaintenanceKpiQuery,
  type SessionUser,
  maintenanceKpiQuerySchema,
  maintenanceKpisSchema,
  maintenanceOverviewSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { MaintenanceKpisService } from './maintenance-kpis.service.js';

/** Maintenance KPIs and the dashboard's maintenance summary, over the lines you may see. */
@ApiTags('maintenance')
@ApiBearerAuth()
@Controller('maintenance')
export class MaintenanceKpisController {
  constructor(private readonly kpis: MaintenanceKpisService) {}

  /** MTBF/MTTR from stops, work-order MTTR, MTTA, PM compliance, planned %, backlog, CMR. */
  @Get('kpis')
  @RequirePermissions('maintenance:read')
  @ValidateQuery(maintenanceKpiQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(maintenanceKpisSchema, 'output') })
  get(@Query() query: MaintenanceKpiQuery, @CurrentUser() user: SessionUser) {
    return this.kpis.kpis(query, user);
  }

  /** Open, overdue and due-in-7-days counts, MTBF/MTTR, the five equipment stopped longest. */
  @Get('overview')
  @RequirePermissions('maintenance:read')
  @ApiOkResponse({ schema: toOpenApiSchema(maintenanceOverviewSchema, 'output') })
  overview(@CurrentUser() user: SessionUser) {
    return this.kpis.overview(user);
  }
}
