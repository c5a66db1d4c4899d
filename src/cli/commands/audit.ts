import { auditProject, type AuditFinding } from '../../actions/index.js';
import { RuntimeFailure } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { parseFormat } from '../parse-options.js';
import { renderRows } from '../render-rows.js';

export interface AuditOptions {
  project?: string;
  format: string;
}

/** kpitree audit: the seeds' KPI rules over the project's definitions, a fix per finding; exit 1 when there are findings. */
export async function auditCommand(options: AuditOptions, io: CliIo): Promise<void> {
  const format = parseFormat(options.format);
  const { project } = await openProject(options.project, io);
  const findings = auditProject(project);
  if (format === 'json') io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
  else if (findings.length > 0 || format === 'csv') io.stdout(renderRows(findingRows(findings), format));
  if (findings.length === 0) {
    if (format === 'table') io.stdout(`Every KPI of ${project.config.name} passes the audit.\n`);
    return;
  }
  const byRule = new Map<string, number>();
  for (const finding of findings) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
  const counts = [...byRule].map(([rule, n]) => `${n} ${rule}`).join(', ');
  throw new RuntimeFailure(`the KPI audit has ${findings.length} finding${findings.length === 1 ? '' : 's'} (${counts}); each row says how to fix it`);
}

function findingRows(findings: AuditFinding[]) {
  const where = (f: AuditFinding) => (f.at ? `${f.at.file}:${f.at.line}` : '');
  return {
    columns: ['rule', 'subject', 'where', 'finding', 'fix'],
    raw: findings.map((f) => ({ rule: f.rule, subject: f.subject, where: where(f), finding: f.message, fix: f.fix })),
    display: findings.map((f) => [f.rule, f.subject, where(f), f.message, f.fix]),
  };
}
