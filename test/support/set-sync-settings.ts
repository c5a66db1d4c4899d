import { readFile, writeFile } from 'node:fs/promises';

/**
 * Replaces the `sync:` block of a project's kpitree.yaml (discover writes one) with `settings`,
 * YAML lines under `sync:` without their indent: "dimensions: [region]\ngrains: [week]".
 */
export async function setSyncSettings(configPath: string, settings: string): Promise<void> {
  const text = (await readFile(configPath, 'utf8')).replace(/^sync:\n( {2}.*\n)*/m, '');
  await writeFile(configPath, `${text}sync:\n${settings.trim().replace(/^/gm, '  ')}\n`);
}
