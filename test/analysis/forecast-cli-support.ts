import type { CliIo } from '../../src/cli/io.js';

/** A CliIo that keeps what a command prints (the shape of test/support/run-cli.ts). */
export function captureIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd,
    env: {},
    now: () => new Date('2026-11-23T12:00:00Z'),
    interactive: false,
    out: () => stdout,
    err: () => stderr,
  };
}

export function weeklyCsv(values: (number | null)[], start = '2024-01-01'): string {
  const day = Date.parse(start);
  return ['timestamp,value', ...values.map((v, i) => `${new Date(day + 7 * i * 86_400_000).toISOString().slice(0, 10)},${v ?? ''}`)].join('\n') + '\n';
}
