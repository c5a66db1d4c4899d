/** A seeded pseudo-random source (mulberry32): the same seed gives the same org. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /**
   * An independent stream for one part of the org (a rep's week, one opportunity), so that what
   * happens in one slice does not shift the random numbers of another.
   */
  static derive(seed: number, ...keys: number[]): Random {
    let h = (seed ^ 0x9e3779b9) >>> 0;
    for (const key of keys) {
      h = Math.imul(h ^ (key >>> 0), 0x85ebca6b) >>> 0;
      h = Math.imul(h ^ Math.floor(key / 4294967296), 0xc2b2ae35) >>> 0;
      h ^= h >>> 13;
    }
    return new Random(Math.imul(h ^ (h >>> 16), 0x27d4eb2d) >>> 0);
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An item chosen with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weightOf(item);
    let r = this.next() * total;
    for (const item of items) {
      r -= weightOf(item);
      if (r < 0) return item;
    }
    return items.at(-1)!;
  }

  /** Normal deviate by Box–Muller. */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A multiplicative noise factor with median 1. */
  lognormal(sd: number): number {
    return Math.exp(this.normal(0, sd));
  }

  /** A Poisson count (Knuth for small means, a rounded normal for large ones). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k += 1;
      p *= this.next();
    }
    return k;
  }
}
