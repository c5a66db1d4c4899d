/**
 * Cycles of a directed graph, each reported once, as the nodes along it from where the search
 * first entered it: ["a", "b"] is a → b → a. Searches start from `nodes` in the order given.
 */
export function findCycles(nodes: Iterable<string>, next: (node: string) => Iterable<string>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const search = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const to of next(node)) {
      if (state.get(to) === 'open') {
        const cycle = stack.slice(stack.indexOf(to));
        const key = [...cycle].sort().join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(to)) {
        search(to);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of nodes) if (!state.has(node)) search(node);
  return cycles;
}

export function formatCycle(cycle: readonly string[]): string {
  return [...cycle, cycle[0]].join(' → ');
}
