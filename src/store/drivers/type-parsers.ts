/**
 * How both drivers turn the text Postgres sends into values, by type oid, so that a row reads the
 * same on PGlite and on Postgres: DATE stays 'YYYY-MM-DD' (no time zone shift), TIMESTAMPTZ
 * becomes ISO UTC '…Z' (sessions run in UTC), BIGINT and NUMERIC become numbers (counts and ids
 * stay far below 2^53). JSON, booleans, integers and doubles keep the drivers' own parsing.
 */
export const typeParsers: Record<number, (text: string) => unknown> = {
  20: Number, // int8
  1700: Number, // numeric
  1082: (text) => text, // date
  1184: isoTimestamp, // timestamptz
};

/** '2026-11-23 11:38:46.677+00' → '2026-11-23T11:38:46.677Z' (milliseconds kept). */
export function isoTimestamp(text: string): string {
  if (text === 'infinity' || text === '-infinity') return text;
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(iso).toISOString();
}
