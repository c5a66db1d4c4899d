import { contactTitles, industries, regionNames, regions, segmentNames, segments, type SegmentName } from './org-config.js';
import type { OrgState } from './org-state.js';
import type { Person } from './people.js';
import type { Random } from './random.js';

/**
 * The accounts of the org and their contacts. Accounts change (a prospect becomes a customer,
 * a customer churns), so they are kept in compact arrays and written once, at the end; their
 * contacts are written when the account is created.
 */

export const accountStatus = { prospect: 0, customer: 1, former: 2 } as const;
const statusNames = ['Prospect', 'Customer', 'Former Customer'];

const namePrefixes = ['Northwind', 'Bluebird', 'Summit', 'Cobalt', 'Redwood', 'Atlas', 'Lumen', 'Harbor', 'Vertex', 'Orchid', 'Granite', 'Beacon', 'Silverline', 'Maple', 'Nimbus', 'Quartz', 'Pioneer', 'Helix', 'Juniper', 'Meridian'];
const nameSuffixes = ['Analytics', 'Logistics', 'Health', 'Foods', 'Systems', 'Capital', 'Media', 'Labs', 'Energy', 'Retail', 'Robotics', 'Partners'];
const contactFirst = ['Alex', 'Sasha', 'Robin', 'Kai', 'Jamie', 'Noor', 'Emil', 'Mina', 'Theo', 'Ada', 'Luca', 'Ines', 'Ravi', 'Yara', 'Owen', 'Lin'];
const contactLast = ['Hart', 'Ng', 'Fox', 'Adler', 'Baker', 'Cruz', 'Dahl', 'Engel', 'Frost', 'Gill', 'Holm', 'Ivers', 'Jain', 'Kerr', 'Lund', 'Mora'];

export function companyName(random: Random): string {
  return `${random.pick(namePrefixes)} ${random.pick(nameSuffixes)} ${random.int(1, 999)}`;
}

export function emailAt(random: Random, company: string): string {
  const domain = company.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return `${random.pick(contactFirst).toLowerCase()}.${random.pick(contactLast).toLowerCase()}@${domain}.example.com`;
}

/** A contact's email, the same wherever it is written (the contact row, emails sent to it). */
export function contactEmail(state: OrgState, contact: number, account: number): string {
  return emailAt(state.random(61, contact), state.accounts.names[account]!);
}

export interface NewAccount {
  owner: Person;
  segment: SegmentName;
  created: number;
  name: string;
  industry: string;
  leadSource: string;
  /** The converted lead's email becomes the first contact's. */
  firstEmail?: string;
}

export class AccountBook {
  private capacity = 1024;
  count = 0;
  owner = new Int32Array(this.capacity);
  segment = new Uint8Array(this.capacity);
  status = new Uint8Array(this.capacity);
  industry = new Uint8Array(this.capacity);
  created = new Float64Array(this.capacity);
  firstContact = new Float64Array(this.capacity);
  contacts = new Uint8Array(this.capacity);
  /** Annual contract value of a customer. */
  arr = new Float64Array(this.capacity);
  hasOpportunity = new Uint8Array(this.capacity);
  private customerPosition = new Int32Array(this.capacity);
  names: string[] = [];
  /** Per AE (user index): the accounts they own, and the customers among them. */
  readonly books = new Map<number, number[]>();
  readonly customers = new Map<number, number[]>();

  /** Creates an account and writes its contacts; returns its index (its id number is index + 1). */
  create(state: OrgState, account: NewAccount, random: Random): number {
    if (this.count === this.capacity) this.grow();
    const index = this.count++;
    const id = state.nextId('account');
    if (id !== index + 1) throw new Error('account ids out of step');
    this.owner[index] = account.owner.index;
    this.segment[index] = segmentNames.indexOf(account.segment);
    this.industry[index] = industries.indexOf(account.industry);
    this.created[index] = account.created;
    this.names.push(account.name);
    const contacts = Math.max(1, Math.round(segments[account.segment].contacts * (0.6 + random.next() * 0.8)));
    this.contacts[index] = contacts;
    for (let k = 0; k < contacts; k++) {
      const contact = state.nextId('contact');
      if (k === 0) this.firstContact[index] = contact;
      const email = k === 0 && account.firstEmail ? account.firstEmail : contactEmail(state, contact, index);
      const created = account.created + k * random.int(0, 40) * 86_400_000;
      const when = Math.min(created, state.span.end - 3_600_000);
      const { deleted, hardDeleted } = state.deletion(random);
      state.sink.push('contact', [contact, id, account.owner.id, email, random.pick(contactTitles), account.leadSource, when, deleted, ...state.fivetran(when, hardDeleted)]);
    }
    let book = this.books.get(account.owner.index);
    if (!book) this.books.set(account.owner.index, (book = []));
    book.push(index);
    return index;
  }

  makeCustomer(index: number, arr: number): void {
    this.arr[index] = arr;
    if (this.status[index] === accountStatus.customer) return;
    this.status[index] = accountStatus.customer;
    const list = this.customersOf(this.owner[index]!);
    this.customerPosition[index] = list.length;
    list.push(index);
  }

  churn(index: number): void {
    if (this.status[index] !== accountStatus.customer) return;
    this.status[index] = accountStatus.former;
    const list = this.customersOf(this.owner[index]!);
    const last = list.pop()!;
    if (last !== index) {
      const at = this.customerPosition[index]!;
      list[at] = last;
      this.customerPosition[last] = at;
    }
  }

  customersOf(userIndex: number): number[] {
    let list = this.customers.get(userIndex);
    if (!list) this.customers.set(userIndex, (list = []));
    return list;
  }

  /** Writes every account in its state at the as-of date. */
  emitAll(state: OrgState): void {
    for (let index = 0; index < this.count; index++) {
      const random = state.random(31, index);
      const segment = segments[segmentNames[this.segment[index]!]!];
      const owner = state.people.users[this.owner[index]!]!;
      const region = regions[regionNames.indexOf(owner.region!)]!;
      const [low, high] = segment.employees;
      const employees = Math.round(low * Math.pow(high / low, random.next()));
      const revenue = Math.round((employees * random.int(80, 260)) / 1000) * 1000;
      const parent = segment.name === 'Enterprise' && index > 20 && random.chance(0.05) ? random.int(1, index) : null;
      // Only accounts never used by an opportunity are deleted, as Salesforce cascades deletes.
      const { deleted, hardDeleted } = this.hasOpportunity[index] ? { deleted: false, hardDeleted: false } : state.deletion(random);
      const created = this.created[index]!;
      state.sink.push('account', [
        index + 1, this.names[index]!, statusNames[this.status[index]!]!, industries[this.industry[index]!]!, owner.id, parent, revenue * 1000, employees,
        random.pick(region.countries), created, deleted, segment.name, ...state.fivetran(created, hardDeleted),
      ]);
    }
  }

  private grow(): void {
    this.capacity *= 2;
    const widen = <T extends Int32Array | Uint8Array | Float64Array>(old: T): T => {
      const next = new (old.constructor as new (n: number) => T)(this.capacity);
      next.set(old);
      return next;
    };
    this.owner = widen(this.owner);
    this.segment = widen(this.segment);
    this.status = widen(this.status);
    this.industry = widen(this.industry);
    this.created = widen(this.created);
    this.firstContact = widen(this.firstContact);
    this.contacts = widen(this.contacts);
    this.arr = widen(this.arr);
    this.hasOpportunity = widen(this.hasOpportunity);
    this.customerPosition = widen(this.customerPosition);
  }
}
