import { stringify } from 'yaml';
import { parseWarehouseUrl } from '../../warehouse/index.js';
import type { Calendar } from '../../model/index.js';

/**
 * kpitree.yaml of a discovered project: the warehouse url (a DuckDB path made absolute, so the
 * project opens it from its own folder; never a password), the schema found, and the catalogue's
 * sync dimensions that the warehouse has.
 */
export function projectConfigText(options: { name: string; description: string; url: string; baseDir: string; schema: string; calendar: Calendar; syncDimensions: string[] }): string {
  const parsed = parseWarehouseUrl(options.url, options.baseDir);
  const url = parsed.engine === 'duckdb' && parsed.path !== ':memory:' ? `duckdb:${parsed.path}` : options.url;
  const config = {
    name: options.name,
    description: options.description,
    warehouse: { url, schema: options.schema },
    ...(options.syncDimensions.length > 0 ? { sync: { dimensions: options.syncDimensions } } : {}),
    calendar: options.calendar,
  };
  const passwordNote =
    parsed.engine === 'postgres'
      ? '# The password is never written here: set PGPASSWORD, or add password_env: NAME_OF_A_VARIABLE under warehouse.\n'
      : '';
  return `# Written by kpitree discover: see DISCOVERY.md for what was found and decided.\n${passwordNote}${stringify(config)}`;
}
