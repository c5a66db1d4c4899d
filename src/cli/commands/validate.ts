import type { CliIo } from '../io.js';
import { openCheckedWarehouse, openProject } from '../open-project.js';

export interface ValidateOptions {
  project?: string;
  offline?: boolean;
}

/** kpitree validate: every definition file, then every table and column against the warehouse. */
export async function validateCommand(options: ValidateOptions, io: CliIo): Promise<void> {
  const open = await openProject(options.project, io);
  const { project } = open;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  io.stdout(
    `✓ ${project.config.name}: ${count(project.datasets.size, 'dataset')}, ${count(project.metrics.size, 'metric')}, ` +
      `${count(project.trees.size, 'tree')}, ${project.owners.people.length} ${project.owners.people.length === 1 ? 'person' : 'people'} — definitions are valid\n`,
  );
  if (options.offline) return;
  const { warehouse, catalog } = await openCheckedWarehouse(open, io);
  await warehouse.close();
  io.stdout(`✓ every table and column exists in ${warehouse.description} (${count(catalog.tables.length, 'table')} read)\n`);
}
