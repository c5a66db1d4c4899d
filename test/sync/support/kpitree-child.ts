/**
 * The kpitree command run from source, for tests that need a real child process (kill, signals,
 * two workers): `node --import tsx test/sync/support/kpitree-child.ts sync -p DIR`.
 */
import { main } from '../../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
