import { Injectable } from '@nestjs/common';
import {
  type Interval,
  apportionCounts,
  buildStateTimeline,
  countsSpan,
  partsInWindow,
} from '@ms5/oee';
import { OeeRepository } from './oee.repository.js';

export interface PartCount {
  good: number;
  reject: number;
}

/**
 * Parts made in given windows by the same rule as OEE: each count event's parts belong to the
 * time since the equipment's previous count, spread over its running time in it. The hour-by-hour
 * board and job progress use it, so their numbers add up to OEE's.
 */
@Injectable()
export class PartCountsService {
  constructor(private readonly repository: OeeRepository) {}

  /**
   * Good and reject parts of the equipment (summed) made in each window, in the windows' order,
   * from the reports made by `reportedBy` (epoch ms): a later report is not known yet, even when
   * its parts were made inside a window.
   */
  async partsIn(
    equipmentIds: readonly string[],
    windows: readonly Interval[],
    reportedBy: number,
  ): Promise<PartCount[]> {
    const out: PartCount[] = windows.map(() => ({ good: 0, reject: 0 }));
    const live = windows.filter((w) => w.end > w.start);
    if (live.length === 0) return out;
    const range = {
      start: Math.min(...live.map((w) => w.start)),
      end: Math.max(...live.map((w) => w.end)),
    };
    const perEquipment = await Promise.all(
      equipmentIds.map((equipmentId) =>
        this.equipmentParts(equipmentId, range, windows, reportedBy),
      ),
    );
    for (const parts of perEquipment) {
      parts.forEach((p, index) => {
        const sum = out[index];
        if (sum) {
          sum.good += p.good;
          sum.reject += p.reject;
        }
      });
    }
    return out;
  }

  private async equipmentParts(
    equipmentId: string,
    range: Interval,
    windows: readonly Interval[],
    reportedBy: number,
  ): Promise<PartCount[]> {
    const counts = (await this.repository.countEvents(equipmentId, range, null)).filter(
      (count) => count.ts <= reportedBy,
    );
    if (counts.length === 0) return windows.map(() => ({ good: 0, reject: 0 }));
    const span = countsSpan(range, counts);
    const events = await this.repository.stateEvents(equipmentId, span);
    const apportioned = apportionCounts(counts, buildStateTimeline(events, span));
    return windows.map((window) => {
      const { good, reject } = partsInWindow(apportioned, window, []);
      return { good, reject };
    });
  }
}
