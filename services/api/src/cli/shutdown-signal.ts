const signals = ["SIGINT", "SIGTERM"] as const;

/**
 * Resolves at the first SIGINT or SIGTERM, so the caller can shut down in order. A second signal
 * while that runs ends the process at once (exit 130), for when someone really wants it gone.
 */
export function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals) => {
      for (const name of signals) {
        process.off(name, first);
        process.once(name, () => {
          console.error(`copgraph: ${name} again, exiting without finishing the requests in flight`);
          process.exit(130);
        });
      }
      resolve(signal);
    };
    for (const name of signals) process.once(name, first);
  });
}
