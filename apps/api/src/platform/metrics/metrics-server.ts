import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { METRICS_CHALLENGE, METRICS_CONTENT_TYPE, metricsTokenAccepted } from './metrics-token.js';
import { MetricsService } from './metrics.service.js';

/**
 * With `METRICS_PORT`, a listener of its own that serves `/metrics` only, so that the scrape port
 * can stay inside the cluster (a NetworkPolicy, no Service port to the ingress) while the main port
 * faces the plant. `METRICS_TOKEN`, when set, is asked for here too.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MetricsServer');
  private server: Server | undefined;

  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.METRICS_PORT;
    if (port === undefined) return;
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.logger.error(
          `scrape failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        if (!response.headersSent) json(response, 500, 'Could not collect the metrics');
        else response.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`metrics on http://${this.config.HOST}:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://metrics').pathname;
    if (path !== '/metrics') return json(response, 404, `No route ${path}: only /metrics here`);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return json(response, 405, 'Only GET and HEAD');
    }
    const token = this.config.METRICS_TOKEN;
    if (token !== undefined && !metricsTokenAccepted(request.headers.authorization, token)) {
      response.setHeader('WWW-Authenticate', METRICS_CHALLENGE);
      return json(response, 401, 'Missing or wrong metrics token');
    }
    const body = await this.metrics.registry.metrics();
    response.writeHead(200, {
      'Content-Type': METRICS_CONTENT_TYPE,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }
}

function json(response: ServerResponse, statusCode: number, message: string): void {
  response.writeHead(statusCode, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(JSON.stringify({ statusCode, message }));
}
