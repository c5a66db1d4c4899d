import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash.js';

const fast = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashes (scrypt)', () => {
  it('stores the parameters and a random salt with the hash, and checks the password against them', async () => {
    const hash = await hashPassword('correct horse battery', fast);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(hash).not.toContain('correct horse');
    expect(await hashPassword('correct horse battery', fast)).not.toBe(hash);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('uses the default parameters (N = 2^15) when none are given, and still verifies', async () => {
    const hash = await hashPassword('pässword-ñ');
    expect(hash.startsWith('scrypt$32768$8$1$')).toBe(true);
    // NFC and NFD spellings of the same text are the same password.
    expect(await verifyPassword('pa\u0308ssword-n\u0303', hash)).toBe(true);
  });

  it('never matches a malformed stored hash', async () => {
    for (const stored of ['', 'plain', 'scrypt$1024$8$1$c2FsdA==', 'bcrypt$1$2$3$4$5', 'scrypt$x$8$1$c2FsdA==$aGFzaA==', 'scrypt$1024$8$1$c2FsdA==$aGFzaA==']) {
      expect(await verifyPassword('anything', stored), stored).toBe(false);
    }
  });
});
