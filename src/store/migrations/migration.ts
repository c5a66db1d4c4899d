/**
 * One step of the schema, forward only: applied once, in order, recorded in kpitree_migrations.
 * A released migration is never edited; a change is a new, higher version.
 */
export interface Migration {
  version: number;
  /** snake_case, recorded beside the version and checked on every open. */
  name: string;
  /** Postgres SQL, several statements; runs on PGlite and on Postgres alike, inside the open's transaction. */
  sql: string;
}
