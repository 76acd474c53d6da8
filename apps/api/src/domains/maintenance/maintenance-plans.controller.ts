import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type CreateMaintenancePlanInput,
  type MaintenancePlanListQuery,
  type SessionUser,
  type UpdateMaintenancePlanInput,
  createMaintenancePlanSchema,
  maintenancePlanListQuerySchema,
  maintenancePlanSchema,
  paginatedSchema,
  updateMaintenancePlanSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { ValidateBody, ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { MaintenancePlansService } from './maintenance-plans.service.js';

const planResponse = toOpenApiSchema(maintenancePlanSchema, 'output');

/**
 * Preventive maintenance plans: planners (`maintenance:plan`) write them, everyone who reads
 * maintenance sees them with their meters and next due.
 */
@ApiTags('maintenance-plans')
@ApiBearerAuth()
@Controller('maintenance-plans')
export class MaintenancePlansController {
  constructor(private readonly plans: MaintenancePlansService) {}

  /** A plan on one equipment: its triggers (the first reached wins), fixed or floating, lead time. */
  @Post()
  @HttpCode(201)
  @RequirePermissions('maintenance:plan')
  @ValidateBody(createMaintenancePlanSchema)
  @ApiCreatedResponse({ schema: planResponse })
  create(@Body() body: CreateMaintenancePlanInput, @CurrentUser() user: SessionUser) {
    return this.plans.create(body, user);
  }

  /** The plans of the lines you may see, oldest first, each with its meters and next due. */
  @Get()
  @RequirePermissions('maintenance:read')
  @ValidateQuery(maintenancePlanListQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(maintenancePlanSchema), 'output') })
  list(@Query() query: MaintenancePlanListQuery, @CurrentUser() user: SessionUser) {
    return this.plans.list(query, user);
  }

  @Get(':id')
  @RequirePermissions('maintenance:read')
  @ApiOkResponse({ schema: planResponse })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.plans.get(id, user);
  }

  /** Title, description, priority, fixed/floating, lead time, active; triggers are replaced whole. */
  @Patch(':id')
  @RequirePermissions('maintenance:plan')
  @ValidateBody(updateMaintenancePlanSchema)
  @ApiOkResponse({ schema: planResponse })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateMaintenancePlanInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.plans.update(id, body, user);
  }

  /** Deactivates the plan (it keeps its work orders and history); `PATCH { active: true }` revives it. */
  @Delete(':id')
  @HttpCode(200)
  @RequirePermissions('maintenance:plan')
  @ApiOkResponse({ schema: planResponse })
  deactivate(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.plans.deactivate(id, user);
  }
}
