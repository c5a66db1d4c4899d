import { describe, expect, it } from 'vitest';
import { salesOwners } from './test-support/sales-owners.js';
import { canSeeMetric, canSeeSlice, defaultSlices, viewScope, type ViewScope } from './view-scope.js';

const scopeOf = (person: string): ViewScope => viewScope(salesOwners, person)!;
const allMetrics = ['closed_won_revenue', 'pipeline_created', 'opportunities_created', 'win_rate', 'average_deal_size', 'unowned'];
const visible = (person: string) => allMetrics.filter((m) => canSeeMetric(scopeOf(person), m));

describe('viewScope: who sees which metrics', () => {
  it('executives and admins see every metric, owned or not, and every slice', () => {
    for (const person of ['cro', 'ops']) {
      expect(visible(person)).toEqual(allMetrics);
      expect(canSeeSlice(scopeOf(person), { rep: 'Ben', region: 'NA' })).toBe(true);
    }
  });

  it("a manager sees their branch's metrics (responsible or accountable below them) and those naming them", () => {
    expect(visible('emea_mgr')).toEqual(['pipeline_created', 'opportunities_created', 'average_deal_size']);
    expect(visible('na_mgr')).toEqual(['win_rate']);
    // The VP's branch holds both teams; the CRO's own metric is above it.
    expect(visible('vp')).toEqual(['pipeline_created', 'opportunities_created', 'win_rate', 'average_deal_size']);
  });

  it('a rep sees only the metrics they are responsible for', () => {
    expect(visible('ana')).toEqual(['pipeline_created']);
    expect(visible('ben')).toEqual(['win_rate']);
  });

  it('a person not in owners.yaml has no scope at all', () => {
    expect(viewScope(salesOwners, 'stranger')).toBeUndefined();
  });
});

describe('canSeeSlice: whose numbers', () => {
  it("a rep reads only slices naming them, by name or Salesforce user id, never the total or another rep's", () => {
    const ana = scopeOf('ana');
    expect(canSeeSlice(ana, { rep: 'Ana' })).toBe(true);
    expect(canSeeSlice(ana, { owner_id: 'u1', region: 'EMEA' })).toBe(true);
    expect(canSeeSlice(ana, {})).toBe(false);
    expect(canSeeSlice(ana, { region: 'EMEA' })).toBe(false);
    expect(canSeeSlice(ana, { rep: 'Ben' })).toBe(false);
    expect(canSeeSlice(ana, { rep: 'Ana', owner_id: 'u2' })).toBe(false);
    expect(canSeeSlice(ana, { rep: null })).toBe(false);
  });

  it("a manager reads the total, non-person slices and their branch's people, not another branch's", () => {
    const emea = scopeOf('emea_mgr');
    expect(canSeeSlice(emea, {})).toBe(true);
    expect(canSeeSlice(emea, { region: 'NA' })).toBe(true);
    expect(canSeeSlice(emea, { rep: 'Ana' })).toBe(true);
    expect(canSeeSlice(emea, { owner_id: 'u3' })).toBe(true);
    expect(canSeeSlice(emea, { rep: 'Ben' })).toBe(false);
    expect(canSeeSlice(scopeOf('vp'), { rep: 'Ben' })).toBe(true);
  });

  it("the default slice is the total, or a rep's own slice by each person dimension", () => {
    expect(defaultSlices(scopeOf('emea_mgr'))).toEqual([{}]);
    expect(defaultSlices(scopeOf('ana'))).toEqual([{ rep: 'Ana' }, { owner_id: 'u1' }]);
  });
});
