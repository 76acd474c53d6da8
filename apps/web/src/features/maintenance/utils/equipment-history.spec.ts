import { describe, expect, it } from 'vitest';
import { buildTimeline, kpiTiles } from '@/features/maintenance/utils/equipment-history';
import { andonCall, kpis, stop } from '@/features/maintenance/testing/maintenance-plan-fixtures';
import { summary } from '@/features/maintenance/testing/work-order-fixtures';

const WINDOW = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-11T00:00:00.000Z' };

describe('buildTimeline', () => {
  it('merges stops, andon calls and work orders newest first, dropping what began outside the period', () => {
    const entries = buildTimeline(
      [stop(), stop({ downtimeEventId: '1', startedAt: '2026-02-01T00:00:00.000Z' })],
      [andonCall()],
      [summary()],
      WINDOW,
    );
    // Work order created 07:55, andon call raised 07:45, stop began 07:40.
    expect(entries.map((entry) => entry.kind)).toEqual(['work-order', 'andon', 'stop']);
    expect(entries.map((entry) => entry.at)).toEqual([
      '2026-03-10T07:55:00.000Z',
      '2026-03-10T07:45:00.000Z',
      '2026-03-10T07:40:00.000Z',
    ]);
  });
});

describe('kpiTiles', () => {
  it('gives each of the eight KPIs its value, unit and the figures it came from', () => {
    const tiles = kpiTiles(kpis());
    expect(tiles.map((tile) => tile.label)).toEqual([
      'MTBF',
      'MTTR',
      'Work-order MTTR',
      'MTTA',
      'PM compliance',
      'Planned maintenance',
      'Backlog',
      'Corrective ratio',
    ]);
    const byKey = new Map(tiles.map((tile) => [tile.key, tile]));
    expect(byKey.get('mtbf')).toMatchObject({ value: '2 h', unit: 'time' });
    expect(byKey.get('mtbf')?.how).toContain('8 h ÷ 4');
    expect(byKey.get('pm-compliance')).toMatchObject({ value: '75.0 %', unit: '%' });
    expect(byKey.get('pm-compliance')?.how).toContain('3 ÷ 4');
    expect(byKey.get('planned')?.how).toContain('180 min ÷ 300 min');
    expect(byKey.get('backlog')).toMatchObject({ value: '3.5 h', unit: 'h' });
  });

  it('shows a dash for a ratio without a basis (no failure, nothing due)', () => {
    const tiles = kpiTiles(kpis({ mtbfSeconds: null, pmCompliance: null }));
    expect(tiles.find((tile) => tile.key === 'mtbf')?.value).toBe('—');
    expect(tiles.find((tile) => tile.key === 'pm-compliance')?.value).toBe('—');
  });
});
