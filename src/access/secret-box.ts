import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A secret that cannot be sealed or opened: the key is missing or wrong, or the box was altered. Never holds the secret or the key. */
export class SecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretError';
  }
}

export const secretKeyVariable = 'KPITREE_SECRET_KEY';

/** The 32-byte AES key from KPITREE_SECRET_KEY (64 hex digits or base64), e.g. `openssl rand -hex 32`. */
export function secretKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Buffer {
  const text = env[secretKeyVariable]?.trim();
  if (!text) throw new SecretError(`${secretKeyVariable} is not set: set it to 32 random bytes, e.g. the output of \`openssl rand -hex 32\`.`);
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new SecretError(`${secretKeyVariable} must hold 32 bytes (64 hex digits or 44 base64 characters); it holds ${key.length}.`);
  return key;
}

const version = 'v1';

/**
 * Seals a secret (a warehouse password) with AES-256-GCM: `v1:<iv>:<tag>:<ciphertext>` in base64.
 * `context` (e.g. "warehouse:password") is authenticated too, so a box cannot be moved to another use.
 */
export function sealSecret(secret: string, key: Buffer, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [version, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
}

/** Opens a box from sealSecret with the same key and context; any change to it is a SecretError. */
export function openSecret(box: string, key: Buffer, context: string): string {
  const [tag, iv, authTag, ciphertext, ...rest] = box.split(':');
  if (tag !== version || !iv || !authTag || ciphertext === undefined || rest.length > 0) throw new SecretError(`Not a sealed secret (expected ${version}:iv:tag:ciphertext).`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64')).setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(authTag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretError(`The sealed secret for ${context} could not be opened: the key is not the one it was sealed with, or the box was altered.`);
  }
}
