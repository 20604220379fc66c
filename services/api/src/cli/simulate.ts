import { parseArgs } from "node:util";
import { appendHistory } from "@copgraph/community";
import { simulateMany } from "@copgraph/simulator";
import { openLocalLog } from "./local-log.js";
import { Progress } from "./progress.js";
import { UsageError } from "./usage-error.js";

export const simulateHelp = `copgraph simulate [options]

Record simulated community histories (seeded, reproducible) into the event log, for trying
copgraph out and for benchmarks. Refused while a server runs on the data folder.

  --communities <n>  how many communities (default 1)
  --events <n>       events over all communities (default 10000)
  --seed <n>         seed; the same seed gives the same histories (default 1)
  --months <n>       length of the histories, ending now (default 24)
  --data-dir <dir>   folder of the event log (env COPGRAPH_DATA_DIR, default ./data)`;

const positive = (name: string, text: string | undefined, fallback: number) => {
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`--${name} must be a whole number of at least 1, not '${text}'`);
  return value;
};

export async function simulate(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      communities: { type: "string" },
      events: { type: "string" },
      seed: { type: "string" },
      months: { type: "string" },
      "data-dir": { type: "string" },
    },
  });
  const communities = positive("communities", values.communities, 1);
  const eventsTotal = positive("events", values.events, 10_000);
  const seed = positive("seed", values.seed, 1);
  const months = positive("months", values.months, 24);
  const end = Date.now();
  const start = end - months * 30.436875 * 86_400_000;
  const log = await openLocalLog(values["data-dir"] ?? process.env.COPGRAPH_DATA_DIR ?? "data", {
    writer: "copgraph simulate",
    besideServer: () => "stop it and run this command again, or simulate into another --data-dir.",
  });
  const progress = new Progress("simulating", eventsTotal);
  let done = 0;
  try {
    for (const simulation of simulateMany({ communities, eventsTotal, seed, start, end })) {
      const first = simulation.events[0];
      const communityId = first?.type === "CommunityRegistered" ? first.data.communityId : `sim${seed}`;
      const before = done;
      await appendHistory(
        log.writer,
        communityId,
        simulation.events.map((event) => ({ event })),
        {
          recordedBy: "simulator",
          onProgress: (n) => progress.update(before + n),
        },
      );
      done += simulation.events.length;
      console.log(`${communityId}: ${simulation.events.length} events`);
    }
    progress.done(done);
  } finally {
    await log.close();
  }
  return 0;
}
