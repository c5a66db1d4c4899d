import type { Owners } from '../../model/index.js';
import type { Owner } from '../explain-result.js';
import type { SliceOwner } from '../explain-input.js';
import type { Slice } from '../slices/slice-rows.js';

/**
 * Who answers for a metric's change in a slice: the person named for the slice (sliceOwners, the
 * first that matches), else the metric's responsible person (RACI in owners.yaml); null when neither is known.
 */
export function findOwner(owners: Owners | undefined, sliceOwners: readonly SliceOwner[], metric: string, slice: Slice | null): Owner | null {
  const ownership = owners?.ownership.find((o) => o.metric === metric);
  const person = (id: string) => ({ id, name: owners?.people.find((p) => p.id === id)?.name ?? id });
  const forSlice = slice ? sliceOwners.find((o) => slice[o.dimension] === o.value) : undefined;
  const id = forSlice?.person ?? ownership?.responsible;
  if (id === undefined) return null;
  return {
    ...person(id),
    via: forSlice ? 'slice' : 'metric',
    accountable: ownership?.accountable ? person(ownership.accountable) : null,
    consulted: ownership?.consulted ?? [],
    informed: ownership?.informed ?? [],
  };
}
