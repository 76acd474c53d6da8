import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type AddWorkOrderLabourInput,
  type AddWorkOrderPartInput,
  type AssignWorkOrderInput,
  type CancelWorkOrderInput,
  type CompleteWorkOrderInput,
  type CreateWorkOrderInput,
  type HoldWorkOrderInput,
  type SessionUser,
  type WorkOrderAssigneeListQuery,
  type WorkOrderListQuery,
  addWorkOrderLabourSchema,
  addWorkOrderPartSchema,
  assignWorkOrderSchema,
  cancelWorkOrderSchema,
  completeWorkOrderSchema,
  createWorkOrderSchema,
  holdWorkOrderSchema,
  paginatedSchema,
  resumeWorkOrderSchema,
  startWorkOrderSchema,
  workOrderAssigneeCandidateSchema,
  workOrderAssigneeListQuerySchema,
  workOrderListQuerySchema,
  workOrderSchema,
  workOrderSummarySchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { ValidateBody, ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { WorkOrdersService } from './work-orders.service.js';

const workOrderResponse = toOpenApiSchema(workOrderSchema, 'output');

/**
 * Maintenance work orders. Operators request corrective ones; technicians work those assigned to
 * them or to nobody; planners assign, cancel and open preventive and inspection ones.
 */
@ApiTags('work-orders')
@ApiBearerAuth()
@Controller('work-orders')
export class WorkOrdersController {
  constructor(private readonly workOrders: WorkOrdersService) {}

  /**
   * Open a work order (`open`). `andonCallId` turns a maintenance call of the equipment's line
   * into it (409 if the call already is one); `downtimeEventId` links the stop that event began
   * and carries its reason. Preventive and inspection orders need `maintenance:plan`.
   */
  @Post()
  @HttpCode(201)
  @RequirePermissions('maintenance:request')
  @ValidateBody(createWorkOrderSchema)
  @ApiCreatedResponse({ schema: workOrderResponse })
  create(@Body() body: CreateWorkOrderInput, @CurrentUser() user: SessionUser) {
    return this.workOrders.create(body, user);
  }

  /** Work orders of the lines you may see, most urgent first; `mine=true`: assigned to you. */
  @Get()
  @RequirePermissions('maintenance:read')
  @ValidateQuery(workOrderListQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(workOrderSummarySchema), 'output') })
  list(@Query() query: WorkOrderListQuery, @CurrentUser() user: SessionUser) {
    return this.workOrders.list(query, user);
  }

  /**
   * Who a planner may assign: active users whose role holds `maintenance:execute` and who see
   * `lineId` (or, without it, one of your lines). Declared before `:id`.
   */
  @Get('assignees')
  @RequirePermissions('maintenance:plan')
  @ValidateQuery(workOrderAssigneeListQuerySchema)
  @ApiOkResponse({
    schema: toOpenApiSchema(paginatedSchema(workOrderAssigneeCandidateSchema), 'output'),
  })
  assignees(@Query() query: WorkOrderAssigneeListQuery, @CurrentUser() user: SessionUser) {
    return this.workOrders.assignees(query, user);
  }

  /** With assignees, step history, labour (and its total), parts, andon call, stops, downtime. */
  @Get(':id')
  @RequirePermissions('maintenance:read')
  @ApiOkResponse({ schema: workOrderResponse })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.workOrders.get(id, user);
  }

  /** (Re)assign to people holding `maintenance:execute`; an open order becomes `assigned`. */
  @Post(':id/assign')
  @HttpCode(200)
  @RequirePermissions('maintenance:plan')
  @ValidateBody(assignWorkOrderSchema)
  @ApiOkResponse({ schema: workOrderResponse })
  assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AssignWorkOrderInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.workOrders.assign(id, body, user);
  }

  /** From `open` or `assigned` to `in_progress`; an unassigned order is assigned to you. */
  @Post(':id/start')
  @HttpCode(200)
  @RequirePermissions('maintenance:execute')
  @ValidateBody(startWorkOrderSchema)
  @ApiOkResponse({ schema: workOrderResponse })
  start(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.workOrders.start(id, user);
  }

  /** Pause work in progress, saying why (`on_hold`). */
  @Post(':id/hold')
  @HttpCode(200)
  @RequirePermissions('maintenance:execute')
  @ValidateBody(holdWorkOrderSchema)
  @ApiOkResponse({ schema: workOrderResponse })
  hold(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: HoldWorkOrderInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.workOrders.hold(id, body, user);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @RequirePermissions('maintenance:execute')
  @ValidateBody(resumeWorkOrderSchema)
  @ApiOkResponse({ schema: workOrderResponse })
  resume(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.workOrders.resume(id, user);
  }

  /** Finish work in progress, with the cause and remedy found. */
  @Post(':id/complete')
  @HttpCode(200)
  @RequirePermissions('maintenance:execute')
  @ValidateBody(completeWorkOrderSchema)
  @ApiOkResponse({ schema: workOrderResponse })
  complete(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CompleteWorkOrderInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.workOrders.complete(id, body, user);
  }

  /** Cancel anything not completed, saying why. */
  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermissions('maintenance:plan')
  @ValidateBody(cancelWorkOrderSchema)
  @ApiOkResponse({ schema: workOrderResponse })
  cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelWorkOrderInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.workOrders.cancel(id, body, user);
  }

  /** Log minutes of work (yours, or a colleague's with `userId`); answers the work order. */
  @Post(':id/labour')
  @HttpCode(201)
  @RequirePermissions('maintenance:execute')
  @ValidateBody(addWorkOrderLabourSchema)
  @ApiCreatedResponse({ schema: workOrderResponse })
  addLabour(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddWorkOrderLabourInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.workOrders.addLabour(id, body, user);
  }

  /** Record a part used; answers the work order. */
  @Post(':id/parts')
  @HttpCode(201)
  @RequirePermissions('maintenance:execute')
  @ValidateBody(addWorkOrderPartSchema)
  @ApiCreatedResponse({ schema: workOrderResponse })
  addPart(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddWorkOrderPartInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.workOrders.addPart(id, body, user);
  }
}
