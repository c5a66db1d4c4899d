/**
 * Minimises f over the unit box [0, 1]^d by Nelder–Mead from several starts (points outside the
 * box are clamped onto it), keeping the best: smoothing-parameter surfaces have flat valleys and
 * local minima, so one start is not enough.
 */
export function minimizeInBox(f: (p: number[]) => number, starts: readonly number[][], options: { tolerance?: number; maxEvaluations?: number } = {}): { point: number[]; value: number } {
  let best = { point: starts[0]!, value: Infinity };
  for (const start of starts) {
    const found = nelderMead((p) => f(p.map(clamp)), start, options.tolerance ?? 1e-10, options.maxEvaluations ?? 2000);
    if (found.value < best.value) best = { point: found.point.map(clamp), value: found.value };
  }
  return best;
}

function clamp(v: number): number {
  return Math.min(1, Math.max(0, v));
}

function nelderMead(f: (p: number[]) => number, start: readonly number[], tolerance: number, maxEvaluations: number): { point: number[]; value: number } {
  const d = start.length;
  const simplex = [start.slice()];
  for (let i = 0; i < d; i++) {
    const vertex = start.slice();
    vertex[i] = vertex[i]! + (vertex[i]! > 0.5 ? -0.1 : 0.1);
    simplex.push(vertex);
  }
  let values = simplex.map(f);
  let evaluations = d + 1;
  while (evaluations < maxEvaluations) {
    const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    const points = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    simplex.splice(0, simplex.length, ...points);
    const spread = Math.abs(values[d]! - values[0]!);
    if (spread <= tolerance * (Math.abs(values[0]!) + 1e-300) && simplexSize(simplex) < 1e-8) break;
    if (simplexSize(simplex) < 1e-12) break;
    const centroid = new Array<number>(d).fill(0).map((_, j) => simplex.slice(0, d).reduce((s, p) => s + p[j]!, 0) / d);
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[d]![j]! - c));
    const reflected = along(-1);
    const fr = f(reflected);
    evaluations++;
    if (fr < values[0]!) {
      const expanded = along(-2);
      const fe = f(expanded);
      evaluations++;
      [simplex[d], values[d]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[d - 1]!) {
      [simplex[d], values[d]] = [reflected, fr];
    } else {
      const contracted = fr < values[d]! ? along(-0.5) : along(0.5);
      const fc = f(contracted);
      evaluations++;
      if (fc < Math.min(fr, values[d]!)) {
        [simplex[d], values[d]] = [contracted, fc];
      } else {
        for (let i = 1; i <= d; i++) {
          simplex[i] = simplex[i]!.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!));
          values[i] = f(simplex[i]!);
          evaluations++;
        }
      }
    }
  }
  const bestIndex = values.indexOf(Math.min(...values));
  return { point: simplex[bestIndex]!, value: values[bestIndex]! };
}

function simplexSize(simplex: number[][]): number {
  return Math.max(...simplex.slice(1).map((p) => Math.max(...p.map((v, j) => Math.abs(v - simplex[0]![j]!)))));
}
