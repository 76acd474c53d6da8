import { Injectable } from '@nestjs/common';
import type { AndonInsights, AndonInsightsQuery, SessionUser } from '@ms5/contracts';
import { AndonInsightsRepository } from './andon-insights.repository.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';

@Injectable()
export class AndonInsightsService {
  constructor(
    private readonly insights: AndonInsightsRepository,
    private readonly lineAccess: LineAccessService,
  ) {}

  async compute(query: AndonInsightsQuery, user: SessionUser): Promise<AndonInsights> {
    // The window (after `from`, at most 366 days) is checked by `andonInsightsQuerySchema`.
    return this.insights.compute(query, await this.lineAccess.visibleLines(user.id));
  }
}
