import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoManifest } from '../../src/demo/index.js';
import { runCli, type CliRun } from '../support/run-cli.js';
import { setSyncSettings } from '../support/set-sync-settings.js';

/** The day after the demo org's last day: the sync computes up to it, so every week of the org is over. */
export const demoAsOf = '2026-06-29';
export const demoNow = `${demoAsOf}T12:00:00Z`;

/**
 * A demo org (fixed seed and as-of) discovered into a project that keeps weekly series by region,
 * segment and rep from the first full month of the org, then synced in full; the analysis runs
 * after the sync as it does for a user.
 */
export async function syncedDemoOrg(dir: string, options: { scale: string; incidents: 'default' | 'none' }): Promise<{ project: string; manifest: DemoManifest; sync: CliRun }> {
  await mkdir(dir, { recursive: true });
  const warehouse = join(dir, 'org.duckdb');
  const demo = await runCli(['demo-data', '--out', warehouse, '--scale', options.scale, '--seed', '42', '--as-of', demoAsOf, '--incidents', options.incidents]);
  if (demo.code !== 0) throw new Error(demo.stderr);
  const project = join(dir, 'project');
  const discover = await runCli(['discover', '--warehouse', `duckdb:${warehouse}`, '--out', project]);
  if (discover.code !== 0) throw new Error(discover.stderr);
  const config = join(project, 'kpitree.yaml');
  await setSyncSettings(config, 'dimensions: [region, segment, rep]\ngrains: [week]\nhistory_start: "2024-07-01"');
  const sync = await runCli(['sync', '--full', '-p', project], { now: demoNow });
  const manifest = JSON.parse(await readFile(join(dir, 'org.manifest.json'), 'utf8')) as DemoManifest;
  return { project, manifest, sync };
}
