import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type BackfillSimulatorInput,
  type SessionUser,
  type SimulatorRunsQuery,
  type StartSimulatorInput,
  backfillResultSchema,
  backfillSimulatorSchema,
  paginatedSchema,
  simulatorRunSchema,
  simulatorRunsQuerySchema,
  simulatorStateSchema,
  startSimulatorSchema,
} from '@ms5/contracts';
import { z } from 'zod';
import { CurrentUser, RequirePermissions } from '../../platform/common/auth.decorators.js';
import { ValidateBody, ValidateQuery } from '../../platform/common/validation.js';
import { toOpenApiSchema } from '../../platform/common/zod-openapi.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';
import { SimulatorService } from './simulator.service.js';

const stateResponse = toOpenApiSchema(simulatorStateSchema, 'output');
const noBody = z.strictObject({});

/** The line simulator: status for readers, control for engineers and admins. */
@ApiTags('simulator')
@ApiBearerAuth()
@Controller('simulator')
export class SimulatorController {
  constructor(
    private readonly simulator: SimulatorService,
    private readonly lineAccess: LineAccessService,
  ) {}

  @Get()
  @RequirePermissions('simulator:read')
  @ApiOkResponse({ schema: stateResponse })
  state() {
    return this.simulator.state();
  }

  /** The history of runs, newest first. */
  @Get('runs')
  @RequirePermissions('simulator:read')
  @ValidateQuery(simulatorRunsQuerySchema)
  @ApiOkResponse({ schema: toOpenApiSchema(paginatedSchema(simulatorRunSchema), 'output') })
  runs(@Query() query: SimulatorRunsQuery) {
    return this.simulator.listRuns(query);
  }

  /** Starts a run (409 unless stopped). Optional seed, speed and lines. */
  @Post('start')
  @HttpCode(200)
  @RequirePermissions('simulator:control')
  @ValidateBody(startSimulatorSchema)
  @ApiOkResponse({ schema: stateResponse })
  async start(@Body() body: StartSimulatorInput, @CurrentUser() user: SessionUser) {
    return this.simulator.start(body, user, await this.lineAccess.scopeOf(user));
  }

  /** Stops the run (409 when already stopped). */
  @Post('stop')
  @HttpCode(200)
  @RequirePermissions('simulator:control')
  @ValidateBody(noBody)
  @ApiOkResponse({ schema: stateResponse })
  async stop(@CurrentUser() user: SessionUser) {
    return this.simulator.control('stop', user, await this.lineAccess.scopeOf(user));
  }

  /** Pauses a running run: no events are sent until it resumes (409 unless running). */
  @Post('pause')
  @HttpCode(200)
  @RequirePermissions('simulator:control')
  @ValidateBody(noBody)
  @ApiOkResponse({ schema: stateResponse })
  async pause(@CurrentUser() user: SessionUser) {
    return this.simulator.control('pause', user, await this.lineAccess.scopeOf(user));
  }

  /** Resumes a paused run (409 unless paused). */
  @Post('resume')
  @HttpCode(200)
  @RequirePermissions('simulator:control')
  @ValidateBody(noBody)
  @ApiOkResponse({ schema: stateResponse })
  async resume(@CurrentUser() user: SessionUser) {
    return this.simulator.control('resume', user, await this.lineAccess.scopeOf(user));
  }

  /** Generates N days of history through the ingestion route; answers when done. */
  @Post('backfill')
  @HttpCode(200)
  @RequirePermissions('simulator:control')
  @ValidateBody(backfillSimulatorSchema)
  @ApiOkResponse({ schema: toOpenApiSchema(backfillResultSchema, 'output') })
  async backfill(@Body() body: BackfillSimulatorInput, @CurrentUser() user: SessionUser) {
    return this.simulator.backfill(body, await this.lineAccess.scopeOf(user));
  }
}
