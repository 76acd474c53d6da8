import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type AuditListQuery,
  auditEntrySchema,
  auditListQuerySchema,
  paginatedSchema,
} from '@ms5/contracts';
import { RequirePermissions } from '../common/auth.decorators.js';
import { ValidateQuery } from '../common/validation.js';
import { toOpenApiSchema } from '../common/zod-openapi.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermissions('audit:read')
  @ValidateQuery(auditListQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(auditEntrySchema), 'output') })
  list(@Query() query: AuditListQuery) {
    return this.audit.list(query);
  }
}
