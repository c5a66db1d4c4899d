import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/kpitree.js', import.meta.url));
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, [bin, ...args], { encoding: 'utf8' }).then(
    (out) => ({ code: 0, ...out }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

/** The built command as a user runs it (npm test builds it first). */
describe('bin/kpitree.js', () => {
  it('prints help listing every command', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of ['validate', 'query', 'tree', 'discover', 'demo', 'demo-data', 'detect', 'forecast', 'correlate']) expect(stdout).toContain(command);
  });

  it('exits 2 on bad input, as a process', async () => {
    const { code, stderr } = await run(['query']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/missing required argument 'metric'/);
  });
});
