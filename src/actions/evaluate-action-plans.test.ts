import { beforeAll, describe, expect, it } from 'vitest';
import { listNotifications, listPlanEvents, listPlans, readPlan, replaceSeriesWindow, type Queryable, type SeriesRow, type Store } from '../store/index.js';
import { storeTargets, useFreshStore } from '../store/test-support/store-targets.js';
import { actOnPlan } from './act-on-plan.js';
import type { ActionError } from './action-error.js';
import { evaluateActionPlans } from './evaluate-action-plans.js';
import { plansProject, storeWinRates } from './test-support/plans-project.js';

const project = plansProject();

describe.each(storeTargets)('action plans on %s', (_name, makeTarget) => {
  const opened = useFreshStore(makeTarget);
  let store: Store;
  beforeAll(() => void (store = opened()));

  const history = async (id: number) => (await listPlanEvents(store, id)).map((e) => `${e.actor} ${e.event} ${e.fromState ?? '-'}→${e.toState}`);

  it('opens one plan per breach, escalates it after the due time, and is idempotent', async () => {
    // March and April below the line 0.225 (the breach starts in March); evaluated on May 1.
    await storeWinRates(store, [0.3, 0.3, 0.2, 0.2]);
    const first = await evaluateActionPlans(store, project, { asOf: '2025-05-01T08:00:00.000Z' });
    expect(first.open).toHaveLength(1);
    const again = await evaluateActionPlans(store, project, { asOf: '2025-05-01T08:00:00.000Z' });
    expect(Object.values(again).flat()).toEqual([]);
    const [plan] = await listPlans(store);
    expect(plan).toMatchObject({
      breach: { metric: 'win_rate', grain: 'month', slice: {}, trigger: 'threshold', start: '2025-03-01' },
      state: 'open', owner: 'ana', accountable: 'vp', dueAt: '2025-05-03T08:00:00.000Z', period: '2025-04-01', value: 0.2, thresholdLine: 0.225,
    });
    const [note] = await listNotifications(store, 'ana');
    expect(note).toMatchObject({ kind: 'plan', planId: plan!.id, readAt: null });
    expect(note!.body).toContain('Action: Review every Stage 3 opportunity in EMEA with its owner.');
    expect(note!.body).toContain('Due: 2025-05-03 08:00 UTC');

    // Before the due time nothing escalates; after it, the accountable person is told, once.
    expect((await evaluateActionPlans(store, project, { asOf: '2025-05-03T07:59:00.000Z' })).escalate).toEqual([]);
    expect((await evaluateActionPlans(store, project, { asOf: '2025-05-03T09:00:00.000Z' })).escalate).toEqual([plan!.id]);
    expect((await evaluateActionPlans(store, project, { asOf: '2025-05-04T09:00:00.000Z' })).escalate).toEqual([]);
    expect(await readPlan(store, plan!.id)).toMatchObject({ state: 'open', escalatedTo: 'vp', escalatedAt: '2025-05-03T09:00:00.000Z' });
    expect((await listNotifications(store, 'vp')).map((n) => n.kind)).toEqual(['escalation']);
    expect(await history(plan!.id)).toEqual(['kpitree opened -→open', 'kpitree escalated open→open']);
  });

  it('never half-writes a step: a failure writing the inbox note leaves no plan, and the next run opens it once', async () => {
    const other = plansProject();
    other.owners.ownership = other.owners.ownership.map((o) => (o.metric === 'win_rate' ? { ...o, triggers: [{ id: 'atomic', when: ['threshold'] }] } : o));
    const failing = (db: Queryable): Queryable => ({
      engine: db.engine,
      query: (sql, params) => (/INSERT INTO notifications/.test(sql) ? Promise.reject(new Error('disk full (injected)')) : db.query(sql, params)),
      withTransaction: (fn) => db.withTransaction((tx) => fn(failing(tx))),
    });
    await expect(evaluateActionPlans(failing(store), other, { asOf: '2025-05-01T08:00:00.000Z' })).rejects.toThrow(/disk full/);
    expect((await listPlans(store)).filter((p) => p.breach.trigger === 'atomic')).toEqual([]);
    expect((await evaluateActionPlans(store, other, { asOf: '2025-05-01T08:00:00.000Z' })).open).toHaveLength(1);
    const atomic = (await listPlans(store)).filter((p) => p.breach.trigger === 'atomic');
    expect(atomic).toHaveLength(1);
    // Two people acting on one plan at once: one moves it, the other is told it moved; one event.
    const acts = await Promise.allSettled(['ana', 'vp'].map((person) => actOnPlan(store, other, { planId: atomic[0]!.id, action: 'acknowledge', person, at: '2025-05-01T09:00:00.000Z' })));
    expect(acts.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(String((acts.find((a) => a.status === 'rejected') as PromiseRejectedResult).reason)).toMatch(/is (no longer open|acknowledged)/);
    expect((await listPlanEvents(store, atomic[0]!.id)).map((e) => e.event)).toEqual(['opened', 'acknowledged']);
  });

  it('refuses unknown people and plans, moves the state does not allow, and people not on the plan, writing nothing', async () => {
    const [plan] = await listPlans(store);
    const at = '2025-05-05T10:00:00.000Z';
    const refusal = (act: Partial<Parameters<typeof actOnPlan>[2]>) =>
      actOnPlan(store, project, { planId: plan!.id, action: 'acknowledge', person: 'ana', at, ...act }).catch((e: unknown) => e as ActionError);
    expect(await refusal({ person: 'anna' })).toMatchObject({ field: 'person', message: 'unknown person "anna" in owners.yaml (did you mean "ana"?)' });
    expect(await refusal({ planId: 999 })).toMatchObject({ field: 'plan', message: expect.stringMatching(/no action plan 999/) });
    expect(await refusal({ person: 'bo' })).toMatchObject({ field: 'person', message: expect.stringMatching(/bo is not responsible or accountable for plan/) });
    expect(await history(plan!.id)).toHaveLength(2);
    await actOnPlan(store, project, { planId: plan!.id, action: 'acknowledge', person: 'ana', at });
    expect(await refusal({})).toMatchObject({ field: 'state', message: `plan ${plan!.id} is acknowledged; only open plans can be acknowledged` });
  });

  it('verifies a resolved plan only once the metric has recovered past its threshold', async () => {
    const [plan] = await listPlans(store);
    await actOnPlan(store, project, { planId: plan!.id, action: 'resolve', person: 'ana', at: '2025-05-06T10:00:00.000Z', note: 'reviewed all 14' });
    expect(await readPlan(store, plan!.id)).toMatchObject({ state: 'resolved', reviewAt: '2025-06-06T10:00:00.000Z' });
    // May still below the line: stays resolved until its review date.
    await storeWinRates(store, [0.3, 0.3, 0.2, 0.2, 0.21]);
    expect(Object.values(await evaluateActionPlans(store, project, { asOf: '2025-06-02T00:00:00.000Z' })).flat()).toEqual([]);
    expect((await readPlan(store, plan!.id))!.state).toBe('resolved');
    // June recovers: verified (closed).
    await storeWinRates(store, [0.3, 0.3, 0.2, 0.2, 0.21, 0.24]);
    expect((await evaluateActionPlans(store, project, { asOf: '2025-07-01T00:00:00.000Z' })).verify).toEqual([plan!.id]);
    expect(await history(plan!.id)).toEqual([
      'kpitree opened -→open', 'kpitree escalated open→open', 'ana acknowledged open→acknowledged', 'ana resolved acknowledged→resolved', 'kpitree verified resolved→verified',
    ]);
    expect((await listPlanEvents(store, plan!.id))[3]!.note).toBe('reviewed all 14');
  });

  it('a breach after verification is a new plan linked to the old; a resolved plan not recovered by its review date reopens', async () => {
    const [old] = await listPlans(store);
    // July's target is 0.3 (line 0.27): 0.26 breaks it.
    await storeWinRates(store, [0.3, 0.3, 0.2, 0.2, 0.21, 0.24, 0.26]);
    const step = await evaluateActionPlans(store, project, { asOf: '2025-08-01T00:00:00.000Z' });
    expect(step.open).toHaveLength(1);
    const fresh = (await readPlan(store, step.open[0]!))!;
    expect(fresh).toMatchObject({ recurrenceOf: old!.id, breach: { start: '2025-07-01' }, state: 'open' });
    await actOnPlan(store, project, { planId: fresh.id, action: 'resolve', person: 'vp', at: '2025-08-02T00:00:00.000Z' });
    await storeWinRates(store, [0.3, 0.3, 0.2, 0.2, 0.21, 0.24, 0.26, 0.2]);
    expect((await evaluateActionPlans(store, project, { asOf: '2025-09-01T23:00:00.000Z' })).reopen).toEqual([]); // review on 2025-09-02
    expect((await evaluateActionPlans(store, project, { asOf: '2025-09-02T00:00:00.000Z' })).reopen).toEqual([fresh.id]);
    expect(await readPlan(store, fresh.id)).toMatchObject({ state: 'open', reviewAt: null, escalatedAt: null, dueAt: '2025-09-04T00:00:00.000Z' });
    expect((await listNotifications(store, 'ana'))[0]).toMatchObject({ kind: 'reopened', planId: fresh.id });
    expect(await listPlans(store, { state: 'verified' })).toHaveLength(1);
    expect(await listPlans(store, { owner: 'ana', state: 'open' })).toHaveLength(1);
  });

  it('two evaluations at once open one plan (a lock per breach, and a unique live plan)', async () => {
    const other = plansProject();
    other.owners.ownership = other.owners.ownership.map((o) => (o.metric === 'win_rate' ? { ...o, triggers: [{ id: 'sliding', when: [{ decline: 2 }] }] } : o));
    const results = await Promise.all([1, 2, 3].map(() => evaluateActionPlans(store, other, { asOf: '2025-09-02T00:00:00.000Z' })));
    expect(results.flatMap((r) => r.open)).toHaveLength(0); // 0.26 → 0.2 is one decline only
    await storeWinRates(store, [0.3, 0.3, 0.2, 0.2, 0.21, 0.24, 0.26, 0.2, 0.19]);
    const opened = await Promise.all([1, 2, 3].map(() => evaluateActionPlans(store, other, { asOf: '2025-10-01T00:00:00.000Z' })));
    expect(opened.flatMap((r) => r.open)).toHaveLength(1);
    expect((await listPlans(store)).filter((p) => p.breach.trigger === 'sliding')).toHaveLength(1);
  });

  it('a trigger by region judges each stored region slice: one plan for the region that breaks, naming it', async () => {
    const byRegion = plansProject();
    byRegion.owners.ownership = byRegion.owners.ownership.map((o) => (o.metric === 'win_rate' ? { ...o, triggers: [{ id: 'by_region', when: ['threshold'], by: ['region'] }] } : o));
    const rows = ['2025-09-01', '2025-10-01'].flatMap((period): SeriesRow[] => [
      { period, slice: {}, value: 0.3 },
      { period, slice: { region: 'EMEA' }, value: 0.2 },
      { period, slice: { region: 'NA' }, value: 0.3 },
      { period, slice: { region: 'EMEA', segment: 'smb' }, value: 0.1 },
    ]);
    await replaceSeriesWindow(store, { metric: 'win_rate', grain: 'month', from: '2025-09-01', to: '2025-10-31', rows, runId: 9 });
    const step = await evaluateActionPlans(store, byRegion, { asOf: '2025-11-01T00:00:00.000Z' });
    expect(step.open).toHaveLength(1);
    expect(await readPlan(store, step.open[0]!)).toMatchObject({ breach: { slice: { region: 'EMEA' }, trigger: 'by_region', start: '2025-09-01' }, value: 0.2 });
    expect((await listNotifications(store, 'ana'))[0]!.subject).toBe(`[kpitree] Action plan ${step.open[0]}: Win rate (region=EMEA) is past its threshold`);
  });
});
