import { unavailable } from '../../analysis/index.js';
import { expressionRefs, type Expr } from '../../model/index.js';
import { classifyFormula } from './classify-formula.js';
import { evaluateFormula } from './evaluate-formula.js';
import type { FormulaSplitResult, PeriodPair } from './formula-split.js';
import { lmdiObstacle, splitLmdi } from './split-lmdi.js';
import { splitShapley } from './split-shapley.js';
import { splitSum } from './split-sum.js';

/**
 * Splits the change of a formula between two periods over the metrics it uses, exactly:
 * differences for a weighted sum, LMDI for a product of powers, Shapley values otherwise
 * (and for a product where LMDI is undefined: a zero or a sign change).
 */
export function decomposeFormula(ast: Expr, values: ReadonlyMap<string, PeriodPair>): FormulaSplitResult {
  const players = [...new Set(expressionRefs(ast).map((ref) => ref.path.join('.')))];
  const missing = players.filter((metric) => !values.has(metric));
  if (missing.length > 0) return unavailable(`no values for ${missing.join(', ')}`);
  const at = (period: keyof PeriodPair) => evaluateFormula(ast, (metric) => values.get(metric)![period]);
  const baseline = at('baseline');
  const current = at('current');
  if (baseline === null || current === null) {
    return unavailable(`the formula has no value in the ${baseline === null ? 'baseline' : 'current period'} (a division by zero)`);
  }
  const shape = classifyFormula(ast);
  if (shape.kind === 'sum') return { ok: true, method: 'difference', baseline, current, parts: splitSum(shape.coefficients, values) };
  const obstacle = shape.kind === 'product' ? lmdiObstacle(shape.exponents, values) : null;
  if (shape.kind === 'product' && obstacle === null) {
    return { ok: true, method: 'lmdi', baseline, current, parts: splitLmdi(shape.exponents, values, baseline, current) };
  }
  const parts = splitShapley(players, values, (valueOf) => evaluateFormula(ast, valueOf));
  if (!Array.isArray(parts)) return parts;
  return { ok: true, method: 'shapley', baseline, current, parts, ...(obstacle ? { note: `LMDI is undefined because ${obstacle}: Shapley values instead` } : {}) };
}
