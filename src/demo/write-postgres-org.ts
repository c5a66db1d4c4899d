import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyText } from './copy-text.js';
import { DemoError } from './demo-error.js';
import type { DemoTableSpec, Naming } from './demo-schema.js';
import { demoMarker, quoteIdentifier as q, sqlType, visibleBatch, type OrgWriter } from './org-writer.js';
import type { ColumnBatch } from './row-sink.js';

/** Where a Postgres org goes; the password comes from the environment, never from a URL. */
export interface PostgresOrgTarget {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  ssl?: 'disable' | 'require' | 'verify-full';
}

/** COPY text gathered per table before it is sent. */
const sendBytes = 4 << 20;

/**
 * Writes the org into a Postgres schema in one transaction: the tables are built in a fresh
 * schema with a random name, which replaces the target schema (only an earlier demo org, or an
 * empty schema) and is renamed to it just before COMMIT. A failure rolls everything back.
 */
export class PostgresOrgWriter implements OrgWriter {
  private client: pg.Client | null = null;
  private readonly building = `kpitree_demo_${randomBytes(6).toString('hex')}`;
  private pending = new Map<DemoTableSpec, string[]>();
  private pendingBytes = new Map<DemoTableSpec, number>();
  private replaces = false;

  constructor(
    private readonly target: PostgresOrgTarget,
    private readonly schema: string,
    private readonly naming: Naming,
  ) {}

  get description(): string {
    return `postgres://${encodeURIComponent(this.target.user)}@${this.target.host}:${this.target.port}/${this.target.database} schema ${this.schema}`;
  }

  async begin(tables: readonly DemoTableSpec[]): Promise<void> {
    const { target } = this;
    const client = new pg.Client({
      host: target.host, port: target.port, database: target.database, user: target.user, password: target.password,
      ssl: target.ssl === undefined || target.ssl === 'disable' ? false : { rejectUnauthorized: target.ssl === 'verify-full' },
      application_name: 'kpitree demo-data', connectionTimeoutMillis: 15_000,
    });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new DemoError('connection', `cannot connect to Postgres at ${target.host}:${target.port}/${target.database} as ${target.user}: ${reason}`, [], { cause: error });
    }
    this.client = client;
    try {
      const { rows } = await client.query<{ comment: string | null; relations: string }>(
        `SELECT obj_description(n.oid, 'pg_namespace') AS comment, (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid) AS relations
         FROM pg_namespace n WHERE n.nspname = $1`,
        [this.schema],
      );
      const existing = rows[0];
      if (existing && existing.comment !== demoMarker && Number(existing.relations) > 0) {
        throw new DemoError('target', `schema ${this.schema} exists and was not written by kpitree demo-data; choose another --schema, or drop it first`);
      }
      this.replaces = existing !== undefined;
      await client.query('BEGIN');
      await client.query(`CREATE SCHEMA ${q(this.building)}`);
      for (const table of tables) {
        const columns = table.columns.map((c) => `${q(c.physical)} ${sqlType(c.type, 'postgres')}`);
        await client.query(`CREATE TABLE ${q(this.building)}.${q(table.physical)} (${columns.join(', ')})`);
      }
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  async write(table: DemoTableSpec, batch: ColumnBatch): Promise<number> {
    const visible = visibleBatch(table, batch, this.naming);
    if (visible.length === 0) return 0;
    const text = copyText(table, visible);
    const parts = this.pending.get(table) ?? [];
    parts.push(text);
    this.pending.set(table, parts);
    const bytes = (this.pendingBytes.get(table) ?? 0) + text.length;
    this.pendingBytes.set(table, bytes);
    if (bytes >= sendBytes) await this.send(table);
    return visible.length;
  }

  async commit(): Promise<void> {
    const client = this.client!;
    try {
      for (const table of [...this.pending.keys()]) await this.send(table);
      if (this.replaces) await client.query(`DROP SCHEMA ${q(this.schema)} CASCADE`);
      await client.query(`ALTER SCHEMA ${q(this.building)} RENAME TO ${q(this.schema)}`);
      await client.query(`COMMENT ON SCHEMA ${q(this.schema)} IS '${demoMarker}'`);
      await client.query('COMMIT');
    } catch (error) {
      await this.abort();
      throw error;
    }
    await client.end();
    this.client = null;
  }

  async abort(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) return;
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
  }

  private async send(table: DemoTableSpec): Promise<void> {
    const parts = this.pending.get(table);
    this.pending.delete(table);
    this.pendingBytes.delete(table);
    if (!parts || parts.length === 0) return;
    const columns = table.columns.map((c) => q(c.physical)).join(', ');
    const stream = this.client!.query(copyFrom(`COPY ${q(this.building)}.${q(table.physical)} (${columns}) FROM STDIN`));
    await pipeline(Readable.from(parts), stream);
  }
}
