import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.js';

export const exampleProjectDir = fileURLToPath(new URL('../../examples/revenue', import.meta.url));

/**
 * A private copy of examples/revenue in a temp folder, with its warehouse built as the project's
 * kpitree.yaml says (a small demo org), so tests never touch the repository's copy.
 */
export async function copyExampleProject(): Promise<{ dir: string; remove(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'kpitree-example-'));
  const dir = join(root, 'revenue');
  await cp(exampleProjectDir, dir, { recursive: true, filter: (source) => !/warehouse\.(duckdb|manifest)/.test(source) });
  const run = await runCli(['demo-data', '--out', join(dir, 'warehouse.duckdb'), '--scale', '0.3', '--as-of', '2026-11-23']);
  if (run.code !== 0) throw new Error(`demo-data failed: ${run.stderr}`);
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}
