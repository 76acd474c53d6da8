import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type SessionUser,
  type SetUserLinesInput,
  setUserLinesSchema,
  userLinesSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../common/auth.decorators.js';
import { ValidateBody } from '../common/validation.js';
import { toOpenApiSchema } from '../common/zod-openapi.js';
import { LineAccessService } from './line-access.service.js';

const userLinesResponse = toOpenApiSchema(userLinesSchema, 'output');

/** The lines a user is limited to (admin). An empty list means every line. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users/:id/lines')
export class LineAccessController {
  constructor(private readonly lineAccess: LineAccessService) {}

  @Get()
  @RequirePermissions('users:read')
  @ApiOkResponse({ schema: userLinesResponse })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.lineAccess.get(id);
  }

  @Put()
  @RequirePermissions('users:manage')
  @ValidateBody(setUserLinesSchema)
  @ApiOkResponse({ schema: userLinesResponse })
  set(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetUserLinesInput,
    @CurrentUser() actor: SessionUser,
  ) {
    return this.lineAccess.set(id, body.lineIds, actor);
  }
}
