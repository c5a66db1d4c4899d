import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject, formatIssue, loadProject, type Project } from '../../model/index.js';
import { loadProjectFolder } from '../../project/index.js';
import { auditProject } from './audit-project.js';

function project(files: Record<string, string>): Project {
  const all = { 'kpitree.yaml': 'name: t\nwarehouse: "duckdb::memory:"\n', 'datasets/d.yaml': 'id: d\ntable: d\n', ...files };
  const { project, issues } = loadProject(Object.entries(all).map(([path, text]) => ({ path, text })));
  issues.push(...checkProject(project));
  if (issues.length > 0) throw new Error(issues.map(formatIssue).join('\n'));
  return project;
}

const metrics = `metrics:
  - { id: revenue, kind: sum, dataset: d, expr: amount, time: ts, layer: revenue_retention, indicator: lagging }
  - { id: win_rate, kind: average, dataset: d, expr: won, time: ts, layer: conversion_quality, indicator: leading }
  - { id: coverage, kind: average, dataset: d, expr: c, time: ts, layer: pipeline_health, indicator: leading }
  - { id: replies, kind: count, dataset: d, time: ts, layer: outreach, indicator: leading }
  - { id: renewals_due, kind: sum, dataset: d, expr: due, time: ts, layer: revenue_retention, indicator: leading }
`;
const tree = `id: t\nroot:\n  metric: revenue\n  drivers:\n    - metric: win_rate\n    - metric: coverage\n      drivers:\n        - metric: replies\n    - metric: renewals_due\n`;
const own = (metric: string, review: string, extra = '') =>
  `  - { metric: ${metric}, responsible: ana, target: { value: 1, direction: higher }, threshold: { margin: 0.1 }, review: ${review}, playbook: { action: Act, due: 1 day }${extra} }\n`;
const people = 'people:\n  - { id: ana, name: Ana, role: manager }\nownership:\n';
const clean = people + own('revenue', 'monthly') + own('win_rate', 'weekly') + own('coverage', 'monthly') + own('replies', 'daily') + own('renewals_due', 'monthly');

describe('auditProject', () => {
  it('passes a project that meets every rule', () => {
    expect(auditProject(project({ 'metrics/m.yaml': metrics, 'trees/t.yaml': tree, 'owners.yaml': clean }))).toEqual([]);
  });

  it('finds each rule broken once, with the place and a concrete fix', () => {
    const owners = people
      + own('revenue', 'quarterly')
      + '  - { metric: win_rate, responsible: ana, review: weekly }\n'
      + own('coverage', 'monthly')
      + own('lonely', 'weekly');
    const extra = '  - { id: lonely, kind: count, dataset: d, time: ts, layer: outreach, indicator: lagging }\n';
    const findings = auditProject(project({ 'metrics/m.yaml': metrics.replace('layer: outreach, indicator: leading', 'indicator: leading') + extra, 'trees/t.yaml': tree, 'owners.yaml': owners }));
    expect(findings.map((f) => `${f.rule} ${f.subject}${f.at ? ` ${f.at.file}:${f.at.line}` : ''}`)).toEqual([
      'owned renewals_due metrics/m.yaml:6',
      'owned replies metrics/m.yaml:5',
      'target win_rate owners.yaml:5',
      'threshold win_rate owners.yaml:5',
      'playbook win_rate owners.yaml:5',
      'cadence revenue owners.yaml:4',
      'layer replies metrics/m.yaml:5',
      'revenue_link lonely owners.yaml:7',
      'leading_indicator outreach', // replies lost its layer; lonely is on no tree
    ]);
    const by = (rule: string) => findings.find((f) => f.rule === rule)!;
    expect(by('owned').fix).toBe('add to owners.yaml ownership: - { metric: renewals_due, responsible: ana, target: { value: <number>, direction: higher }, review: monthly }');
    expect(by('cadence').message).toBe('revenue (revenue_retention) is reviewed quarterly; revenue_retention KPIs are reviewed weekly or monthly');
    expect(by('cadence').fix).toBe('change review: quarterly to review: monthly');
    expect(by('playbook').fix).toMatch(/^add playbook: \{ action: ".*", due: 3 days \}$/);
  });

  it('wants a leading indicator in every layer and 10 metrics or fewer on the executive dashboard', () => {
    const lagging = metrics.replace('layer: conversion_quality, indicator: leading', 'layer: conversion_quality, indicator: lagging');
    const wide = `id: t\nroot:\n  metric: revenue\n  drivers:\n${Array.from({ length: 10 }, (_, i) => `    - metric: m${i}\n`).join('')}    - metric: win_rate\n    - metric: coverage\n    - metric: replies\n    - metric: renewals_due\n`;
    const many = Array.from({ length: 10 }, (_, i) => `  - { id: m${i}, kind: count, dataset: d, time: ts, layer: outreach, indicator: leading }\n`).join('');
    const owners = clean + Array.from({ length: 10 }, (_, i) => own(`m${i}`, 'weekly')).join('');
    const findings = auditProject(project({ 'metrics/m.yaml': lagging + many, 'trees/t.yaml': wide, 'owners.yaml': owners }));
    expect(findings.map((f) => f.rule)).toEqual(['leading_indicator', 'executive_dashboard']);
    expect(findings[0]!.message).toBe('layer conversion_quality has no leading indicator: its metrics on the trees (win_rate) are all lagging or unmarked');
    expect(findings[1]!.message).toMatch(/^the executive dashboard \(every tree's root and the metrics right below it\) has 15 metrics: revenue, m0, /);
  });

  it('audits the Salesforce catalogue: every tree metric owned and targeted; the gaps it has are named', async () => {
    const { project: catalogue, issues } = await loadProjectFolder(resolve(import.meta.dirname, '../../../catalog/salesforce'));
    expect(issues).toEqual([]);
    const findings = auditProject(catalogue);
    const count = (rule: string) => findings.filter((f) => f.rule === rule).length;
    expect(count('owned') + count('target') + count('layer') + count('executive_dashboard')).toBe(0);
    // Conversion quality on the trees is all lagging (won deals, win rate, deal size, cycle length).
    expect(findings.filter((f) => f.rule === 'leading_indicator').map((f) => f.subject)).toEqual(['conversion_quality']);
    expect(findings.find((f) => f.subject === 'pipeline_coverage_ratio')).toBeUndefined();
    expect(findings.filter((f) => f.subject === 'campaign_responses').map((f) => f.rule)).toEqual(['threshold', 'playbook', 'cadence', 'revenue_link']);
    expect(count('playbook')).toBeGreaterThan(0);
  });
});
