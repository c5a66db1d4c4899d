import { describe, expect, it } from 'vitest';
import { timestamptzToIso } from './postgres-types.js';

describe('timestamptzToIso', () => {
  it.each([
    ['2024-01-02 01:04:05.5+00', '2024-01-02T01:04:05.5Z'],
    ['2024-01-02 03:04:05.123456+02', '2024-01-02T01:04:05.123456Z'],
    ['1999-12-31 23:59:59-08', '2000-01-01T07:59:59Z'],
    ['2024-03-01 05:00:00+05:30', '2024-02-29T23:30:00Z'],
    ['1880-01-01 00:00:00+00:53:28', '1879-12-31T23:06:32Z'],
    ['0099-06-01 00:00:00+00', '0099-06-01T00:00:00Z'],
    ['infinity', 'infinity'],
    ['0044-03-15 00:00:00+00 BC', '0044-03-15 00:00:00+00 BC'],
  ])('turns %s into %s', (text, iso) => {
    expect(timestamptzToIso(text)).toBe(iso);
  });
});
