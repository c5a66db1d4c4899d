import type { NamingStyle } from './recognition.js';

/** A name as Fivetran (snake_case) and as Salesforce's API (PascalCase, Airbyte's) spell it. */
export interface NamePair {
  fivetran: string;
  api: string;
}

/**
 * The naming style of physical names: Fivetran when they are snake_case as Fivetran writes them,
 * Airbyte when they are API names (or API names lower-cased, as some destinations store them),
 * mixed when both occur. Names spelt alike by both (id, name, type) say nothing.
 */
export function namingStyle(names: { expected: NamePair; physical: string }[]): NamingStyle {
  let fivetran = 0;
  let airbyte = 0;
  for (const { expected, physical } of names) {
    if (expected.fivetran === expected.api.toLowerCase()) continue;
    if (physical === expected.fivetran) fivetran++;
    else if (physical === expected.api || physical === expected.api.toLowerCase()) airbyte++;
  }
  if (airbyte > 0 && fivetran > 0) return 'mixed';
  return airbyte > 0 ? 'airbyte' : 'fivetran';
}

/** One style for several tables: the shared one, or mixed. */
export function combineStyles(styles: NamingStyle[]): NamingStyle {
  const distinct = new Set(styles);
  return distinct.size === 1 ? [...distinct][0]! : distinct.size === 0 ? 'fivetran' : 'mixed';
}
