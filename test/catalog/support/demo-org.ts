import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/run-cli.js';

/**
 * A small demo org as Fivetran lands it, written by `kpitree demo-data` into a DuckDB file of a
 * temp folder: nine months of a scaled-down org, with the default planted incidents.
 */
export const demoOrg = { asOf: '2026-01-01', months: 9, scale: 0.15, seed: 11, schema: 'salesforce' } as const;

/** The months the org has data for, as a query range. */
export const demoRange = { from: '2025-04-01', to: '2025-12-31' } as const;

export interface DemoOrgFile {
  path: string;
  remove(): Promise<void>;
}

export async function writeDemoOrg(): Promise<DemoOrgFile> {
  const dir = await mkdtemp(join(tmpdir(), 'kpitree-catalogue-'));
  const path = join(dir, 'demo.duckdb');
  const run = await runCli([
    'demo-data', '--out', path, '--schema', demoOrg.schema, '--scale', String(demoOrg.scale), '--months', String(demoOrg.months),
    '--as-of', demoOrg.asOf, '--seed', String(demoOrg.seed),
  ]);
  if (run.code !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`kpitree demo-data failed (${run.code}): ${run.stderr}`);
  }
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}
