import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const entry = fileURLToPath(new URL('./kpitree-child.ts', import.meta.url));

/** A `kpitree` child process (from source, in its own process group), its output gathered as it comes. */
export interface KpitreeProcess {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exited: Promise<[number | null, NodeJS.Signals | null]>;
  /** Resolves once stdout + stderr match. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGTERM to the process: a clean stop. */
  stop(): void;
  /** SIGKILL to the whole process group: no chance to clean up. */
  kill(): void;
}

export function spawnKpitree(args: string[], env: NodeJS.ProcessEnv = {}): KpitreeProcess {
  // node with tsx as its loader, not the tsx CLI: the CLI relays a signal only if the child answers
  // within 30 ms, and kills it otherwise, while a busy moment (a PGlite statement, an analysis) is longer.
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: repo, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const waiting: { pattern: RegExp; resolve: () => void }[] = [];
  const proc: KpitreeProcess = {
    child,
    stdout: '',
    stderr: '',
    exited,
    waitFor(pattern, timeoutMs = 30_000) {
      if (pattern.test(proc.stdout + proc.stderr)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${proc.stdout}\n${proc.stderr}`)), timeoutMs);
        waiting.push({ pattern, resolve: () => (clearTimeout(timer), resolve()) });
        void exited.then(() => setTimeout(() => reject(new Error(`exited before ${pattern}; output:\n${proc.stdout}\n${proc.stderr}`)), 50));
      });
    },
    stop() {
      child.kill('SIGTERM');
    },
    kill() {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
  const check = () => {
    for (const w of [...waiting]) {
      if (!w.pattern.test(proc.stdout + proc.stderr)) continue;
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  };
  child.stdout!.on('data', (chunk: Buffer) => ((proc.stdout += chunk.toString()), check()));
  child.stderr!.on('data', (chunk: Buffer) => ((proc.stderr += chunk.toString()), check()));
  return proc;
}
