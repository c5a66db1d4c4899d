import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * Reads a secret from standard input, never from the command line (where `ps` and shell history
 * would keep it): on a terminal, a prompt on stderr and no echo; piped, the first line.
 */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    return await new Promise<string>((resolve) => reader.once('line', resolve));
  } finally {
    reader.close();
    process.stderr.write('\n');
  }
}
