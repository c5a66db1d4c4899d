import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDeliveries, listNotifications, listPlans, type Store } from '../../store/index.js';
import { storeTargets, useFreshStore } from '../../store/test-support/store-targets.js';
import { evaluateActionPlans } from '../evaluate-action-plans.js';
import { queueDigests } from '../queue-digests.js';
import { plansProject, storeWinRates } from '../test-support/plans-project.js';
import { deliverPending } from './deliver-pending.js';
import { projectNotifiers, retrySettings } from './project-notifiers.js';

interface Mail { to: string[]; raw: string }

/** A real SMTP server on loopback that keeps every message it receives. */
async function startSmtp(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A real HTTP receiver on loopback: answers each POST with the next status of `statuses` (then 200). */
async function startReceiver(statuses: number[]): Promise<{ url: string; bodies: { text: string }[]; server: Server }> {
  const bodies: { text: string }[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      const status = statuses.shift() ?? 200;
      if (status === 200) bodies.push(JSON.parse(text) as { text: string });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'invalid_token');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/ae`, bodies, server };
}

/** The text of a mail: headers unfolded, quoted-printable body decoded. */
function decodeMail(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe.each(storeTargets)('deliveries on %s', (_name, makeTarget) => {
  const opened = useFreshStore(makeTarget);
  let store: Store;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    store = opened();
    smtp = await startSmtp();
    receiver = await startReceiver([500]);
  });

  afterAll(async () => {
    await smtp?.close();
    receiver?.server.close();
  });

  const project = () =>
    plansProject(`notify:
  email: { host: 127.0.0.1, port: ${smtp.port}, from: "kpitree <kpitree@example.test>" }
  webhooks:
    - { team: ae, url_env: SLACK_AE }
    - { person: vp, url_env: SLACK_VP }
  attempts: 3
  backoff: 1 minute
`);

  it('emails the owner the playbook and due time, posts to the team webhook after a retry, and keeps failures visible', async () => {
    const env = { SLACK_AE: receiver.url };
    await storeWinRates(store, [0.3, 0.3, 0.2, 0.2]);
    await evaluateActionPlans(store, project(), { asOf: '2025-05-01T08:00:00.000Z' });
    const [plan] = await listPlans(store);

    const first = await deliverPending(store, projectNotifiers(project(), env), retrySettings(project(), '2025-05-01T08:00:00.000Z'));
    expect(first).toEqual({ sent: 1, retrying: 1, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    const mail = decodeMail(smtp.mails[0]!.raw);
    expect(smtp.mails[0]!.to).toEqual(['ana@example.test']);
    expect(mail).toMatch(/^To: ana@example\.test$/m);
    expect(mail).toMatch(new RegExp(`^Subject: \\[kpitree\\] Action plan ${plan!.id}: Win rate is past its threshold$`, 'm'));
    expect(mail).toContain('Action: Review every Stage 3 opportunity in EMEA with its owner.');
    expect(mail).toContain('Due: 2025-05-03 08:00 UTC');

    // The webhook answered 500: the try is recorded and retried after the backoff, not before.
    const [webhook] = await listDeliveries(store, { status: 'pending' });
    expect(webhook).toMatchObject({ channel: 'webhook', address: 'SLACK_AE', attempts: 1, nextAttemptAt: '2025-05-01T08:01:00.000Z' });
    expect(webhook!.lastError).toMatch(/answered 500 Internal Server Error: invalid_token/);
    expect(await deliverPending(store, projectNotifiers(project(), env), retrySettings(project(), '2025-05-01T08:00:30.000Z'))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await deliverPending(store, projectNotifiers(project(), env), retrySettings(project(), '2025-05-01T08:01:00.000Z'))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(receiver.bodies).toHaveLength(1);
    expect(receiver.bodies[0]!.text).toContain(`*[kpitree] Action plan ${plan!.id}: Win rate is past its threshold*`);
    expect(receiver.bodies[0]!.text).toContain('Review every Stage 3 opportunity in EMEA with its owner.');
    expect(await listDeliveries(store, { status: 'sent' })).toHaveLength(2);

    // Escalated to vp, whose webhook variable is not set: tried 3 times (1 then 2 minutes apart), then failed; the plan is untouched.
    await evaluateActionPlans(store, project(), { asOf: '2025-05-04T00:00:00.000Z' });
    const times = ['2025-05-04T00:00:00.000Z', '2025-05-04T00:01:00.000Z', '2025-05-04T00:03:00.000Z'];
    const outcomes = [];
    for (const now of times) outcomes.push(await deliverPending(store, projectNotifiers(project(), env), retrySettings(project(), now)));
    expect(outcomes.map((o) => [o.sent, o.retrying, o.failed])).toEqual([[1, 1, 0], [0, 1, 0], [0, 0, 1]]);
    const [failed] = await listDeliveries(store, { status: 'failed' });
    expect(failed).toMatchObject({ address: 'SLACK_VP', attempts: 3, person: 'vp' });
    expect(failed!.lastError).toMatch(/environment variable SLACK_VP/);
    expect(smtp.mails.map((m) => m.to[0])).toEqual(['ana@example.test', 'vp@example.test']);
    expect(await listPlans(store)).toMatchObject([{ id: plan!.id, state: 'open', escalatedTo: 'vp' }]);
  });

  it('sends a digest per person per cadence period, only to people with plans that need them', async () => {
    const asOf = '2025-05-07T06:00:00.000Z'; // a Wednesday: the week starts Monday May 5
    expect((await queueDigests(store, project(), { asOf })).sort()).toEqual(['ana', 'vp']);
    expect(await queueDigests(store, project(), { asOf: '2025-05-11T06:00:00.000Z' })).toEqual([]);
    // A new week: ana (weekly: lead_response_time) again; vp (accountable for win_rate, monthly) in June.
    expect(await queueDigests(store, project(), { asOf: '2025-05-12T06:00:00.000Z' })).toEqual(['ana']);
    expect(await queueDigests(store, project(), { asOf: '2025-06-02T06:00:00.000Z' })).toEqual(['ana', 'vp']);
    const [digest] = (await listNotifications(store, 'ana')).filter((n) => n.kind === 'digest');
    const [vpDigest] = (await listNotifications(store, 'vp')).filter((n) => n.kind === 'digest');
    expect(vpDigest!.body).toMatch(/^#\d+ win_rate \(open, due 2025-05-03 08:00 UTC, escalated from ana\): Review/);
    expect(digest!.subject).toBe('[kpitree] Your weekly digest: 1 action plan needs you');
    expect(digest!.body).toMatch(/^#\d+ win_rate \(open, due 2025-05-03 08:00 UTC\): Review every Stage 3/);
    expect((await listNotifications(store, 'bo')).length).toBe(0);
  });
});
