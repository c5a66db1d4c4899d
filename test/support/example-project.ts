import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleProjectDir } from '../../src/cli/commands/example.js';

/** A private copy of examples/revenue in a temp folder, so tests never touch the repository's copy. */
export async function copyExampleProject(): Promise<{ dir: string; remove(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'kpitree-example-'));
  const dir = join(root, 'revenue');
  await cp(exampleProjectDir, dir, { recursive: true, filter: (source) => !/warehouse\.duckdb/.test(source) });
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}
