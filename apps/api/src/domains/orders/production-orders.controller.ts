import {
  Body,
  Controller,
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
  type CancelProductionOrderInput,
  type CreateProductionOrderInput,
  type LineScheduleQuery,
  type ProductionOrderListQuery,
  type SessionUser,
  type UpdateProductionOrderInput,
  cancelProductionOrderSchema,
  createProductionOrderSchema,
  lineScheduleQuerySchema,
  lineScheduleSchema,
  paginatedSchema,
  productionOrderListQuerySchema,
  productionOrderSchema,
  productionOrderStepSchema,
  updateProductionOrderSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { ValidateBody, ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { ProductionOrdersService } from './production-orders.service.js';

const orderResponse = toOpenApiSchema(productionOrderSchema, 'output');

/** Production orders: planned by managers, released, started, completed or cancelled. */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class ProductionOrdersController {
  constructor(private readonly orders: ProductionOrdersService) {}

  /** Plan an order on a line; its window must not overlap another order of the line (409). */
  @Post()
  @HttpCode(201)
  @RequirePermissions('orders:manage')
  @ValidateBody(createProductionOrderSchema)
  @ApiCreatedResponse({ schema: orderResponse })
  create(@Body() body: CreateProductionOrderInput, @CurrentUser() user: SessionUser) {
    return this.orders.create(body, user);
  }

  @Get()
  @RequirePermissions('orders:read')
  @ValidateQuery(productionOrderListQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(productionOrderSchema), 'output') })
  list(@Query() query: ProductionOrderListQuery, @CurrentUser() user: SessionUser) {
    return this.orders.list(query, user);
  }

  @Get(':id')
  @RequirePermissions('orders:read')
  @ApiOkResponse({ schema: orderResponse })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.orders.get(id, user);
  }

  /** Change a planned order (409 once released). */
  @Patch(':id')
  @RequirePermissions('orders:manage')
  @ValidateBody(updateProductionOrderSchema)
  @ApiOkResponse({ schema: orderResponse })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateProductionOrderInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.orders.update(id, body, user);
  }

  @Post(':id/release')
  @HttpCode(200)
  @RequirePermissions('orders:manage')
  @ValidateBody(productionOrderStepSchema)
  @ApiOkResponse({ schema: orderResponse })
  release(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.orders.transition(id, 'release', user);
  }

  /** Start a released order; a line runs one order at a time (409 `LINE_BUSY`). */
  @Post(':id/start')
  @HttpCode(200)
  @RequirePermissions('orders:manage')
  @ValidateBody(productionOrderStepSchema)
  @ApiOkResponse({ schema: orderResponse })
  start(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.orders.transition(id, 'start', user);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @RequirePermissions('orders:manage')
  @ValidateBody(productionOrderStepSchema)
  @ApiOkResponse({ schema: orderResponse })
  complete(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.orders.transition(id, 'complete', user);
  }

  /** Cancel a planned, released or running order; its slot on the schedule is freed. */
  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermissions('orders:manage')
  @ValidateBody(cancelProductionOrderSchema)
  @ApiOkResponse({ schema: orderResponse })
  cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelProductionOrderInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.orders.transition(id, 'cancel', user, body.reason);
  }
}

/** A line's schedule: its orders in time order over a window. */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('lines')
export class LineScheduleController {
  constructor(private readonly orders: ProductionOrdersService) {}

  @Get(':id/schedule')
  @RequirePermissions('orders:read')
  @ValidateQuery(lineScheduleQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(lineScheduleSchema, 'output') })
  schedule(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: LineScheduleQuery,
    @CurrentUser() user: SessionUser,
  ) {
    return this.orders.schedule(id, query, user);
  }
}
