// One replay run, in a process of its own (forked by replay.ts): reads the whole log of a data folder
// through the store's subscription into the read model (CommunityHistories, as a server starts without
// checkpoints) and the engine's tie index; before and after that, only reads and parses the rows (the
// floor). Prints one JSON line.
import { tieIndexOf } from "@copgraph/analytics";
import { CommunityHistories, communityOf } from "@copgraph/community";
import { openEventStore } from "@copgraph/event-store";
import { peakRssOf } from "./copgraph-serve.js";

const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

const dataDir = process.argv[2];
if (!dataDir) {
  console.error("usage: replay-child.ts <data-dir>");
  process.exit(2);
}
const store = await openEventStore({ dataDir });
try {
  const [last] = await store.readAll({ direction: "backwards", fromPosition: "end", maxCount: 1 });
  if (!last) throw new Error(`no events in ${dataDir}`);
  const streams = await store.listStreams("community-");

  /** Reads every row through the subscription the read model uses, applying nothing. */
  const floor = async () => {
    let events = 0;
    let keys = 0;
    const started = performance.now();
    for await (const event of store.subscribeToAll({ fromPosition: "start" })) {
      events++;
      // Touch what was parsed, so the floor is not reading less than the read model does.
      keys += Object.keys(event.data).length;
      if (event.position.commit >= last.position.commit) break;
    }
    return { events, keys, ms: performance.now() - started };
  };
  const before = await floor();

  const histories = new CommunityHistories(store);
  const replayStarted = performance.now();
  histories.start();
  const loaded = [];
  for (const stream of streams) loaded.push(await histories.at(communityOf(stream.streamId), Number(stream.revision)));
  const replayMs = performance.now() - replayStarted;
  // The engine's columns are built from the history on the first query: part of loading the engine.
  const indexStarted = performance.now();
  for (const community of loaded) if (community) tieIndexOf(community.history);
  const indexMs = performance.now() - indexStarted;
  const events = streams.reduce((sum, stream) => sum + Number(stream.revision) + 1, 0);
  await histories.stop();
  // Read again after the replay: the faster of the two is the floor, so neither side has the warmer start.
  const after = await floor();
  const best = after.ms < before.ms ? after : before;
  const floorRuns = [before.ms, after.ms];
  console.log(
    JSON.stringify({
      events,
      floorEvents: best.events,
      floorMs: best.ms,
      floorRuns,
      replayMs,
      indexMs,
      keys: best.keys,
      peakRssBytes: peakRssOf(process.pid),
      cpuMs: cpuMs(),
    }),
  );
} finally {
  await store.close();
}
