import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoManifest, IncidentSpec } from '../../../src/demo/index.js';
import { formatIssue, type Project } from '../../../src/model/index.js';
import { loadProjectFolder } from '../../../src/project/index.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { runCli } from '../../support/run-cli.js';
import { setSyncSettings } from '../../support/set-sync-settings.js';

/** The metrics the revenue tree's exact part needs: closed revenue = won deals × deal size, won deals = closed deals × win rate. */
export const revenueMetrics = ['closed_won_revenue', 'won_deals', 'closed_deals', 'win_rate', 'average_deal_size'] as const;

export interface PlantedOrgOptions {
  seed: number;
  scale: number;
  months: number;
  /** The day the org ends (exclusive), the first of a month. */
  asOf: string;
  /** The first day synced (after the org's first months, when pipeline is still filling up). */
  historyStart: string;
  grain: 'week' | 'month';
  incidents: IncidentSpec[] | 'none';
  metrics?: readonly string[];
}

export interface PlantedOrg {
  dir: string;
  project: Project;
  store: Store;
  manifest: DemoManifest;
  remove(): Promise<void>;
}

/**
 * A demo org the way a user builds one: `kpitree demo-data` with an incidents file (or none, a
 * control), `kpitree discover`, then `kpitree sync --full` of the given metrics by month, sliced by
 * region and segment, into the project's embedded store (real DuckDB, real PGlite).
 */
export async function buildPlantedOrg(options: PlantedOrgOptions): Promise<PlantedOrg> {
  const dir = await mkdtemp(join(tmpdir(), 'kpitree-planted-'));
  const cli = async (...args: string[]) => {
    const run = await runCli(args, { cwd: dir, now: `${options.asOf}T12:00:00Z` });
    if (run.code !== 0) throw new Error(`kpitree ${args[0]} failed (${run.code}): ${run.stderr}`);
  };
  try {
    let incidents = 'none';
    if (options.incidents !== 'none') {
      incidents = join(dir, 'incidents.json');
      await writeFile(incidents, JSON.stringify(options.incidents));
    }
    await cli('demo-data', '--out', 'org.duckdb', '--seed', String(options.seed), '--scale', String(options.scale), '--months', String(options.months), '--as-of', options.asOf, '--incidents', incidents);
    await cli('discover', '--warehouse', `duckdb:${join(dir, 'org.duckdb')}`, '--out', 'project');
    const config = join(dir, 'project', 'kpitree.yaml');
    await setSyncSettings(config, `grains: [${options.grain}]\ndimensions: [region, segment]\nhistory_start: "${options.historyStart}"`);
    await cli('sync', '--full', '-p', 'project', '--metric', (options.metrics ?? revenueMetrics).join(','));
    const { project, issues } = await loadProjectFolder(join(dir, 'project'));
    if (issues.length > 0) throw new Error(issues.map(formatIssue).join('\n'));
    const manifest = JSON.parse(await readFile(join(dir, 'org.manifest.json'), 'utf8')) as DemoManifest;
    const store = await openStore(`pglite:${join(dir, 'project', '.kpitree', 'store')}`);
    return { dir, project, store, manifest, remove: async () => { await store.close(); await rm(dir, { recursive: true, force: true }); } };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
