/** A seeded generator for behaviour tests: uniform (mulberry32) and standard normal (Box–Muller). */
export function seededRandom(seed: number): { uniform: () => number; normal: () => number } {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

/** A random walk with drift: the kind of trending series that correlates spuriously. */
export function randomWalk(random: () => number, n: number, drift: number, start = 100): number[] {
  let level = start;
  return Array.from({ length: n }, () => (level += drift + random()));
}
