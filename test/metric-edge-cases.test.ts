import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineProject, inlineWarehouses, runInline, type InlineDb } from './support/inline-project.js';

/** Rules found by review, each on a tiny table whose answer is worked out in the comment beside it. */

const conversion = inlineProject({
  'datasets/h.yaml': 'id: h\ntable: h\ndimensions:\n  - name: stage\n',
  'metrics/m.yaml': `metrics:
  - { id: q2p, kind: conversion, dataset: h, entity: opp, time: ts, from: "stage = 'Q'", to: "stage = 'P'" }
  - { id: q2p_1d, kind: conversion, dataset: h, entity: opp, time: ts, from: "stage = 'Q'", to: "stage = 'P'", window: 24 hours }
`,
});
// Opp 1 goes Q → P in January, opp 2 stays at Q; opp 3 reaches P exactly 24 real hours after Q,
// across the night New York moved its clocks forward (2025-03-09).
const conversionRows = `CREATE TABLE h (opp INTEGER, stage VARCHAR, ts TIMESTAMP);
INSERT INTO h VALUES (1, 'Q', '2025-01-10 10:00'), (1, 'P', '2025-01-20 10:00'), (2, 'Q', '2025-01-11 10:00'),
  (3, 'Q', '2025-03-08 12:00'), (3, 'P', '2025-03-09 12:00');`;

const times = inlineProject({
  'datasets/o.yaml': 'id: o\ntable: o\n',
  'metrics/m.yaml': `metrics:
  - { id: by_dates, kind: count, dataset: o, time: "coalesce(d1, d2)" }
  - { id: by_instants, kind: count, dataset: o, time: "coalesce(t1, t2)" }
  - { id: capped, kind: formula, expr: "greatest(by_dates, by_instants) - least(by_dates, 1)" }
`,
});
// Row 1: March 1 (a date) and 03:00 UTC on March 1 (= February 28 in New York); row 2: March 2 likewise.
const timeRows = `CREATE TABLE o (d1 DATE, d2 DATE, t1 TIMESTAMPTZ, t2 TIMESTAMPTZ);
INSERT INTO o VALUES (DATE '2025-03-01', NULL, TIMESTAMPTZ '2025-03-01 03:00:00+00', NULL),
                     (NULL, DATE '2025-03-02', NULL, TIMESTAMPTZ '2025-03-02 03:00:00+00');`;

const joins = inlineProject({
  'datasets/u.yaml': 'id: users\ntable: u\nwhere: not is_deleted\n',
  'datasets/o.yaml': 'id: opps\ntable: o\njoins:\n  - { name: owner, dataset: users, foreign_key: owner_id }\ndimensions:\n  - { name: region, expr: owner.region }\n',
  'metrics/m.yaml': 'id: opps_created\nkind: count\ndataset: opps\ntime: d\n',
});
// u2 is deleted: its opportunity counts, under no region.
const joinRows = `CREATE TABLE u (id VARCHAR, region VARCHAR, is_deleted BOOLEAN);
INSERT INTO u VALUES ('u1', 'EMEA', FALSE), ('u2', 'NA', TRUE);
CREATE TABLE o (id VARCHAR, owner_id VARCHAR, d DATE);
INSERT INTO o VALUES ('o1', 'u1', DATE '2025-01-05'), ('o2', 'u2', DATE '2025-01-06');`;

describe.each(inlineWarehouses)('on $name', ({ open }) => {
  const dbs: InlineDb[] = [];
  let conv: InlineDb;
  let time: InlineDb;
  let join: InlineDb;
  beforeAll(async () => {
    dbs.push((conv = await open(conversionRows)), (time = await open(timeRows)), (join = await open(joinRows)));
  });
  afterAll(() => Promise.all(dbs.map((db) => db.close())));

  it('a conversion filtered with --where equals the same slice of --by: filters describe the first A row, B rows stay', async () => {
    const request = { metric: 'q2p', grain: 'month' as const, from: '2025-01-01', to: '2025-01-31' };
    expect(await runInline(conversion, conv, { ...request, dimensions: ['stage'] })).toContain('2025-01-01 {"stage":"Q"} 0.5');
    expect(await runInline(conversion, conv, { ...request, filters: [{ dimension: 'stage', values: ['Q'] }] })).toEqual(['2025-01-01 {} 0.5']);
  });

  it('a 24-hour window is 24 real hours across a DST change', async () => {
    const newYork = { ...conversion, config: { ...conversion.config, calendar: { ...conversion.config.calendar, timezone: 'America/New_York' } } };
    expect(await runInline(newYork, conv, { metric: 'q2p_1d', grain: 'month', from: '2025-03-01', to: '2025-03-31' })).toEqual(['2025-03-01 {} 1']);
  });

  it('a time expression keeps its type through coalesce: dates are not shifted, instants are', async () => {
    const newYork = { ...times, config: { ...times.config, calendar: { ...times.config.calendar, timezone: 'America/New_York' } } };
    const request = { grain: 'day' as const, from: '2025-02-28', to: '2025-03-02' };
    expect(await runInline(newYork, time, { metric: 'by_dates', ...request })).toEqual(['2025-02-28 {} 0', '2025-03-01 {} 1', '2025-03-02 {} 1']);
    expect(await runInline(newYork, time, { metric: 'by_instants', ...request })).toEqual(['2025-02-28 {} 1', '2025-03-01 {} 1', '2025-03-02 {} 0']);
  });

  it('greatest and least are null when an argument is null, on every warehouse', async () => {
    // by_dates and by_instants are counts (0, never null): greatest(1, 0) - least(1, 1) = 0 on March 1.
    expect(await runInline(times, time, { metric: 'capped', grain: 'day', from: '2025-03-01', to: '2025-03-01' })).toEqual(['2025-03-01 {} 0']);
  });

  it("a joined row the joined dataset's where excludes counts as missing", async () => {
    expect(await runInline(joins, join, { metric: 'opps_created', grain: 'month', from: '2025-01-01', to: '2025-01-31', dimensions: ['region'] })).toEqual([
      '2025-01-01 {} 2',
      '2025-01-01 {"region":"EMEA"} 1',
      '2025-01-01 {"region":null} 1',
    ]);
  });

  it('a long daily range runs (the period list is one VALUES list, not thousands of unions)', async () => {
    const rows = await runInline(times, time, { metric: 'by_dates', grain: 'day', from: '2005-01-01', to: '2025-12-31' });
    expect(rows).toHaveLength(7670);
  });
});
