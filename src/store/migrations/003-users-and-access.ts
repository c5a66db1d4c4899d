import type { Migration } from './migration.js';

export const usersAndAccess: Migration = {
  version: 3,
  name: 'users_and_access',
  sql: `
-- The people of owners.yaml who may sign in (by id or email). person_id is owners.yaml's id; role, team, name, email and
-- salesforce_user_id are copied from it on every sync of the users, so the file stays the source of
-- truth. A person no longer in the file is disabled (kept for the audit log), not deleted.
CREATE TABLE users (
  person_id          text        PRIMARY KEY,
  name               text        NOT NULL,
  role               text        NOT NULL CHECK (role IN ('admin', 'executive', 'manager', 'rep')),
  team               text,
  email              text,
  salesforce_user_id text,
  password_hash      text,
  disabled_at        timestamptz,
  created_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at         timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX users_by_email ON users (lower(email));

-- Only a SHA-256 of each session token is kept: a copy of the database opens no session.
CREATE TABLE sessions (
  token_hash  text        PRIMARY KEY,
  person_id   text        NOT NULL REFERENCES users (person_id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_by_person ON sessions (person_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Tokens for automation: shown once, then only their hash; revoking keeps the row for the audit.
CREATE TABLE api_tokens (
  id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash   text        NOT NULL UNIQUE,
  person_id    text        NOT NULL REFERENCES users (person_id) ON DELETE CASCADE,
  name         text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);

-- Who changed what: actor (a person, or NULL for the command line), action, subject, details.
CREATE TABLE audit_log (
  id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor     text,
  action    text        NOT NULL,
  subject   text,
  details   jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object')
);
CREATE INDEX audit_log_by_subject ON audit_log (subject, at);
`,
};
