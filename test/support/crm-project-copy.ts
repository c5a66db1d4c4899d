import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { crmTables, tableStatements } from './crm-data.js';
import { crmProjectDir } from './crm-project.js';

export interface ProjectCopy {
  dir: string;
  write(path: string, text: string): Promise<void>;
  edit(path: string, change: (text: string) => string): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A copy of the CRM fixture project in a temp folder whose warehouse is a DuckDB file holding the
 * fixture rows (or, with `warehouse`, another warehouse setting), for CLI tests to break at will.
 */
export async function copyCrmProject(warehouse?: string): Promise<ProjectCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'kpitree-crm-'));
  await cp(crmProjectDir, dir, { recursive: true });
  const copy: ProjectCopy = {
    dir,
    write: (path, text) => writeFile(join(dir, path), text),
    edit: async (path, change) => writeFile(join(dir, path), change(await readFile(join(dir, path), 'utf8'))),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  if (warehouse) {
    await copy.edit('kpitree.yaml', (text) => text.replace(/^warehouse: .*$/m, `warehouse: ${warehouse}`));
    return copy;
  }
  const instance = await DuckDBInstance.create(join(dir, 'warehouse.duckdb'));
  const connection = await instance.connect();
  for (const table of crmTables) for (const { sql, params } of tableStatements(table)) await connection.run(sql, params as never);
  connection.closeSync();
  instance.closeSync();
  await copy.edit('kpitree.yaml', (text) => text.replace(/^warehouse: .*$/m, 'warehouse: duckdb:warehouse.duckdb'));
  return copy;
}
