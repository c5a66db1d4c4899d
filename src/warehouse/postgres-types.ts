import type { CustomTypesConfig } from 'pg';

type Parser = (text: string) => unknown;

const toNumber: Parser = (text) => Number(text);
const asText: Parser = (text) => text;
const toBoolean: Parser = (text) => text === 't' || text === 'true';

/** Parsers by type OID; every other type comes back as Postgres's text for it. */
const parsers: Record<number, Parser> = {
  16: toBoolean, // bool
  20: toNumber, // int8: beyond 2^53 loses precision
  21: toNumber, // int2
  23: toNumber, // int4
  26: toNumber, // oid
  700: toNumber, // float4
  701: toNumber, // float8
  1700: toNumber, // numeric: beyond 2^53 (or 15–17 significant digits) loses precision
  1082: asText, // date: 'YYYY-MM-DD', never a JS Date
  1114: asText, // timestamp: wall-clock 'YYYY-MM-DD HH:MM:SS[.ffffff]'
  1184: timestamptzToIso, // timestamptz
};

/** Per-pool type parsers (pg's global parsers are left alone). */
export const postgresTypes = {
  getTypeParser: (oid: number) => parsers[oid] ?? asText,
} as unknown as CustomTypesConfig;

const timestamptz = /^(\d{4,})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(\.\d+)?([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?$/;

/**
 * Postgres's text for a timestamptz ('2024-01-02 03:04:05.5+02', in the session time zone) as
 * ISO UTC ('2024-01-02T01:04:05.5Z'). Infinity and BC values come back unchanged.
 */
export function timestamptzToIso(text: string): string {
  const match = timestamptz.exec(text);
  if (!match) return text;
  const [, year, month, day, hour, minute, second, fraction = '', sign, offH, offM = '0', offS = '0'] = match;
  const offsetSeconds = (sign === '-' ? -1 : 1) * (Number(offH) * 3600 + Number(offM) * 60 + Number(offS));
  const time = new Date(0);
  time.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  time.setUTCHours(Number(hour), Number(minute), Number(second) - offsetSeconds, 0);
  const date = `${pad(time.getUTCFullYear(), 4)}-${pad(time.getUTCMonth() + 1)}-${pad(time.getUTCDate())}`;
  const clock = `${pad(time.getUTCHours())}:${pad(time.getUTCMinutes())}:${pad(time.getUTCSeconds())}`;
  return `${date}T${clock}${fraction}Z`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
