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
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type Paginated, type Permission, type SessionUser, paginatedSchema } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { LineAccessService } from '../line-access/line-access.service.js';
import type { LineScope } from '../line-access/line-scope.js';
import { DomainException } from './domain.exception.js';
import { CurrentUser, RequirePermissions } from './auth.decorators.js';
import { ValidateBody, ValidateQuery } from './validation.js';
import { toOpenApiSchema } from './zod-openapi.js';

/**
 * What a configuration resource's service offers its controller. Every call carries the caller's
 * line scope (`LineScope.everyLine` for the system itself, e.g. the demo seeder): a resource
 * cannot be served without deciding what it means for it (see `LinePolicy`, `lineScoped`).
 */
export interface CrudPort<D, C, U, Q> {
  list(query: Q, scope: LineScope): Promise<Paginated<D>>;
  get(id: string, scope: LineScope): Promise<D>;
  create(input: C, actor: SessionUser, scope: LineScope): Promise<D>;
  update(id: string, input: U, actor: SessionUser, scope: LineScope): Promise<D>;
  remove(id: string, actor: SessionUser, scope: LineScope): Promise<void>;
}

/**
 * Where a policy looks lines up: the transaction of the write it checks (so the look-up sees and
 * waits for what that transaction locked, and takes no second pool connection), else the pool.
 */
export type Queryable = Pick<EntityManager, 'query'>;

/**
 * The lines an object is on: a list (one line, or several, e.g. a product's cycle times), or
 * `'plant'` for an object on no single line (a site, a reason tree, a plant-wide policy, a new
 * line): those are read by everyone but changed only by users of every line.
 */
export type LineSet = readonly string[] | 'plant';

/**
 * How one CRUD resource's objects relate to lines: every resource declares it, and `lineScoped`
 * applies it the same way to each (403 `LINE_NOT_ASSIGNED` for another line's object, for a body
 * naming another line, and for a list filtered by one; lists restricted to the caller's lines).
 */
export interface LinePolicy<D, C, U, Q> {
  /** Names the object in a refusal: "This equipment is on a line you are not assigned to". */
  subject: string;
  /** The lines a stored object is on. */
  lineOf(item: D, db: Queryable): LineSet | Promise<LineSet>;
  /**
   * The lines a new object would be on (only references that exist: an unknown one is left to the
   * store's validation, which names the field with a 400).
   */
  linesOfCreate(input: C, db: Queryable): LineSet | Promise<LineSet>;
  /**
   * The lines a delete touches, when more than those the object is on (what goes with it, or
   * what it is taken from). Absent: `lineOf`.
   */
  linesOfRemove?(before: D, db: Queryable): LineSet | Promise<LineSet>;
  /** The lines a patch moves or points the object to (`[]`: it stays where it is). */
  linesOfPatch(input: U, before: D, db: Queryable): LineSet | Promise<LineSet>;
  /** The line a list is filtered by, if any (refused when out of scope, never an empty page). */
  listFilter(query: Q): string | undefined;
  /**
   * What a line-limited caller sees of objects readable by all (e.g. a product without the other
   * lines' cycle times). Absent: the object as stored.
   */
  view?(items: D[], scope: LineScope, db: Queryable): Promise<D[]>;
  /**
   * For a `'plant'` object a line-limited caller may still change in part (a product's cycle
   * times on their lines): the patch to apply, or a refusal. Absent: such a caller is refused.
   */
  limitedPatch?(before: D, input: U, scope: LineScope, db: Queryable): Promise<U>;
}

/**
 * The unscoped store behind a resource. `list` restricts its rows to `lineIds` (null: every
 * line); `update` and `remove` run `check` on the row they locked, in their transaction, before
 * writing anything (so a refusal leaves nothing changed and no object moves lines meanwhile).
 */
export interface CrudStore<D, C, U, Q> {
  /** Reads outside a write (the pool). */
  readonly db: Queryable;
  list(query: Q, lineIds: readonly string[] | null): Promise<Paginated<D>>;
  get(id: string): Promise<D>;
  create(input: C, actor: SessionUser): Promise<D>;
  update(
    id: string,
    actor: SessionUser,
    check: (before: D, db: Queryable) => Promise<U>,
  ): Promise<D>;
  remove(
    id: string,
    actor: SessionUser,
    check: (before: D, db: Queryable) => Promise<void>,
  ): Promise<void>;
}

const plantWideRefusal = (subject: string): DomainException =>
  new DomainException(
    'LINE_NOT_ASSIGNED',
    `${subject} is used by every line; only a user assigned to every line may change it`,
  );

function assertLines(scope: LineScope, lines: LineSet, subject: string): void {
  if (lines === 'plant') {
    if (scope.limited) throw plantWideRefusal(subject);
    return;
  }
  scope.assertAll(lines, subject);
}

/** A store served under a line policy: the one place CRUD resources apply the line scope. */
export function lineScoped<D, C, U, Q>(
  store: CrudStore<D, C, U, Q>,
  policy: LinePolicy<D, C, U, Q>,
): CrudPort<D, C, U, Q> {
  const visible = async (items: D[], scope: LineScope): Promise<D[]> =>
    scope.limited && policy.view ? policy.view(items, scope, store.db) : items;
  const readable = async (item: D, scope: LineScope): Promise<D> => {
    const lines = await policy.lineOf(item, store.db);
    if (lines !== 'plant') scope.assertAll(lines, policy.subject);
    const [shown] = await visible([item], scope);
    return shown ?? item;
  };
  return {
    async list(query, scope) {
      const lineIds = scope.narrow(policy.listFilter(query));
      const page = await store.list(query, lineIds);
      return { ...page, items: await visible(page.items, scope) };
    },
    async get(id, scope) {
      return readable(await store.get(id), scope);
    },
    async create(input, actor, scope) {
      assertLines(scope, await policy.linesOfCreate(input, store.db), policy.subject);
      return readable(await store.create(input, actor), scope);
    },
    async update(id, input, actor, scope) {
      const updated = await store.update(id, actor, async (before, db) => {
        const lines = await policy.lineOf(before, db);
        let patch = input;
        if (lines === 'plant' && scope.limited && policy.limitedPatch) {
          patch = await policy.limitedPatch(before, input, scope, db);
        } else {
          assertLines(scope, lines, policy.subject);
        }
        assertLines(scope, await policy.linesOfPatch(patch, before, db), policy.subject);
        return patch;
      });
      return readable(updated, scope);
    },
    async remove(id, actor, scope) {
      await store.remove(id, actor, async (before, db) => {
        const lines = await (policy.linesOfRemove ?? policy.lineOf)(before, db);
        assertLines(scope, lines, policy.subject);
      });
    },
  };
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
 * delete, each declaring its permission and its contract schema (validation and OpenAPI alike),
 * each passing the caller's line scope to the service (resolved once per request).
 */
export function crudController<D, C, U, Q>(
  options: CrudControllerOptions<D, C, U, Q>,
): Type<unknown> {
  const item = toOpenApiSchema(options.itemSchema, 'output');
  const lineRefusal = ApiForbiddenResponse({
    description:
      '`LINE_NOT_ASSIGNED`: the caller is limited to some lines and the object, a line the body or filter names, or a plant-wide object to change is outside them (or the role lacks the permission).',
  });

  @ApiTags(options.tag)
  @ApiBearerAuth()
  @Controller(options.path)
  class CrudController {
    constructor(
      @Inject(options.serviceToken) readonly service: CrudPort<D, C, U, Q>,
      @Inject(LineAccessService) readonly lineAccess: LineAccessService,
    ) {}

    @Get()
    @RequirePermissions(options.read)
    @lineRefusal
    @ValidateQuery(options.listQuerySchema)
    @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(options.itemSchema), 'output') })
    async list(@Query() query: Q, @CurrentUser() user: SessionUser) {
      return this.service.list(query, await this.lineAccess.scopeOf(user));
    }

    @Get(':id')
    @RequirePermissions(options.read)
    @lineRefusal
    @ApiOkResponse({ schema: item })
    async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
      return this.service.get(id, await this.lineAccess.scopeOf(user));
    }

    @Post()
    @HttpCode(201)
    @RequirePermissions(options.write)
    @lineRefusal
    @ValidateBody(options.createSchema)
    @ApiCreatedResponse({ schema: item })
    async create(@Body() body: C, @CurrentUser() actor: SessionUser) {
      return this.service.create(body, actor, await this.lineAccess.scopeOf(actor));
    }

    @Patch(':id')
    @RequirePermissions(options.write)
    @lineRefusal
    @ValidateBody(options.updateSchema)
    @ApiOkResponse({ schema: item })
    async update(
      @Param('id', ParseUUIDPipe) id: string,
      @Body() body: U,
      @CurrentUser() actor: SessionUser,
    ) {
      return this.service.update(id, body, actor, await this.lineAccess.scopeOf(actor));
    }

    @Delete(':id')
    @HttpCode(204)
    @RequirePermissions(options.write)
    @lineRefusal
    @ApiNoContentResponse()
    async remove(
      @Param('id', ParseUUIDPipe) id: string,
      @CurrentUser() actor: SessionUser,
    ): Promise<void> {
      await this.service.remove(id, actor, await this.lineAccess.scopeOf(actor));
    }
  }
  Object.defineProperty(CrudController, 'name', {
    value: `${options.tag.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}Controller`,
  });
  return CrudController;
}
