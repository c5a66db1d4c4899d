/**
 * Resolves with the signal's name at the first SIGINT or SIGTERM, for long-running commands to stop
 * cleanly. A signal within a second of the first is taken as the same request (a process manager
 * may signal both npx and node); a later one exits at once (code 130).
 */
export function waitForStop(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let first: number | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (first === undefined) {
        first = Date.now();
        resolve(signal);
      } else if (Date.now() - first > 1_000) {
        process.exit(130);
      }
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  });
}
