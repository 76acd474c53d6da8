import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/auth.decorators.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { METRICS_CHALLENGE, METRICS_CONTENT_TYPE, metricsTokenAccepted } from './metrics-token.js';
import { MetricsService } from './metrics.service.js';

/**
 * `/metrics` on the main port: open, or behind `METRICS_TOKEN` (its own bearer token, not a
 * user's); absent (`404`) when `METRICS_PORT` serves it on a port of its own.
 */
@ApiTags('metrics')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  // No `security` in the document: the metrics token is not a user's bearer token.
  @ApiOkResponse({
    description:
      'Prometheus text format. With METRICS_TOKEN set: `Authorization: Bearer <METRICS_TOKEN>` is required.',
  })
  @ApiUnauthorizedResponse({
    description: 'METRICS_TOKEN is set and the request does not carry it as a bearer token',
  })
  @ApiNotFoundResponse({ description: 'METRICS_PORT is set: scrape that port instead' })
  scrape(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string> {
    if (this.config.METRICS_PORT !== undefined)
      throw new NotFoundException(`Metrics are served on port ${this.config.METRICS_PORT}`);
    const token = this.config.METRICS_TOKEN;
    if (token !== undefined && !metricsTokenAccepted(request.headers.authorization, token)) {
      response.setHeader('WWW-Authenticate', METRICS_CHALLENGE);
      throw new UnauthorizedException('Missing or wrong metrics token');
    }
    // Set here, not with @Header: a refusal above must stay a JSON error body.
    response.setHeader('Content-Type', METRICS_CONTENT_TYPE);
    response.setHeader('Cache-Control', 'no-store');
    return this.metrics.registry.metrics();
  }
}
