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
  type ChecklistTemplateListQuery,
  type CreateChecklistTemplateInput,
  type SessionUser,
  type UpdateChecklistTemplateInput,
  checklistTemplateListQuerySchema,
  checklistTemplateSchema,
  createChecklistTemplateSchema,
  paginatedSchema,
  updateChecklistTemplateSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { ValidateBody, ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { ChecklistTemplatesService } from './checklist-templates.service.js';

const templateResponse = toOpenApiSchema(checklistTemplateSchema, 'output');

/** Pre-start checklist templates: read on the floor, written by production managers and engineers. */
@ApiTags('checklists')
@ApiBearerAuth()
@Controller('checklist-templates')
export class ChecklistTemplatesController {
  constructor(private readonly templates: ChecklistTemplatesService) {}

  /** Templates of a line or a product; active ones unless `active=false` or `all`. */
  @Get()
  @RequirePermissions('orders:read')
  @ValidateQuery(checklistTemplateListQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(checklistTemplateSchema), 'output') })
  list(@Query() query: ChecklistTemplateListQuery, @CurrentUser() user: SessionUser) {
    return this.templates.list(query, user);
  }

  @Get(':id')
  @RequirePermissions('orders:read')
  @ApiOkResponse({ schema: templateResponse })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.templates.get(id, user);
  }

  /** A template of a line, a product, or both; the server gives each item its id. */
  @Post()
  @HttpCode(201)
  @RequirePermissions('checklists:manage')
  @ValidateBody(createChecklistTemplateSchema)
  @ApiCreatedResponse({ schema: templateResponse })
  create(@Body() body: CreateChecklistTemplateInput, @CurrentUser() user: SessionUser) {
    return this.templates.create(body, user);
  }

  /** Changing the items or the scope makes a new version; `active: false` retires the template. */
  @Patch(':id')
  @RequirePermissions('checklists:manage')
  @ValidateBody(updateChecklistTemplateSchema)
  @ApiOkResponse({ schema: templateResponse })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateChecklistTemplateInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.templates.update(id, body, user);
  }
}
