import { describe, expect, it } from 'vitest';
import { pruneTree, type RawTreeNode } from './prune-tree.js';

const tree: RawTreeNode = {
  metric: 'revenue',
  formula: 'won_deals * average_deal_size',
  children: [
    { metric: 'won_deals', formula: 'closed_deals * win_rate', children: [{ metric: 'closed_deals', drivers: [{ metric: 'pipeline_created', lag: '6 weeks' }] }, { metric: 'win_rate' }] },
    { metric: 'average_deal_size' },
  ],
  drivers: [{ metric: 'mql_rate' }, { metric: 'activities' }],
};

describe('pruning the default tree to the computable metrics', () => {
  it('keeps a tree whose metrics are all there as it is', () => {
    const all = new Set(['revenue', 'won_deals', 'closed_deals', 'win_rate', 'average_deal_size', 'pipeline_created', 'mql_rate', 'activities']);
    expect(pruneTree(tree, all)).toEqual({ root: tree, notes: [] });
  });

  it('a formula node that loses a child loses its formula and its formula children; a lost driver goes alone', () => {
    const keep = new Set(['revenue', 'won_deals', 'closed_deals', 'average_deal_size', 'pipeline_created', 'activities']);
    const { root, notes } = pruneTree(tree, keep);
    expect(root).toEqual({
      metric: 'revenue',
      formula: 'won_deals * average_deal_size',
      children: [{ metric: 'won_deals' }, { metric: 'average_deal_size' }],
      drivers: [{ metric: 'activities' }],
    });
    expect(notes).toEqual([
      'won_deals lost its formula (closed_deals * win_rate) because win_rate is not computable; its other formula children went with it: closed_deals, pipeline_created',
      'driver mql_rate of revenue left out (not computable)',
    ]);
  });

  it('a tree whose root is not computable is not written', () => {
    expect(pruneTree(tree, new Set(['won_deals']))).toEqual({ notes: ["the tree's root revenue is not computable: the tree was not written"] });
  });
});
