import type { Role } from '../../model/index.js';

/** A person of owners.yaml as the store knows them. */
export interface User {
  personId: string;
  name: string;
  role: Role;
  team: string | null;
  email: string | null;
  salesforceUserId: string | null;
  hasPassword: boolean;
  disabled: boolean;
}

/** The select list of a User from the users table (qualified, for joins). */
export const userColumns = `users.person_id AS "personId", users.name, users.role, users.team, users.email,
  users.salesforce_user_id AS "salesforceUserId", users.password_hash IS NOT NULL AS "hasPassword", users.disabled_at IS NOT NULL AS disabled`;
