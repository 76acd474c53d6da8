import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type OperatorListQuery,
  operatorListQuerySchema,
  operatorSchema,
  paginatedSchema,
} from '@ms5/contracts';
import { RequirePermissions } from '../common/auth.decorators.js';
import { ValidateQuery } from '../common/validation.js';
import { toOpenApiSchema } from '../common/zod-openapi.js';
import { UsersService } from './users.service.js';

/** The operators a shift manager may assign to jobs: active users of role operator. */
@ApiTags('jobs')
@ApiBearerAuth()
@Controller('operators')
export class OperatorsController {
  constructor(private readonly users: UsersService) {}

  /** Paginated, by username; `search` matches username or display name. */
  @Get()
  @RequirePermissions('jobs:assign')
  @ValidateQuery(operatorListQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(operatorSchema), 'output') })
  list(@Query() query: OperatorListQuery) {
    return this.users.operators(query);
  }
}
