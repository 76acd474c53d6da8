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

  /**
   * Over the user's lines only (a plant-wide figure becomes that of the user's lines); `lineId`
   * of another line is 403.
   */
  async compute(query: AndonInsightsQuery, user: SessionUser): Promise<AndonInsights> {
    // The window (after `from`, at most 366 days) is checked by `andonInsightsQuerySchema`.
    const lineIds = (await this.lineAccess.scopeOf(user)).narrow(query.lineId);
    return this.insights.compute(query, lineIds);
  }
}
