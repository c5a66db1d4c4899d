import { formatTime } from '../../actions/index.js';
import { openProjectStore } from '../../project/index.js';
import { listDeliveries, type DeliveryStatus } from '../../store/index.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { parseFormat } from '../parse-options.js';
import { renderRows } from '../render-rows.js';

const statuses: DeliveryStatus[] = ['pending', 'sent', 'failed'];

/** kpitree plans deliveries: the email and webhook messages, with their tries and last error. */
export async function plansDeliveriesCommand(options: { project?: string; status?: string; format: string }, io: CliIo): Promise<void> {
  const format = parseFormat(options.format);
  if (options.status !== undefined && !statuses.includes(options.status as DeliveryStatus)) {
    throw new UsageError(`--status: "${options.status}" is not a delivery status; use one of ${statuses.join(', ')}`);
  }
  const open = await openProject(options.project, io);
  const store = await openProjectStore(open.project, open.dir, io.env);
  try {
    const rows = await listDeliveries(store, options.status ? { status: options.status as DeliveryStatus } : {});
    io.stdout(renderRows({
      columns: ['delivery', 'person', 'channel', 'to', 'status', 'attempts', 'next_try', 'last_error', 'subject'],
      numeric: ['delivery', 'attempts'],
      raw: rows.map((d) => ({ delivery: d.id, person: d.person, channel: d.channel, to: d.address, status: d.status, attempts: d.attempts, next_try: d.nextAttemptAt, last_error: d.lastError, subject: d.subject })),
      display: rows.map((d) => [String(d.id), d.person, d.channel, d.address, d.status, String(d.attempts), d.status === 'pending' ? formatTime(d.nextAttemptAt) : '', d.lastError ?? '', d.subject]),
    }, format));
  } finally {
    await store.close();
  }
}
