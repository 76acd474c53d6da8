import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { requestIdOf } from './platform/common/request-id.js';
import { securityHeaders } from './platform/http/security-headers.js';
import { HttpDrain } from './platform/health/http-drain.js';
import { ShutdownState } from './platform/health/shutdown-state.js';
import { MetricsService } from './platform/metrics/metrics.service.js';
import { mountOpenApi } from './platform/openapi/openapi.js';

const NOT_SPA = /^\/(api|health|metrics|socket\.io)(\/|$)/;

const drains = new WeakMap<NestExpressApplication, HttpDrain>();

/** The application's HTTP drain: what a shutdown closes (see `main.ts`). */
export function httpDrainOf(app: NestExpressApplication): HttpDrain {
  const drain = drains.get(app);
  if (!drain) throw new Error('not an application made by createApp');
  return drain;
}

export function defaultWebDistDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
}

/** Builds the whole HTTP application (not yet listening): API, docs, metrics and the SPA. */
export async function createApp(options: AppModuleOptions): Promise<NestExpressApplication> {
  const { config } = options;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // Before every other handler, so that errors, assets and docs carry them too.
  app.use(securityHeaders(config));
  // Only the configured proxies may say who the client is (X-Forwarded-For): trusting a range
  // (loopback, private networks) would let any client on a plant LAN choose its own address and
  // escape the per-address login limit. None configured: the socket's address is the client.
  app.set('trust proxy', config.TRUSTED_PROXIES.length > 0 ? [...config.TRUSTED_PROXIES] : false);
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.setGlobalPrefix('api', {
    exclude: ['health/live', 'health/ready', 'health/info', 'metrics'],
  });
  if (config.corsOrigins.length > 0)
    app.enableCors({ origin: [...config.corsOrigins], credentials: true });

  // First of all: from SIGTERM on, responses ask their clients to close the connection.
  const drain = new HttpDrain();
  drains.set(app, drain);
  app.get(ShutdownState).signal.addEventListener('abort', () => drain.begin(), { once: true });
  app.use(drain.middleware);

  const metrics = app.get(MetricsService);
  app.use((request: Request, response: Response, next: NextFunction) => {
    const end = metrics.httpDuration.startTimer();
    response.on('finish', () => {
      const routePath = (request.route as { path?: unknown } | undefined)?.path;
      const route = typeof routePath === 'string' ? `${request.baseUrl}${routePath}` : 'unmatched';
      end({ method: request.method, route, status_code: String(response.statusCode) });
    });
    next();
  });

  mountOpenApi(app, options.runtime.version);

  const webDir = config.WEB_DIST_DIR ?? defaultWebDistDir();
  const indexHtml = path.join(webDir, 'index.html');
  if (existsSync(indexHtml)) {
    app.use(
      '/assets',
      express.static(path.join(webDir, 'assets'), { immutable: true, maxAge: '1y' }),
      // A missing asset is missing: the SPA's HTML in its place would be cached as a script.
      (request: Request, response: Response) => {
        response.status(404).json({
          statusCode: 404,
          message: `No asset ${request.originalUrl}`,
          error: 'Not Found',
          requestId: requestIdOf(request, response),
        });
      },
    );
    app.use(express.static(webDir, { index: false, maxAge: 0 }));
    app.use((request: Request, response: Response, next: NextFunction) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_SPA.test(request.path))
        return next();
      if (!request.accepts('html')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(indexHtml);
    });
  }

  await app.init();
  return app;
}
