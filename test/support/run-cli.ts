import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as a user would type it, and captures what it prints. */
export async function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; now?: string; stdin?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    now: () => new Date(options.now ?? '2025-05-15T12:00:00Z'),
    interactive: false,
    ...(options.stdin !== undefined ? { readSecret: async () => options.stdin!.split(/\r?\n/)[0] ?? '' } : {}),
  });
  return { code, stdout, stderr };
}
