import { z } from 'zod';
import { definitionSource } from './definition-source.js';
import { ownersSchema, ownershipSchema, personSchema, teamSchema, type Owners } from './owners.js';
import type { DefinitionSource, ProjectIssue } from './project.js';
import { validateDefinition } from './validate-definition.js';
import type { YamlFile } from './yaml-file.js';

export interface LoadedOwners {
  owners: Owners;
  source: DefinitionSource;
  issues: ProjectIssue[];
  /** `person:id` and `team:id` of entries that did not validate. */
  rejected: string[];
}

/** owners.yaml: every valid person, team and ownership entry is kept even when others have issues. */
export function loadOwners(file: YamlFile): LoadedOwners {
  if (file.value === undefined) return { owners: emptyOwners(), source: definitionSource(file), issues: [], rejected: [] };
  const whole = validateDefinition(ownersSchema, file, file.value);
  if (whole.data) return { owners: whole.data, source: definitionSource(file), issues: [], rejected: [] };

  const raw = isRecord(file.value) ? file.value : {};
  const people = keepValid(raw.people, personSchema);
  const teams = keepValid(raw.teams, teamSchema);
  const ownership = keepValid(raw.ownership, ownershipSchema);
  return {
    owners: { people: people.items, teams: teams.items, ownership: ownership.items },
    source: definitionSource(file, [], { people: people.indexes, teams: teams.indexes, ownership: ownership.indexes }),
    issues: whole.issues,
    rejected: [...people.rejected.map((id) => `person:${id}`), ...teams.rejected.map((id) => `team:${id}`)],
  };
}

export function emptyOwners(): Owners {
  return { people: [], teams: [], ownership: [] };
}

function keepValid<T>(list: unknown, schema: z.ZodType<T>): { items: T[]; indexes: number[]; rejected: string[] } {
  const out = { items: [] as T[], indexes: [] as number[], rejected: [] as string[] };
  if (!Array.isArray(list)) return out;
  list.forEach((value: unknown, i) => {
    const result = z.safeParse(schema, value);
    if (result.success) {
      out.items.push(result.data);
      out.indexes.push(i);
    } else if (isRecord(value) && typeof value.id === 'string') {
      out.rejected.push(value.id);
    }
  });
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
