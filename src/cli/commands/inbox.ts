import { formatTime } from '../../actions/index.js';
import { openProjectStore } from '../../project/index.js';
import { listNotifications, markNotificationsRead } from '../../store/index.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { parseFormat } from '../parse-options.js';
import { renderRows } from '../render-rows.js';
import { checkPerson } from './plans.js';

export interface InboxOptions {
  project?: string;
  as: string;
  all?: boolean;
  read?: boolean;
  format: string;
}

/** kpitree inbox --as <person>: their unread notifications (--all: every one); --read marks them read. */
export async function inboxCommand(options: InboxOptions, io: CliIo): Promise<void> {
  const format = parseFormat(options.format);
  const open = await openProject(options.project, io);
  checkPerson(open.project, options.as, '--as');
  const store = await openProjectStore(open.project, open.dir, io.env);
  try {
    const notes = await listNotifications(store, options.as, { unreadOnly: !options.all });
    io.stdout(renderRows({
      columns: ['id', 'at', 'kind', 'plan', 'read', 'subject'],
      numeric: ['id', 'plan'],
      raw: notes.map((n) => ({ id: n.id, at: n.createdAt, kind: n.kind, plan: n.planId, read: n.readAt !== null, subject: n.subject })),
      display: notes.map((n) => [String(n.id), formatTime(n.createdAt), n.kind, n.planId === null ? '' : String(n.planId), n.readAt ? 'yes' : '', n.subject]),
      json: notes,
    }, format));
    if (options.read) {
      const marked = await markNotificationsRead(store, options.as, io.now().toISOString(), notes.map((n) => n.id));
      io.stderr(`${marked} marked read.\n`);
    }
  } finally {
    await store.close();
  }
}
