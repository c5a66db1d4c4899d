import type { DiscoveryReport } from './discovery-report.js';
import { percent } from './recognise-salesforce.js';

/** DISCOVERY.md: what was found in the warehouse, which metrics it can compute, and every decision made. */
export function discoveryMarkdown(report: DiscoveryReport): string {
  const computable = report.metrics.filter((m) => m.computable);
  const not = report.metrics.filter((m) => !m.computable);
  const found = report.objects.filter((o) => o.table);
  const lines = [
    '# What kpitree discover found',
    '',
    `Warehouse ${report.warehouse}, schema \`${report.schema}\` (${report.naming} names).`,
    `Salesforce objects found: ${found.length} of ${report.objects.length}. Metrics computable: ${computable.length} of ${report.metrics.length}.`,
    '',
    '## Objects',
    '',
    '| object | table | names | missing columns | deleted rows left out by |',
    '|---|---|---|---|---|',
    ...report.objects.map((o) =>
      o.table
        ? `| ${o.label} | \`${o.table}\` | ${o.naming} | ${o.missingColumns.join(', ') || '—'} | ${o.deletion.join(', ') || '—'} |`
        : `| ${o.label} | missing | | | |`,
    ),
    '',
  ];
  if (report.stageHistory) {
    lines.push('## Stage history', '', `${report.stageHistory.description}: \`${report.stageHistory.table}\`.`);
    if (report.stageHistory.alsoFound.length) lines.push(`Also present, not used: ${report.stageHistory.alsoFound.map((t) => `\`${t}\``).join(', ')}.`);
    if (report.stages) lines.push(`The org's stages: ${report.stages.join(' → ')}.`);
    lines.push('');
  }
  lines.push('## Metrics', '', `Computable (${computable.length}): ${computable.map((m) => `\`${m.id}\``).join(', ') || 'none'}.`, '');
  if (not.length) {
    lines.push(`Not computable (${not.length}):`, '', ...not.map((m) => `- \`${m.id}\` (${m.name}): ${m.missing.join('; ')}`), '');
  }
  if (report.nearMisses.length) {
    lines.push('## Near misses (not used)', '', 'Close to what kpitree looks for, but not equal: rename them, or map them with a dataset field.', '');
    lines.push(...report.nearMisses.map((n) => `- \`${n.found}\`: did you mean ${n.expected}?`), '');
  }
  if (report.customObjects.length || report.customFields.length) {
    lines.push('## Custom objects and fields', '');
    if (report.customObjects.length) lines.push(`Custom objects: ${report.customObjects.map((t) => `\`${t}\``).join(', ')}.`, '');
    lines.push(
      ...report.customFields.map((c) => `- \`${c.table}\`: ${c.fields.join(', ')}${c.dimensions.length ? ` (dimensions: ${c.dimensions.join(', ')})` : ''}`),
      '',
    );
  }
  if (report.schemas.length > 1) {
    lines.push('## Schemas with Salesforce tables', '', ...report.schemas.map((s) => `- \`${s.schema}\`: ${s.objects} objects, ${percent(s.completeness)} of columns`), '');
  }
  lines.push('## Decisions', '', ...report.decisions.map((d) => `- ${d}`), '');
  return lines.join('\n');
}
