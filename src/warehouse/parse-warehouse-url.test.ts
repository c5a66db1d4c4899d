import { describe, expect, it } from 'vitest';
import { parseWarehouseUrl } from './parse-warehouse-url.js';

describe('parseWarehouseUrl', () => {
  it.each([
    ['duckdb:data/crm.duckdb', '/project/data/crm.duckdb'],
    ['duckdb:../shared/crm.duckdb', '/shared/crm.duckdb'],
    ['duckdb:/abs/crm.duckdb', '/abs/crm.duckdb'],
    ['duckdb:///abs/crm.duckdb', '/abs/crm.duckdb'],
    ['duckdb::memory:', ':memory:'],
  ])('reads %s as a DuckDB path relative to baseDir', (url, path) => {
    expect(parseWarehouseUrl(url, '/project')).toEqual({ engine: 'duckdb', path });
  });

  it('reads postgres:// and postgresql:// urls', () => {
    const target = { host: 'db.example.com', port: 6543, database: 'analytics', user: 'reader', ssl: 'require' };
    expect(parseWarehouseUrl('postgres://reader@db.example.com:6543/analytics?sslmode=require')).toEqual({
      engine: 'postgres',
      target,
    });
    expect(parseWarehouseUrl('postgresql://reader@db.example.com:6543/analytics?sslmode=require')).toEqual({
      engine: 'postgres',
      target,
    });
  });

  it('defaults the port to 5432, the database to the user, and decodes names', () => {
    expect(parseWarehouseUrl('postgres://an%20analyst@[::1]')).toEqual({
      engine: 'postgres',
      target: { host: '::1', port: 5432, database: 'an analyst', user: 'an analyst', ssl: undefined },
    });
  });

  it('refuses a password in the url without repeating it', () => {
    expect(() => parseWarehouseUrl('postgres://reader:pa55word@db/analytics')).toThrow(
      expect.objectContaining({ kind: 'url', message: expect.not.stringContaining('pa55word') }),
    );
    expect(() => parseWarehouseUrl('postgres://reader:pa55word@db/analytics')).toThrow(/password_env/);
  });

  it('lists the supported schemes for an unknown one, naming the engines still to come', () => {
    const refuse = () => parseWarehouseUrl('snowflake://user:secret@account/db');
    expect(refuse).toThrow(expect.objectContaining({ kind: 'url' }));
    expect(refuse).toThrow(/duckdb:.*postgres:\/\/.*Snowflake, BigQuery, Redshift and Databricks.*not available yet/);
    expect(refuse).toThrow(expect.objectContaining({ message: expect.not.stringContaining('secret') }));
    expect(() => parseWarehouseUrl('just/a/path.duckdb')).toThrow(/Unsupported warehouse url scheme \(none\)/);
  });

  it('refuses an empty DuckDB path, unknown parameters and sslmodes', () => {
    expect(() => parseWarehouseUrl('duckdb:')).toThrow(/names no file/);
    expect(() => parseWarehouseUrl('postgres://u@h/db?password=x')).toThrow(/Unsupported Postgres url parameter "password"/);
    expect(() => parseWarehouseUrl('postgres://u@h/db?sslmode=allow')).toThrow(/sslmode "allow"/);
  });
});
