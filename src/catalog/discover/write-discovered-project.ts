import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ProjectFile } from '../../model/index.js';
import { DiscoveryError } from './discovery-error.js';

/** Refuses a folder that exists and is not empty (or is a file), unless `force`. Checked before discovery starts, and again before writing. */
export async function assertWritableFolder(dir: string, force = false): Promise<void> {
  let entries: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new DiscoveryError(`--out: ${dir} is a file, not a folder`);
    entries = await readdir(dir);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return;
    throw error;
  }
  if (entries.length > 0 && !force) {
    throw new DiscoveryError(`--out: ${dir} is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}); nothing was written`, [
      'choose an empty or new folder, or pass --force to replace it',
    ]);
  }
}

/**
 * Writes a discovered project into `dir`: into a temporary folder beside it first, then renamed into
 * place, so a failure never leaves half a project. A non-empty folder is replaced only with `force`.
 */
export async function writeDiscoveredProject(dir: string, files: ProjectFile[], options: { force?: boolean } = {}): Promise<void> {
  await assertWritableFolder(dir, options.force);
  await mkdir(dirname(dir), { recursive: true });
  const building = await mkdtemp(join(dirname(dir), `.${basename(dir)}.discovering-`));
  try {
    for (const file of files) {
      const path = join(building, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.text);
    }
    const old = await exists(dir);
    const replaced = `${building}.replaced`;
    if (old) await rename(dir, replaced);
    await rename(building, dir);
    if (old) await rm(replaced, { recursive: true, force: true });
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
