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
  type CreateUserInput,
  type SessionUser,
  type UpdateUserInput,
  type UserListQuery,
  createUserSchema,
  paginatedSchema,
  updateUserSchema,
  userListQuerySchema,
  userSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../common/auth.decorators.js';
import { ValidateBody, ValidateQuery } from '../common/validation.js';
import { toOpenApiSchema } from '../common/zod-openapi.js';
import { UsersService } from './users.service.js';

const userResponse = toOpenApiSchema(userSchema, 'output');

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermissions('users:read')
  @ValidateQuery(userListQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(userSchema), 'output') })
  list(@Query() query: UserListQuery) {
    return this.users.list(query);
  }

  @Get(':id')
  @RequirePermissions('users:read')
  @ApiOkResponse({ schema: userResponse })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(id);
  }

  @Post()
  @HttpCode(201)
  @RequirePermissions('users:manage')
  @ValidateBody(createUserSchema)
  @ApiCreatedResponse({ schema: userResponse })
  create(@Body() body: CreateUserInput, @CurrentUser() actor: SessionUser) {
    return this.users.create(body, actor);
  }

  @Patch(':id')
  @RequirePermissions('users:manage')
  @ValidateBody(updateUserSchema)
  @ApiOkResponse({ schema: userResponse })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserInput,
    @CurrentUser() actor: SessionUser,
  ) {
    return this.users.update(id, body, actor);
  }
}
