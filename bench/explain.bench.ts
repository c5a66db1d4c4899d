/**
 * kpitree explain on stored series: the catalogue's default revenue tree (every node, its slices,
 * ratio parts, noise bands and influence fits read from the store, then explained), timed.
 *
 * Run: npx tsx bench/explain.bench.ts [--scale 1] [--months 24] [--grain month] [--rounds 20] [--project DIR]
 * Without --project, a demo org of --scale is generated (as of 2026-10-01), discovered, and every
 * metric of the revenue tree synced by --grain, sliced by region and segment, in a temp folder.
 * Prints the sync time, then the time of one whole explain (store reads, fits, explanation) per
 * round: median, p90, max. Figures: src/investigate/README.md.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { investigateChange } from '../src/investigate/index.js';
import { treeNodes, type Grain } from '../src/model/index.js';
import { loadProjectFolder, openProjectStore } from '../src/project/index.js';
import { addPeriods, periodStart } from '../src/semantic/index.js';
import { setSyncSettings } from '../test/support/set-sync-settings.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    months: { type: 'string', default: '24' },
    grain: { type: 'string', default: 'month' },
    rounds: { type: 'string', default: '20' },
    project: { type: 'string' },
  },
});
const asOf = '2026-10-01';
const grain = values.grain as Grain;
const log = (text: string) => process.stderr.write(`${text}\n`);

async function kpitree(args: string[]): Promise<void> {
  let stderr = '';
  const io: CliIo = { stdout: () => undefined, stderr: (t) => void (stderr += t), cwd: process.cwd(), env: process.env, now: () => new Date(`${asOf}T12:00:00Z`), interactive: false };
  const code = await main(args, io);
  if (code !== 0) throw new Error(`kpitree ${args.join(' ')} failed (${code}):\n${stderr}`);
}

const dir = values.project ? null : await mkdtemp(join(tmpdir(), 'kpitree-explain-bench-'));
const projectDir = values.project ?? join(dir!, 'project');
if (dir) {
  log(`Generating a demo org at scale ${values.scale}, ${values.months} months, and discovering it …`);
  await kpitree(['demo-data', '--out', join(dir, 'org.duckdb'), '--scale', values.scale, '--months', values.months, '--as-of', asOf]);
  await kpitree(['discover', '--warehouse', `duckdb:${join(dir, 'org.duckdb')}`, '--out', projectDir]);
  const config = join(projectDir, 'kpitree.yaml');
  await setSyncSettings(config, `grains: [${grain}]\ndimensions: [region, segment]`);
  const { project } = await loadProjectFolder(projectDir);
  const metrics = [...new Set(treeNodes(project.trees.get('revenue')!).map((n) => n.node.metric))];
  const started = performance.now();
  await kpitree(['sync', '--full', '-p', projectDir, '--metric', metrics.join(',')]);
  log(`Synced the ${metrics.length} metrics of the revenue tree in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const { project } = await loadProjectFolder(projectDir);
const store = await openProjectStore(project, projectDir, process.env);
const current = addPeriods(periodStart(asOf, grain, project.config.calendar), -1, grain);
const request = { metric: 'closed_won_revenue', tree: 'revenue', grain, baseline: addPeriods(current, -1, grain), current };
const total: number[] = [];
let summary = '';
for (let round = 0; round < Number(values.rounds); round++) {
  const started = performance.now();
  const { explanation } = await investigateChange(store, project, request);
  total.push(performance.now() - started);
  summary = explanation.summary;
}
await store.close();
const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
  return `median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`;
};
const nodes = treeNodes(project.trees.get('revenue')!).length;
log(`Explain closed_won_revenue ${request.current} vs ${request.baseline} by ${grain}, tree revenue (${nodes} nodes), ${values.rounds} rounds: ${stats(total)}`);
log(summary);
if (dir) await rm(dir, { recursive: true, force: true });
