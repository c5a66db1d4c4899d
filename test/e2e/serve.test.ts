import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { ProjectCopy } from '../support/crm-project-copy.js';
import { runCli } from '../support/run-cli.js';
import { crmSyncProject } from '../sync/support/crm-sync-project.js';
import { spawnKpitree, type KpitreeProcess } from '../sync/support/spawn-kpitree.js';

const owners = `
people:
  - { id: cro, name: Chief Revenue Officer, role: executive }
  - { id: ana, name: Ana, role: rep, team: emea, salesforce_user_id: u1 }
  - { id: ben, name: Ben, role: rep, team: emea, salesforce_user_id: u2 }
teams:
  - { id: emea }
ownership:
  - { metric: closed_won_revenue, responsible: cro }
  - { metric: pipeline_created, responsible: ana }
  - { metric: win_rate, responsible: ben }
`;

/** `kpitree serve` as a real process: the API and the embedded scheduler over one PGlite store. */
describe('kpitree serve on the embedded store', () => {
  let copy: ProjectCopy;
  let server: KpitreeProcess;

  beforeAll(async () => {
    // Every 2 seconds, over a window that covers the fixture's 2025 rows; the rep kept as a dimension.
    ({ copy } = await crmSyncProject('cron: "*/2 * * * * *"\ngrains: [month]\nrestatement: 1000 days', { 'owners.yaml': owners }));
    await copy.edit('datasets/opportunities.yaml', (text) => `${text}  - name: rep\n    expr: owner.name\n`);
    await copy.edit('kpitree.yaml', (text) => text.replace('\nsync:\n', '\nsync:\n  dimensions: [rep]\n'));
  }, 60_000);
  afterAll(async () => {
    server?.kill();
    await copy?.remove();
  });

  it('sets a password from standard input, never from argv', async () => {
    const short = await runCli(['users', 'set-password', 'ana', '-p', copy.dir], { stdin: 'short' });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/8 to 1024 characters/);
    // A real process reading a piped standard input: the first line is the password.
    const piped = spawnKpitree(['users', 'set-password', 'ana', '-p', copy.dir], {}, 'ana-secret-password\nignored\n');
    await piped.waitFor(/Password set for ana; their open sessions were ended\.\n/);
    const [code] = await piped.exited;
    expect(code, piped.stderr).toBe(0);
    expect((await runCli(['users', 'set-password', 'cro', '-p', copy.dir], { stdin: 'cro-secret-password\n' })).code).toBe(0);
    const listed = await runCli(['users', 'list', '-p', copy.dir, '-f', 'json']);
    expect(JSON.parse(listed.stdout)).toEqual([
      { person: 'cro', name: 'Chief Revenue Officer', role: 'executive', team: null, password: true, disabled: false },
      { person: 'ana', name: 'Ana', role: 'rep', team: 'emea', password: true, disabled: false },
      { person: 'ben', name: 'Ben', role: 'rep', team: 'emea', password: false, disabled: false },
    ]);
  }, 60_000);

  it('serves the API while the scheduler syncs into the same store; a rep reads only their own series over HTTP; SIGTERM stops it cleanly', async () => {
    server = spawnKpitree(['serve', '-p', copy.dir, '--port', '0']);
    await server.waitFor(/Serving and syncing on schedule/, 60_000);
    const base = /kpitree API on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.stdout)![1]!;
    expect(server.stdout).toMatch(/^default: "\*\/2 \* \* \* \* \*" \(UTC\), \d+ metrics; next run /m);
    await server.waitFor(/default: Run \d+ succeeded/, 60_000);

    const login = async (person: string) => {
      const response = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: person, password: `${person}-secret-password` }) });
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
      return response.headers.get('set-cookie')!.split(';')[0]!;
    };
    const ana = await login('ana');
    const cro = await login('cro');
    const get = async (path: string, cookie: string) => {
      const response = await fetch(`${base}${path}`, { headers: { cookie } });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    const runs = await get('/api/runs', cro);
    expect((runs.body.runs as { trigger: string; status: string }[]).some((r) => r.trigger === 'schedule' && r.status === 'succeeded')).toBe(true);

    // Ana's pipeline created by month (fixture: o1 1000 + o2 500 in January, o6 1500 in February, o8 900 in April).
    const own = await get('/api/metrics/pipeline_created/series?grain=month&from=2025-01-01&to=2025-04-01', ana);
    expect(own.status).toBe(200);
    expect(own.body.slice).toEqual({ rep: 'Ana' });
    const values = Object.fromEntries((own.body.points as { period: string; value: number }[]).map((p) => [p.period, p.value]));
    expect(values).toMatchObject({ '2025-01-01': 1500, '2025-02-01': 1500, '2025-04-01': 900 });
    expect((await get('/api/metrics/pipeline_created/series?grain=month&slice=rep=Ben', ana)).status).toBe(403);
    expect((await get('/api/metrics/win_rate/series?grain=month', ana)).status).toBe(404);
    // The executive reads the total: every rep's pipeline (January: o1, o2 and o3, 3,500).
    const total = await get('/api/metrics/pipeline_created/series?grain=month&from=2025-01-01&to=2025-01-01', cro);
    expect(total.body.points).toEqual([expect.objectContaining({ period: '2025-01-01', value: 3500 })]);
    expect((await fetch(`${base}/openapi.json`)).status).toBe(200);

    server.stop();
    const [code] = await server.exited;
    expect(code, server.stdout + server.stderr).toBe(0);
    // A run in progress may still print its summary after this line.
    expect(server.stdout).toMatch(/^SIGTERM: closing the API and waiting for the sync in progress, then stopping\.$/m);
    // The folder is free again: the store opens in this process.
    const store = await openStore(`pglite:${join(copy.dir, '.kpitree', 'store')}`, { lockTimeoutMs: 200 });
    await store.close();
  }, 120_000);
});
