import type { Ownership, Trigger } from '../model/index.js';

/** The triggers of an ownership: those written, or, for a threshold with a playbook, the threshold alone. */
export function ownershipTriggers(ownership: Ownership): Trigger[] {
  if (!ownership.playbook) return [];
  if (ownership.triggers) return ownership.triggers;
  return ownership.threshold ? [{ id: 'threshold', when: ['threshold'] }] : [];
}
