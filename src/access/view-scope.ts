import type { Owners, Person } from '../model/index.js';
import type { Slice } from '../store/index.js';

/**
 * The dimensions whose values name a person, and which of a person's fields each holds: the
 * catalogue's `rep` is the Salesforce user's name, `owner_id` their user id. A slice with one of
 * them is that person's numbers.
 */
export const personDimensions: Readonly<Record<string, (person: Person) => string | undefined>> = {
  rep: (person) => person.name,
  owner_id: (person) => person.salesforce_user_id,
};

/** What one person may read: decided once per request from owners.yaml, applied to every route. */
export interface ViewScope {
  person: Person;
  /** Executive and admin: every metric and every slice. */
  everything: boolean;
  /** Otherwise, the metrics they may read. */
  metrics: ReadonlySet<string>;
  /** Otherwise, the people whose own slices they may read (a manager's branch; a rep themselves). */
  people: readonly Person[];
  /** A rep reads only slices naming themselves: never the total nor another dimension alone. */
  ownSliceOnly: boolean;
}

/**
 * The visibility rules, in one place. Executives and admins see everything. A manager sees the
 * metrics that anyone of their branch (the teams naming them manager and every team below) is
 * responsible or accountable for, plus those naming them anywhere in the RACI; of those, the total and every
 * slice except another branch's people. A rep sees the metrics they are responsible for, and only
 * the slices naming them. A person not in owners.yaml sees nothing.
 */
export function viewScope(owners: Owners, personId: string): ViewScope | undefined {
  const person = owners.people.find((p) => p.id === personId);
  if (!person) return undefined;
  if (person.role === 'executive' || person.role === 'admin') return { person, everything: true, metrics: new Set(), people: [], ownSliceOnly: false };
  if (person.role === 'rep') {
    const metrics = owners.ownership.filter((o) => o.responsible === person.id).map((o) => o.metric);
    return { person, everything: false, metrics: new Set(metrics), people: [person], ownSliceOnly: true };
  }
  const teams = branchTeams(owners, person);
  const branch = owners.people.filter((p) => p.id === person.id || (p.team !== undefined && teams.has(p.team)));
  const inBranch = new Set(branch.map((p) => p.id));
  const metrics = owners.ownership
    .filter((o) => inBranch.has(o.responsible) || (o.accountable !== undefined && inBranch.has(o.accountable)) || [...o.consulted, ...o.informed].includes(person.id))
    .map((o) => o.metric);
  return { person, everything: false, metrics: new Set(metrics), people: branch, ownSliceOnly: false };
}

/** The teams a manager leads (naming them manager, or their own team when it names none) and every team below. */
function branchTeams(owners: Owners, manager: Person): Set<string> {
  const led = owners.teams.filter((t) => t.manager === manager.id || (t.id === manager.team && t.manager === undefined));
  const branch = new Set<string>();
  const queue = led.map((t) => t.id);
  for (let team = queue.shift(); team !== undefined; team = queue.shift()) {
    if (branch.has(team)) continue; // owners.yaml's checks reject cycles; this keeps a bad file from looping
    branch.add(team);
    queue.push(...owners.teams.filter((t) => t.parent === team).map((t) => t.id));
  }
  return branch;
}

export function canSeeMetric(scope: ViewScope, metric: string): boolean {
  return scope.everything || scope.metrics.has(metric);
}

/** Whether a slice is within the scope: person dimensions must name people of the scope; a rep's must name them. */
export function canSeeSlice(scope: ViewScope, slice: Slice): boolean {
  if (scope.everything) return true;
  const named = Object.keys(slice).filter((dimension) => dimension in personDimensions);
  if (scope.ownSliceOnly && named.length === 0) return false;
  return named.every((dimension) => scope.people.some((person) => personDimensions[dimension]!(person) === slice[dimension]));
}

/**
 * The slices a viewer reads when they name none, best first: the total, or for a rep their own
 * slice by each person dimension (whichever the sync kept).
 */
export function defaultSlices(scope: ViewScope): Slice[] {
  if (!scope.ownSliceOnly) return [{}];
  return Object.entries(personDimensions).flatMap(([dimension, value]) => {
    const own = value(scope.person);
    return own === undefined ? [] : [{ [dimension]: own }];
  });
}
