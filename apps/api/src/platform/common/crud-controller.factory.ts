import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  type Type,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type Paginated, type Permission, type SessionUser, paginatedSchema } from '@ms5/contracts';
import type { z } from 'zod';
import { CurrentUser, RequirePermissions } from './auth.decorators.js';
import { ValidateBody, ValidateQuery } from './validation.js';
import { toOpenApiSchema } from './zod-openapi.js';

/** What a configuration resource's service offers its controller. */
export interface CrudPort<D, C, U, Q> {
  list(query: Q): Promise<Paginated<D>>;
  get(id: string): Promise<D>;
  create(input: C, actor: SessionUser): Promise<D>;
  update(id: string, input: U, actor: SessionUser): Promise<D>;
  remove(id: string, actor: SessionUser): Promise<void>;
}

export interface CrudControllerOptions<D, C, U, Q> {
  path: string;
  tag: string;
  serviceToken: string;
  read: Permission;
  write: Permission;
  itemSchema: z.ZodType<D>;
  createSchema: z.ZodType<C>;
  updateSchema: z.ZodType<U>;
  listQuerySchema: z.ZodType<Q>;
}

/**
 * A thin REST controller for one configuration resource: paginated list, read, create, patch and
 * delete, each declaring its permission and its contract schema (validation and OpenAPI alike).
 */
export function crudController<D, C, U, Q>(
  options: CrudControllerOptions<D, C, U, Q>,
): Type<unknown> {
  const item = toOpenApiSchema(options.itemSchema, 'output');

  @ApiTags(options.tag)
  @ApiBearerAuth()
  @Controller(options.path)
  class CrudController {
    constructor(@Inject(options.serviceToken) readonly service: CrudPort<D, C, U, Q>) {}

    @Get()
    @RequirePermissions(options.read)
    @ValidateQuery(options.listQuerySchema)
    @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(options.itemSchema), 'output') })
    list(@Query() query: Q) {
      return this.service.list(query);
    }

    @Get(':id')
    @RequirePermissions(options.read)
    @ApiOkResponse({ schema: item })
    get(@Param('id', ParseUUIDPipe) id: string) {
      return this.service.get(id);
    }

    @Post()
    @HttpCode(201)
    @RequirePermissions(options.write)
    @ValidateBody(options.createSchema)
    @ApiCreatedResponse({ schema: item })
    create(@Body() body: C, @CurrentUser() actor: SessionUser) {
      return this.service.create(body, actor);
    }

    @Patch(':id')
    @RequirePermissions(options.write)
    @ValidateBody(options.updateSchema)
    @ApiOkResponse({ schema: item })
    update(
      @Param('id', ParseUUIDPipe) id: string,
      @Body() body: U,
      @CurrentUser() actor: SessionUser,
    ) {
      return this.service.update(id, body, actor);
    }

    @Delete(':id')
    @HttpCode(204)
    @RequirePermissions(options.write)
    @ApiNoContentResponse()
    async remove(
      @Param('id', ParseUUIDPipe) id: string,
      @CurrentUser() actor: SessionUser,
    ): Promise<void> {
      await this.service.remove(id, actor);
    }
  }
  Object.defineProperty(CrudController, 'name', {
    value: `${options.tag.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}Controller`,
  });
  return CrudController;
}
