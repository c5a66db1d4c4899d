import { normaliseName } from './normalise-name.js';

/**
 * The candidates that are close to `expected` without being equal to it (names compared without
 * case and underscores): a plural (opportunities), a prefix or suffix (sf_opportunity, stagename_c),
 * a truncation (stage for stage_name) or a slip of one or two letters (opportunty).
 */
export function findNearMisses(expected: string, candidates: Iterable<string>): string[] {
  const target = normaliseName(expected);
  return [...candidates].filter((candidate) => {
    const name = normaliseName(candidate);
    return name !== target && [name, ...singular(name)].some((variant) => isClose(target, variant));
  });
}

/** How far a candidate is from the expected name (its singular counts too): for choosing the nearest of several. */
export function nameDistance(expected: string, candidate: string): number {
  const target = normaliseName(expected);
  const name = normaliseName(candidate);
  return Math.min(...[name, ...singular(name)].map((variant) => editDistance(variant, target)));
}

function isClose(target: string, name: string): boolean {
  if (name === target) return true;
  if (target.length >= 4 && (name.endsWith(target) || name.startsWith(target)) && name.length - target.length <= 10) return true;
  if (name.length >= 4 && target.startsWith(name) && name.length * 2 >= target.length) return true;
  const allowed = target.length >= 8 ? 2 : target.length >= 4 ? 1 : 0;
  return Math.abs(name.length - target.length) <= allowed && editDistance(name, target) <= allowed;
}

function singular(name: string): string[] {
  if (name.endsWith('ies')) return [`${name.slice(0, -3)}y`];
  if (name.endsWith('es')) return [name.slice(0, -2), name.slice(0, -1)];
  if (name.endsWith('s')) return [name.slice(0, -1)];
  return [];
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
