import { describe, expect, it } from 'vitest';
import { planSchedules, syncedMetrics, treeMetrics } from '../../src/sync/index.js';
import { loadCrmProject } from '../support/crm-project.js';

describe('which metrics a sync keeps, and when', () => {
  const crm = loadCrmProject();

  it('keeps every metric of every tree once, parents first', () => {
    expect(treeMetrics(crm, 'revenue')).toEqual(['closed_won_revenue', 'won_deals', 'closed_deals', 'pipeline_created', 'win_rate', 'average_deal_size']);
    expect(syncedMetrics(crm)).toEqual(treeMetrics(crm, 'revenue'));
    expect(syncedMetrics({ ...crm, trees: new Map() })).toEqual([...crm.metrics.keys()]);
  });

  it('gives each schedule its trees and metrics, and the default cron every other metric', () => {
    const sync = { ...crm.config.sync, cron: '0 6 * * *', schedules: [{ cron: '*/15 * * * *', trees: [], metrics: ['win_rate', 'opportunities_created'] }] };
    const project = { ...crm, config: { ...crm.config, sync } };
    expect(syncedMetrics(project)).toContain('opportunities_created');
    expect(planSchedules(project)).toEqual([
      { name: 'default', cron: '0 6 * * *', metrics: ['closed_won_revenue', 'won_deals', 'closed_deals', 'pipeline_created', 'average_deal_size'] },
      { name: 'schedule-1', cron: '*/15 * * * *', metrics: ['win_rate', 'opportunities_created'] },
    ]);
    const all = { ...sync, schedules: [{ cron: '0 * * * *', trees: ['revenue'], metrics: [] }] };
    expect(planSchedules({ ...crm, config: { ...crm.config, sync: all } })).toEqual([{ name: 'schedule-1', cron: '0 * * * *', metrics: treeMetrics(crm, 'revenue') }]);
  });
});
