import type { DiscoveryReport } from './discovery-report.js';

/** The report as the CLI prints it: objects found or missing, metrics computable, what each other metric lacks, near misses. */
export function renderDiscovery(report: DiscoveryReport, out: string): string {
  const computable = report.metrics.filter((m) => m.computable).length;
  const width = Math.max(...report.objects.map((o) => o.label.length));
  const lines = [
    `Salesforce in ${report.warehouse}, schema ${report.schema} (${report.naming} names)`,
    '',
    ...report.objects.map((o) => {
      const status = o.table ? `✓ ${o.table}${o.missingColumns.length ? `  (missing: ${o.missingColumns.join(', ')})` : ''}` : '✗ missing';
      return `  ${o.label.padEnd(width)}  ${status}`;
    }),
    '',
  ];
  if (report.stageHistory) lines.push(`Stage history: ${report.stageHistory.description}, ${report.stageHistory.table}`, '');
  lines.push(`Metrics computable: ${computable} of ${report.metrics.length}`);
  for (const metric of report.metrics.filter((m) => !m.computable)) lines.push(`  ✗ ${metric.id}: ${metric.missing.join('; ')}`);
  if (report.nearMisses.length) {
    lines.push('', 'Near misses (not used):');
    for (const miss of report.nearMisses) lines.push(`  ${miss.found}: did you mean ${miss.expected}?`);
  }
  const choice = report.decisions.find((d) => d.startsWith('Salesforce tables are in'));
  if (choice) lines.push('', choice);
  lines.push('', `Wrote the project to ${out} (see DISCOVERY.md there for every decision).`, '');
  return lines.join('\n');
}
