import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type HourByHourQuery,
  type SessionUser,
  hourByHourQuerySchema,
  hourByHourSchema,
} from '@ms5/contracts';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { HourByHourService } from './hour-by-hour.service.js';

/** The line's hour-by-hour board: target against actual output, clock hour by clock hour. */
@ApiTags('hour-by-hour')
@ApiBearerAuth()
@Controller('lines')
export class HourByHourController {
  constructor(private readonly hourByHour: HourByHourService) {}

  /**
   * One shift occurrence of the line (`shiftId` + `date`, else the one running now, else the
   * latest that began): each hour's target, good and reject count at the line's output, the
   * cumulative gap, and the top loss of each past hour that fell short.
   */
  @Get(':id/hour-by-hour')
  @RequirePermissions('production:read')
  @ValidateQuery(hourByHourQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(hourByHourSchema, 'output') })
  board(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: HourByHourQuery,
    @CurrentUser() user: SessionUser,
  ) {
    return this.hourByHour.board(id, query, user);
  }
}
