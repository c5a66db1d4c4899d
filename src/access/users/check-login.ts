import type { Queryable } from '../../store/index.js';
import { hashPassword, verifyPassword } from '../password-hash.js';
import { userColumns, type User } from './user.js';

// Checked when no such user exists, so that a wrong name costs as long as a wrong password.
const decoy = hashPassword('kpitree decoy password');

/**
 * The user whose id or email is `login` and whose password is `password`, or undefined; disabled
 * users and users without a password never sign in. The same scrypt work is done either way.
 */
export async function checkLogin(db: Queryable, login: string, password: string): Promise<User | undefined> {
  const found = await db.query<User & { passwordHash: string | null }>(
    `SELECT ${userColumns}, password_hash AS "passwordHash" FROM users WHERE (person_id = $1 OR lower(email) = lower($1)) AND disabled_at IS NULL`,
    [login],
  );
  const user = found.length === 1 ? found[0] : undefined;
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoy));
  if (!user || !matches) return undefined;
  const { passwordHash, ...rest } = user;
  return passwordHash ? rest : undefined;
}
