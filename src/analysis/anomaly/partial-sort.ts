/**
 * The partial sort STL uses for its median (Singleton's quicksort variant, as `psort` in R's
 * stl.f), kept step for step. STL asks it for positions (n/2 + 1, n/2), in that order; the
 * algorithm assumes ascending positions, so for an even n one of the two "middle" values it
 * leaves may not be the order statistic. R's stl() uses what it leaves, and so do we, to agree
 * with it. Sorts `a` in place (1-based positions) and returns nothing.
 */
export function partialSort(a: Float64Array, positions: readonly number[]): void {
  const n = a.length;
  const ni = positions.length;
  if (n < 2 || ni === 0) return;
  const b = new Float64Array(n + 1);
  b.set(a, 1);
  const il = new Int32Array(17);
  const iu = new Int32Array(17);
  const indl = new Int32Array(17);
  const indu = new Int32Array(17);
  let jl = 1;
  let ju = ni;
  indl[1] = 1;
  indu[1] = ni;
  let i = 1;
  let j = n;
  let m = 1;
  let k: number;
  let l: number;
  let t: number;
  let label: 'outer' | 'pop' | 'while' | 'partition' | 'insertion' = i < j ? 'partition' : 'pop';
  for (;;) {
    switch (label) {
      case 'outer':
        label = i < j ? 'partition' : 'pop';
        break;
      case 'pop':
        m--;
        if (m === 0) {
          a.set(b.subarray(1));
          return;
        }
        i = il[m]!;
        j = iu[m]!;
        jl = indl[m]!;
        ju = indu[m]!;
        label = jl <= ju ? 'while' : 'pop';
        break;
      case 'while':
        label = j - i > 10 ? 'partition' : 'insertion';
        break;
      case 'partition': {
        k = i;
        const ij = Math.floor((i + j) / 2);
        t = b[ij]!;
        if (b[i]! > t) {
          b[ij] = b[i]!;
          b[i] = t;
          t = b[ij]!;
        }
        l = j;
        if (b[j]! < t) {
          b[ij] = b[j]!;
          b[j] = t;
          t = b[ij]!;
          if (b[i]! > t) {
            b[ij] = b[i]!;
            b[i] = t;
            t = b[ij]!;
          }
        }
        for (;;) {
          l--;
          if (b[l]! <= t) {
            const tt = b[l]!;
            do k++;
            while (!(b[k]! >= t));
            if (k > l) break;
            b[l] = b[k]!;
            b[k] = tt;
          }
        }
        indl[m] = jl;
        indu[m] = ju;
        const p = m;
        m++;
        label = 'while';
        if (l - i <= j - k) {
          il[p] = k;
          iu[p] = j;
          j = l;
          for (;;) {
            if (jl > ju) {
              label = 'pop';
              break;
            }
            if (positions[ju - 1]! > j) ju--;
            else break;
          }
          if (label !== 'pop') indl[p] = ju + 1;
        } else {
          il[p] = i;
          iu[p] = l;
          i = k;
          for (;;) {
            if (jl > ju) {
              label = 'pop';
              break;
            }
            if (positions[jl - 1]! < i) jl++;
            else break;
          }
          if (label !== 'pop') indu[p] = jl - 1;
        }
        break;
      }
      case 'insertion':
        if (i === 1) {
          label = 'outer';
          break;
        }
        i--;
        label = 'pop';
        for (;;) {
          i++;
          if (i === j) break;
          t = b[i + 1]!;
          if (b[i]! > t) {
            k = i;
            do {
              b[k + 1] = b[k]!;
              k--;
            } while (!(t >= b[k]!));
            b[k + 1] = t;
          }
        }
        break;
    }
  }
}
