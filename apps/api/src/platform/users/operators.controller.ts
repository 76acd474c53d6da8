import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type OperatorListQuery,
  type SessionUser,
  operatorListQuerySchema,
  operatorSchema,
  paginatedSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../common/auth.decorators.js';
import { ValidateQuery } from '../common/validation.js';
import { toOpenApiSchema } from '../common/zod-openapi.js';
import { LineAccessService } from '../line-access/line-access.service.js';
import { UsersService } from './users.service.js';

/**
 * The operators a shift manager may assign to jobs: active users of role operator who work on
 * one of the manager's lines (all of them for a manager without line limits).
 */
@ApiTags('jobs')
@ApiBearerAuth()
@Controller('operators')
export class OperatorsController {
  constructor(
    private readonly users: UsersService,
    private readonly lineAccess: LineAccessService,
  ) {}

  /** Paginated, by username; `search` matches username or display name. */
  @Get()
  @RequirePermissions('jobs:assign')
  @ValidateQuery(operatorListQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(operatorSchema), 'output') })
  async list(@Query() query: OperatorListQuery, @CurrentUser() user: SessionUser) {
    return this.users.operators(query, await this.lineAccess.scopeOf(user));
  }
}
