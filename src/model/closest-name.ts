/** The candidate nearest to a misspelt name, for "did you mean …?" hints; null when none is close. */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  const normalise = (s: string) => s.toLowerCase().replace(/_/g, '');
  const target = normalise(name);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(target, normalise(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(2, Math.floor(name.length / 3));
  return bestDistance <= allowed ? best : null;
}

export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const close = closestName(name, list);
  if (close) return `did you mean "${close}"?`;
  if (list.length > 0 && list.length <= 12) return `known: ${list.join(', ')}`;
  return undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
