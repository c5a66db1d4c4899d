import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret, SecretError, secretKeyFromEnv } from './secret-box.js';

const key = randomBytes(32);
const context = 'warehouse:password';

describe('secret box (AES-256-GCM)', () => {
  it('round-trips a secret, with a fresh IV each time, and never shows it in the box', () => {
    const box = sealSecret('s3cr3t-Pa$$', key, context);
    expect(box).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/);
    expect(box).not.toContain('s3cr3t');
    expect(sealSecret('s3cr3t-Pa$$', key, context)).not.toBe(box);
    expect(openSecret(box, key, context)).toBe('s3cr3t-Pa$$');
    expect(openSecret(sealSecret('', key, context), key, context)).toBe('');
  });

  it('detects tampering: any changed byte, another key, another context', () => {
    const box = sealSecret('s3cr3t', key, context);
    const [v, iv, tag, data] = box.split(':') as [string, string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0]! ^= 1;
      return bytes.toString('base64');
    };
    for (const altered of [[v, flip(iv), tag, data], [v, iv, flip(tag), data], [v, iv, tag, flip(data)]].map((parts) => parts.join(':'))) {
      expect(() => openSecret(altered, key, context)).toThrow(SecretError);
    }
    expect(() => openSecret(box, randomBytes(32), context)).toThrow(/could not be opened/);
    expect(() => openSecret(box, key, 'warehouse:other')).toThrow(SecretError);
    expect(() => openSecret('plain text', key, context)).toThrow(/Not a sealed secret/);
  });

  it('reads the key from KPITREE_SECRET_KEY as hex or base64, and says what is wrong without echoing it', () => {
    expect(secretKeyFromEnv({ KPITREE_SECRET_KEY: key.toString('hex') })).toEqual(key);
    expect(secretKeyFromEnv({ KPITREE_SECRET_KEY: key.toString('base64') })).toEqual(key);
    expect(() => secretKeyFromEnv({})).toThrow(/KPITREE_SECRET_KEY is not set/);
    const short = 'c2hvcnQta2V5';
    expect(() => secretKeyFromEnv({ KPITREE_SECRET_KEY: short })).toThrow(/must hold 32 bytes/);
    try {
      secretKeyFromEnv({ KPITREE_SECRET_KEY: short });
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
  });
});
