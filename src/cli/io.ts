import { readSecret } from './read-secret.js';

/** What a command may touch of its process, so that tests can run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** Whether stderr is a terminal that can redraw a progress line. */
  interactive: boolean;
  /** A secret (a password) from standard input, never from argv; absent where there is no input. */
  readSecret?: (prompt: string) => Promise<string>;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    interactive: Boolean(process.stderr.isTTY),
    readSecret,
  };
}
