import { AccessError, createApiToken, listApiTokens, revokeApiToken, setPassword, syncUsers } from '../../access/index.js';
import type { Store } from '../../store/index.js';
import { openProjectStore } from '../../project/index.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { parseFormat } from '../parse-options.js';
import { renderRows } from '../render-rows.js';

export interface UsersOptions {
  project?: string;
}

/** Opens the project's store with its users following owners.yaml, for one users command; a refusal is bad input. */
async function withUsers<T>(options: UsersOptions, io: CliIo, use: (store: Store) => Promise<T>): Promise<T> {
  const open = await openProject(options.project, io);
  const store = await openProjectStore(open.project, open.dir, io.env);
  try {
    await syncUsers(store, open.project.owners);
    return await use(store);
  } catch (error) {
    throw error instanceof AccessError ? new UsageError(error.message) : error;
  } finally {
    await store.close();
  }
}

/** kpitree users list: the people of owners.yaml who may sign in, their role and whether a password is set. */
export function listUsersCommand(options: UsersOptions & { format: string }, io: CliIo): Promise<void> {
  const format = parseFormat(options.format);
  return withUsers(options, io, async (store) => {
    const rows = await store.query<{ person: string; name: string; role: string; team: string | null; password: boolean; disabled: boolean }>(
      'SELECT person_id AS person, name, role, team, password_hash IS NOT NULL AS password, disabled_at IS NOT NULL AS disabled FROM users ORDER BY disabled, role, person_id',
    );
    const columns = ['person', 'name', 'role', 'team', 'password', 'disabled'];
    const display = rows.map((r) => [r.person, r.name, r.role, r.team ?? '', r.password ? 'set' : 'not set', r.disabled ? 'disabled' : '']);
    io.stdout(renderRows({ columns, raw: rows, display }, format));
  });
}

/** kpitree users set-password <person>: the password from standard input (never argv); their sessions end. */
export function setPasswordCommand(person: string, options: UsersOptions, io: CliIo): Promise<void> {
  return withUsers(options, io, async (store) => {
    if (!io.readSecret) throw new UsageError('no standard input to read the password from');
    const password = await io.readSecret(`New password for ${person}: `);
    await setPassword(store, person, password);
    io.stdout(`Password set for ${person}; their open sessions were ended.\n`);
  });
}

/** kpitree users create-token <person> --name: an API token, printed once. */
export function createTokenCommand(person: string, options: UsersOptions & { name: string }, io: CliIo): Promise<void> {
  return withUsers(options, io, async (store) => {
    const { id, token } = await createApiToken(store, person, options.name);
    io.stderr(`API token ${id} for ${person} ("${options.name}"). It is shown once: store it now. Send it as "Authorization: Bearer <token>".\n`);
    io.stdout(`${token}\n`);
  });
}

/** kpitree users revoke-token <id>: refused from the next request on. */
export function revokeTokenCommand(id: string, options: UsersOptions, io: CliIo): Promise<void> {
  if (!/^[1-9]\d{0,14}$/.test(id)) throw new UsageError(`<id> must be a token number (see kpitree users tokens), got "${id}"`);
  return withUsers(options, io, async (store) => {
    await revokeApiToken(store, Number(id));
    io.stdout(`API token ${id} revoked.\n`);
  });
}

/** kpitree users tokens: every API token's holder, name and last use; never the token. */
export function listTokensCommand(options: UsersOptions & { format: string }, io: CliIo): Promise<void> {
  const format = parseFormat(options.format);
  return withUsers(options, io, async (store) => {
    const tokens = await listApiTokens(store);
    const columns = ['id', 'person', 'name', 'created', 'last_used', 'revoked'];
    const raw = tokens.map((t) => ({ id: t.id, person: t.personId, name: t.name, created: t.createdAt, last_used: t.lastUsedAt, revoked: t.revokedAt }));
    const display = raw.map((t) => [String(t.id), t.person, t.name, t.created, t.last_used ?? '', t.revoked ?? '']);
    io.stdout(renderRows({ columns, numeric: ['id'], raw, display }, format));
  });
}
