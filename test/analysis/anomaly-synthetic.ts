/** Seeded synthetic series for the anomaly tests and benchmark: the same seed, the same series. */

/** mulberry32: a small, fast 32-bit generator; uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
export function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Weekly revenue-like series: level, trend, a yearly wave, a bump every quarter end, noise of sd `noise`. */
export function weeklySeries(seed: number, options: { length?: number; trend?: number; noise?: number; yearly?: number; quarterEnd?: number } = {}): number[] {
  const random = seededRandom(seed);
  const { length = 156, trend = 0.3, noise = 3, yearly = 8, quarterEnd = 15 } = options;
  return Array.from({ length }, (_, t) => 100 + trend * t + yearly * Math.sin((2 * Math.PI * t) / 52) + ((t + 1) % 13 === 0 ? quarterEnd : 0) + noise * normal(random));
}

/** Daily series with a weekday pattern (weekends low) and a gentle trend. */
export function dailySeries(seed: number, length = 120, noise = 2): number[] {
  const random = seededRandom(seed);
  const weekday = [6, 4, 3, 2, 5, -10, -12];
  return Array.from({ length }, (_, t) => 40 + 0.05 * t + weekday[t % 7]! + noise * normal(random));
}

/** Pure noise around a level: no trend, no season. */
export function flatSeries(seed: number, length = 60, noise = 2): number[] {
  const random = seededRandom(seed);
  return Array.from({ length }, () => 20 + noise * normal(random));
}

/** ISO dates of consecutive periods from a start day, `step` days apart. */
export function periodDates(start: string, length: number, step: number): string[] {
  const origin = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length }, (_, i) => new Date(origin + i * step * 86_400_000).toISOString().slice(0, 10));
}
