import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type AndonInsightsQuery,
  type AndonListQuery,
  type RaiseAndonCallInput,
  type ResolveAndonCallInput,
  type SessionUser,
  acknowledgeAndonCallSchema,
  andonCallSchema,
  andonInsightsQuerySchema,
  andonInsightsSchema,
  andonListQuerySchema,
  paginatedSchema,
  raiseAndonCallSchema,
  resolveAndonCallSchema,
  userLinesSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { ValidateBody, ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { AndonInsightsService } from './andon-insights.service.js';
import { AndonService } from './andon.service.js';

const callResponse = toOpenApiSchema(andonCallSchema, 'output');

@ApiTags('andon')
@ApiBearerAuth()
@Controller('andon')
export class AndonController {
  constructor(
    private readonly andon: AndonService,
    private readonly insights: AndonInsightsService,
  ) {}

  /** Raise a call (operators and up). The server stamps the time and the caller. */
  @Post()
  @HttpCode(201)
  @RequirePermissions('andon:raise')
  @ValidateBody(raiseAndonCallSchema)
  @ApiCreatedResponse({ schema: callResponse })
  raise(@Body() body: RaiseAndonCallInput, @CurrentUser() user: SessionUser) {
    return this.andon.raise(body, user);
  }

  /** Calls on the lines the caller may see: filters and history, paginated. */
  @Get()
  @RequirePermissions('andon:read')
  @ValidateQuery(andonListQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(andonCallSchema), 'output') })
  list(@Query() query: AndonListQuery, @CurrentUser() user: SessionUser) {
    return this.andon.list(query, user);
  }

  /** Mean time to acknowledge and resolve by type, line and priority; calls by hour; top equipment. */
  @Get('insights')
  @RequirePermissions('andon:read')
  @ValidateQuery(andonInsightsQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(andonInsightsSchema, 'output') })
  getInsights(@Query() query: AndonInsightsQuery, @CurrentUser() user: SessionUser) {
    return this.insights.compute(query, user);
  }

  /** The lines the caller is limited to (empty: every line). */
  @Get('my-lines')
  @RequirePermissions('andon:read')
  @ApiOkResponse({ schema: toOpenApiSchema(userLinesSchema, 'output') })
  myLines(@CurrentUser() user: SessionUser) {
    return this.andon.myLines(user);
  }

  @Get(':id')
  @RequirePermissions('andon:read')
  @ApiOkResponse({ schema: callResponse })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.andon.get(id, user);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequirePermissions('andon:acknowledge')
  @ValidateBody(acknowledgeAndonCallSchema)
  @ApiOkResponse({ schema: callResponse })
  acknowledge(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: SessionUser) {
    return this.andon.acknowledge(id, user);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @RequirePermissions('andon:resolve')
  @ValidateBody(resolveAndonCallSchema)
  @ApiOkResponse({ schema: callResponse })
  resolve(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ResolveAndonCallInput,
    @CurrentUser() user: SessionUser,
  ) {
    return this.andon.resolve(id, body, user);
  }
}
