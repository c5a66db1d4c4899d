import { dayMs } from './calendar.js';
import { products, regionNames, stages } from './org-config.js';
import type { OrgState } from './org-state.js';

/** The small tables: roles, users, stages, products, reports and dashboards. */

export function emitRolesStagesProducts(state: OrgState): void {
  const at = state.span.start - 400 * dayMs;
  for (const role of state.people.roles) {
    state.nextId('user_role');
    state.sink.push('user_role', [role.id, role.name, role.developerName, role.parent, ...state.fivetran(at)]);
  }
  stages.forEach((stage, i) => {
    state.nextId('opportunity_stage');
    state.sink.push('opportunity_stage', [
      i + 1, stage.name, stage.name, i + 1, stage.probability, true, stage.closed, stage.won, stage.forecast, ...state.fivetran(at),
    ]);
  });
  products.forEach((product, i) => {
    state.nextId('product_2');
    const retired = product.code === 'ADD-LEG';
    state.sink.push('product_2', [i + 1, product.name, product.family, product.code, !retired, false, ...state.fivetran(at)]);
  });
}

/** Users, written at the end with the date of their last login. */
export function emitUsers(state: OrgState, lastLogin: Float64Array): void {
  for (const user of state.people.users) {
    const random = state.random(81, user.index);
    const created = state.span.start - random.int(30, 900) * dayMs;
    const last = lastLogin[user.index]! > 0 ? lastLogin[user.index]! : null;
    const manager = user.manager === null ? null : user.manager + 1;
    state.sink.push('user', [
      user.id, user.name, user.email, user.email, user.title, user.department, true, user.role, manager, created, last, user.region, ...state.fivetran(last ?? created),
    ]);
  }
}

const reportTemplates = [
  ['Pipeline by Stage', 'Sales Reports'], ['Closed Won This Quarter', 'Sales Reports'], ['Win Rate by Rep', 'Sales Reports'], ['Activities by Rep', 'Sales Reports'],
  ['Forecast Commit', 'Forecasting'], ['Quota Attainment', 'Forecasting'], ['Leads by Source', 'Marketing Reports'], ['Campaign ROI', 'Marketing Reports'],
  ['MQL to SQL', 'Marketing Reports'], ['Open Cases by Priority', 'Support Reports'], ['Case Resolution Time', 'Support Reports'], ['Renewals Due', 'Customer Success'],
  ['Stale Opportunities', 'Sales Ops'], ['Deals Pushed', 'Sales Ops'], ['New Logos', 'Sales Reports'],
] as const;
const dashboardTemplates = [
  ['Executive Revenue', 'Executive'], ['Pipeline Health', 'Sales Ops'], ['Rep Scorecard', 'Sales Reports'], ['Marketing Funnel', 'Marketing Reports'],
  ['Support Overview', 'Support Reports'], ['Renewals', 'Customer Success'],
] as const;

/** Reports and dashboards, some in daily use, some long forgotten. */
export function emitReportsAndDashboards(state: OrgState, scale: number): void {
  const owners = state.people.users.filter((u) => u.team === 'RevOps' || u.team === 'Manager' || u.team === 'VP');
  const { start, end } = state.span;
  const usage = (random: ReturnType<OrgState['random']>, created: number) => {
    const stale = random.chance(0.35);
    const ago = stale ? random.int(91, 400) : random.int(0, 30);
    const last = Math.max(created + dayMs, end - ago * dayMs - random.int(1, 20) * 3_600_000);
    return last < end ? last : null;
  };
  const variants = Math.max(1, Math.round(3 * Math.sqrt(scale)));
  for (let v = 0; v < variants; v++) {
    for (const [name, folder] of reportTemplates) {
      const id = state.nextId('report');
      const random = state.random(82, id);
      const created = random.chance(0.3) ? start + random.int(0, Math.floor((end - start) / dayMs) - 2) * dayMs : start - random.int(1, 500) * dayMs;
      const region = v === 0 ? '' : ` (${regionNames[v % 3]}${v >= 3 ? ` ${Math.floor(v / 3) + 1}` : ''})`;
      const lastRun = usage(random, created);
      state.sink.push('report', [
        id, `${name}${region}`, folder, random.pick(['Tabular', 'Summary', 'Matrix']), random.pick(owners).id, lastRun,
        lastRun === null ? null : lastRun + random.int(0, 3_600_000), created, random.chance(0.03), ...state.fivetran(lastRun ?? created),
      ]);
    }
    for (const [title, folder] of dashboardTemplates) {
      const id = state.nextId('dashboard');
      const random = state.random(83, id);
      const created = start - random.int(0, 500) * dayMs;
      const viewed = usage(random, created);
      const region = v === 0 ? '' : ` (${regionNames[v % 3]}${v >= 3 ? ` ${Math.floor(v / 3) + 1}` : ''})`;
      state.sink.push('dashboard', [id, `${title}${region}`, folder, viewed, viewed, created, random.chance(0.03), ...state.fivetran(viewed ?? created)]);
    }
  }
}
