import { createHash, randomBytes } from 'node:crypto';

/** What a token opens: a browser session, or an API token for automation. The prefix tells them apart in logs and leaks scanners. */
export type TokenKind = 'session' | 'api';

const prefixes: Record<TokenKind, string> = { session: 'kps_', api: 'kpt_' };

/** A new random token (256 bits): given to its holder once; only its hash is stored. */
export function newAccessToken(kind: TokenKind): string {
  return prefixes[kind] + randomBytes(32).toString('base64url');
}

/** SHA-256 of a token, hex: tokens are random, so a fast hash is enough and lookups stay indexed. */
export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Which kind a presented token claims to be, or undefined for anything else. */
export function accessTokenKind(token: string): TokenKind | undefined {
  return (Object.keys(prefixes) as TokenKind[]).find((kind) => token.startsWith(prefixes[kind]));
}
