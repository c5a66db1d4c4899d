/**
 * Control-chart run rules (Western Electric 1956; Nelson 1984) that hold at the end of a run of
 * standardised deviations z from the usual path: each names what it saw. NaN entries (periods
 * without a value) are skipped.
 */
export function brokenRunRules(z: ArrayLike<number>, direction: 'up' | 'down'): string[] {
  const values = Array.from(z).filter((v) => !Number.isNaN(v));
  const sign = direction === 'up' ? 1 : -1;
  const side = direction === 'up' ? 'above' : 'below';
  const rules: string[] = [];
  const tail = (k: number) => (values.length >= k ? values.slice(-k) : undefined);
  const eight = tail(8);
  if (eight?.every((v) => sign * v > 0)) rules.push(`8 in a row ${side} the usual level`);
  const six = tail(6);
  if (six?.every((v, i) => i === 0 || sign * (v - six[i - 1]!) > 0)) rules.push(`6 in a row steadily ${direction === 'up' ? 'rising' : 'falling'}`);
  const five = tail(5);
  if (five && five.filter((v) => sign * v > 1).length >= 4) rules.push(`4 of the last 5 more than 1σ ${side}`);
  const three = tail(3);
  if (three && three.filter((v) => sign * v > 2).length >= 2) rules.push(`2 of the last 3 more than 2σ ${side}`);
  return rules;
}
