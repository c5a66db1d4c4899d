/**
 * Anomaly scan over many weekly series (156 points: three years, season 52), seeded: prints
 * series per second for the whole scan (detectAnomalies) and for its STL alone; where Rscript is
 * installed, times R's stl(x, s.window = "periodic", robust = TRUE) on the same series in the
 * same run and prints the ratios. R runs on a subset (--r-series, default 10,000) whose rate is
 * extrapolated to the full count, and says so.
 * Run: npx tsx bench/anomaly.bench.ts [--series 100000] [--r-series 10000] [--no-r]
 * (bench/README.md, section "anomaly", holds recorded runs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decomposeStl, detectAnomalies } from '../src/analysis/anomaly/index.js';
import { weeklySeries } from '../test/analysis/anomaly-synthetic.js';

const { values: args } = parseArgs({
  options: {
    series: { type: 'string', default: '100000' },
    'r-series': { type: 'string', default: '10000' },
    'no-r': { type: 'boolean', default: false },
  },
});
const count = Number(args.series);
const rCount = Math.min(count, Number(args['r-series']));
const length = 156;

/** Series i: seed i; one in ten has a spike, one in twenty a level shift, one in twenty a late decline. */
function series(i: number): number[] {
  const values = weeklySeries(i, { length });
  if (i % 10 === 3) values[40 + (i % 100)]! += 30;
  if (i % 20 === 7) for (let t = 80 + (i % 50); t < length; t++) values[t]! -= 18;
  if (i % 20 === 11) for (let t = 140; t < length; t++) values[t]! -= 1.2 * (t - 139);
  return values;
}

const rate = (n: number, ms: number) => (n / ms) * 1000;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

// Warm up the JIT (and the per-shape caches), then time the scan.
for (let i = 0; i < 200; i++) detectAnomalies(series(i), { seasonLength: 52 });
let flagged = 0;
let anomalies = 0;
let started = performance.now();
for (let i = 0; i < count; i++) {
  const result = detectAnomalies(series(i), { seasonLength: 52 });
  if (result.status === 'ok' && result.anomalies.length > 0) {
    flagged++;
    anomalies += result.anomalies.length;
  }
}
const scanMs = performance.now() - started;
console.log(`anomaly scan: ${fmt(count)} series × ${length} weekly points in ${(scanMs / 1000).toFixed(1)} s: ${fmt(rate(count, scanMs))} series/s (${fmt(flagged)} series flagged, ${fmt(anomalies)} anomalies)`);

const subset = Array.from({ length: rCount }, (_, i) => Float64Array.from(series(i)));
started = performance.now();
for (const x of subset) decomposeStl(x, { period: 52, seasonalWindow: 'periodic', robust: true });
const stlMs = performance.now() - started;
console.log(`our STL alone (periodic, robust, as R's below): ${fmt(rCount)} series in ${(stlMs / 1000).toFixed(1)} s: ${fmt(rate(rCount, stlMs))} series/s`);

const hasR = !args['no-r'] && spawnSync('Rscript', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasR) {
  console.log(args['no-r'] ? 'R: skipped (--no-r)' : 'R: Rscript not found; no ratio');
} else {
  const folder = mkdtempSync(join(tmpdir(), 'kpitree-bench-'));
  try {
    const file = join(folder, 'series.f64');
    const buffer = new Float64Array(rCount * length);
    subset.forEach((x, i) => buffer.set(x, i * length));
    writeFileSync(file, Buffer.from(buffer.buffer));
    const script = [
      `x <- readBin(${JSON.stringify(file)}, "double", n = ${rCount * length}, endian = "little")`,
      `m <- matrix(x, nrow = ${length})`,
      `elapsed <- system.time(for (i in seq_len(ncol(m))) stl(ts(m[, i], frequency = 52), s.window = "periodic", robust = TRUE))[["elapsed"]]`,
      `cat(elapsed, "\\n")`,
    ].join('\n');
    const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
    const rMs = Number(r.stdout.trim()) * 1000;
    const extrapolated = rCount < count ? ` (timed on the first ${fmt(rCount)} series, extrapolated to ${fmt(count)}: ${((rMs / rCount) * count / 1000).toFixed(1)} s)` : '';
    console.log(`${spawnSync('Rscript', ['-e', 'cat(R.version.string)'], { encoding: 'utf8' }).stdout} stl(robust = TRUE): ${fmt(rate(rCount, rMs))} series/s${extrapolated}`);
    console.log(`ratio, whole anomaly scan / R's stl alone: ${(rate(count, scanMs) / rate(rCount, rMs)).toFixed(2)}× R's series per second`);
    console.log(`ratio, our STL / R's stl, same series and settings: ${(rate(rCount, stlMs) / rate(rCount, rMs)).toFixed(2)}×`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
console.log(`(one thread; ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version})`);
