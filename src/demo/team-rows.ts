import { companyName } from './account-book.js';
import { addMonths, dayMs, hourMs, nextQuarterStart, quarterStart, weekMs } from './calendar.js';
import { scheduleRenewal } from './emit-opportunity.js';
import { industries, rates, segments } from './org-config.js';
import type { OrgState } from './org-state.js';

/** What the team starts with and does besides selling: the initial book of accounts, quotas, logins. */

/** Each AE starts with a book of accounts made before the span; some are customers, with renewals coming. */
export function seedBooks(state: OrgState): void {
  for (const ae of state.people.aes) {
    const random = state.random(91, ae.index);
    const segment = segments[ae.segment!];
    const size = Math.round(segment.book * (0.8 + random.next() * 0.4));
    for (let k = 0; k < size; k++) {
      const created = state.span.start - random.int(30, 1500) * dayMs;
      const account = state.accounts.create(
        state,
        { owner: ae, segment: segment.name, created, name: companyName(random), industry: random.pick(industries), leadSource: random.pick(['Web', 'Outbound', 'Trade Show', 'Partner Referral']) },
        random,
      );
      if (!random.chance(rates.initialCustomerShare)) continue;
      state.accounts.makeCustomer(account, segment.dealSize * random.lognormal(0.5));
      const term = random.pick([12, 12, 12, 24, 36]);
      let renewal = addMonths(created, term);
      while (renewal - 90 * dayMs < state.span.start) renewal = addMonths(renewal, term);
      scheduleRenewal(state, account, renewal);
    }
  }
}

/** Quotas for every AE for the quarter that starts this week (and for the first quarter of the span). */
export function emitQuotas(state: OrgState, monday: number): void {
  const quarters: number[] = [];
  if (state.week === 0) quarters.push(quarterStart(monday));
  const next = nextQuarterStart(monday);
  if (next < monday + weekMs && next < state.span.end) quarters.push(next);
  for (const quarter of quarters) {
    const growth = Math.pow(1 + rates.growth, (quarter - state.span.start) / (365.25 * dayMs));
    for (const ae of state.people.aes) {
      const random = state.random(92, ae.index, quarter);
      const amount = Math.round((segments[ae.segment!].dealSize * 10 * growth * (0.9 + random.next() * 0.2)) / 1000) * 1000;
      const created = quarter - random.int(5, 20) * dayMs;
      state.sink.push('forecasting_quota', [state.nextId('forecasting_quota'), ae.id, amount, quarter, created, ...state.fivetran(created)]);
    }
  }
}

/** Logins on working days: most people most days, a few failures. Returns nothing; records each user's last login. */
export function emitLogins(state: OrgState, monday: number, lastLogin: Float64Array): void {
  for (const user of state.people.users) {
    const random = state.random(93, user.index, state.week);
    for (let day = 0; day < 7; day++) {
      const busy = day < 5 ? 0.85 : 0.06;
      for (let n = 0; n < 2 && random.chance(n === 0 ? busy : 0.2); n++) {
        const at = monday + day * dayMs + (7 + random.next() * 11) * hourMs;
        if (at >= state.span.end) continue;
        const ok = random.chance(0.98);
        const mobile = random.chance(0.15);
        state.sink.push('login_history', [
          state.nextId('login_history'), user.id, at, mobile ? 'Remote Access 2.0' : random.chance(0.3) ? 'SAML Sso' : 'Application', ok ? 'Success' : 'Invalid Password',
          mobile ? random.pick(['Salesforce for iOS', 'Salesforce for Android']) : 'Browser', ...state.fivetran(at),
        ]);
        if (ok && at > lastLogin[user.index]!) lastLogin[user.index] = at;
      }
    }
  }
}
