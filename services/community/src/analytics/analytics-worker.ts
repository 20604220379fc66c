// An analytics thread: keeps a replica of the communities it was asked about (seeded from the read
// model, then fed its events), and computes one task at a time on it. Each answer names its task;
// a task given up is stopped.
import { parentPort, workerData } from "node:worker_threads";
import { ComputationStopped, EngineCache, fromCheckpoint, stopBrandesWhen } from "@copgraph/analytics";
import { computeTask, TaskStopped } from "./compute-task.js";
import { ReadModelReplica } from "./read-model-replica.js";
import type { AnalyticsThreadData, FromAnalyticsThread, ToAnalyticsThread } from "./worker-protocol.js";

const port = parentPort;
if (!port) throw new Error("the analytics thread runs as a worker thread");
const stopFlag = new Int32Array((workerData as AnalyticsThreadData).stop);
const replica = new ReadModelReplica();
// Few: a view of a large community is big, and a thread is asked the same date mostly back to back
// (an agency's indicators then group sizes, a graph then its indicators).
const views = new EngineCache(4);
let current = -1;
const stopped = () => Atomics.load(stopFlag, 0) === current;
// Exact betweenness runs for seconds on large graphs: it asks too, once per source.
stopBrandesWhen(stopped);

const answer = (message: FromAnalyticsThread) => port.postMessage(message);

port.on("message", (message: ToAnalyticsThread) => {
  if (message.kind === "seed") {
    replica.seed(message.communityId, message.revision, fromCheckpoint(message.history));
    return;
  }
  if (message.kind === "events") {
    replica.apply(message.events);
    return;
  }
  if (message.kind === "drop") {
    // Its views go too: they hold the history.
    const dropped = replica.drop(message.communityId);
    if (dropped) views.forget(dropped);
    return;
  }
  const { task } = message;
  current = task.id;
  try {
    answer({ kind: "done", id: task.id, result: computeTask(replica, views, task, stopped) });
  } catch (error) {
    if (error instanceof TaskStopped || error instanceof ComputationStopped) answer({ kind: "stopped", id: task.id });
    else answer({ kind: "failed", id: task.id, message: (error as Error).message });
  } finally {
    current = -1;
  }
});

answer({ kind: "ready" });
