import { Injectable } from '@nestjs/common';
import type { AndonInsights, AndonInsightsQuery, SessionUser } from '@ms5/contracts';
import { FieldValidationException } from '../../platform/common/validation.js';
import { AndonInsightsRepository } from './andon-insights.repository.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';

const MAX_RANGE_DAYS = 366;

@Injectable()
export class AndonInsightsService {
  constructor(
    private readonly insights: AndonInsightsRepository,
    private readonly lineAccess: LineAccessService,
  ) {}

  async compute(query: AndonInsightsQuery, user: SessionUser): Promise<AndonInsights> {
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    if (!(to > from))
      throw new FieldValidationException([{ path: 'to', message: 'Must be after from' }]);
    if (to - from > MAX_RANGE_DAYS * 86_400_000) {
      throw new FieldValidationException([
        { path: 'to', message: `At most ${MAX_RANGE_DAYS} days after from` },
      ]);
    }
    return this.insights.compute(query, await this.lineAccess.visibleLines(user.id));
  }
}
