import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type CreateWorkOrderFollowUpInput,
  type SessionUser,
  type SubmitWorkOrderChecklistInput,
  createWorkOrderFollowUpSchema,
  submitWorkOrderChecklistSchema,
  workOrderChecklistSchema,
  workOrderSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { ValidateBody } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { WorkOrderChecklistsService } from './work-order-checklists.service.js';

const checklistResponse = toOpenApiSchema(workOrderChecklistSchema, 'output');

/** A work order's checklist (the checklist engine's templates and runs) and its follow-ups. */
@ApiTags('work-orders')
@ApiBearerAuth()
@Controller('work-orders')
export class WorkOrderChecklistsController {
  constructor(private readonly checklists: WorkOrderChecklistsService) {}

  /** The template's items, the latest run's answers, its status and the follow-ups opened. */
  @Get(':id/checklist')
  @RequirePermissions('maintenance:read')
  @ApiOkResponse({ schema: checklistResponse })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.checklists.get(id, user);
  }

  /**
   * Answer every item of the checklist's current version, while the order is in progress (409
   * otherwise); 400 naming the answers that do not fit. A failed item keeps the order from
   * completing while the checklist is required.
   */
  @Post(':id/checklist')
  @HttpCode(201)
  @RequirePermissions('maintenance:execute')
  @ValidateBody(submitWorkOrderChecklistSchema)
  @ApiCreatedResponse({ schema: checklistResponse })
  submit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SubmitWorkOrderChecklistInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.checklists.submit(id, body, user);
  }

  /**
   * Open a corrective work order on the same equipment for a failed item of the latest run
   * (`followUpOf` links it); 409 when no item failed or the item already has one.
   */
  @Post(':id/follow-ups')
  @HttpCode(201)
  @RequirePermissions('maintenance:execute')
  @ValidateBody(createWorkOrderFollowUpSchema)
  @ApiCreatedResponse({ schema: toOpenApiSchema(workOrderSchema, 'output') })
  followUp(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateWorkOrderFollowUpInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.checklists.followUp(id, body, user);
  }
}
