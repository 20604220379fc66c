import {
  type EngineCache,
  engineIndicators,
  type IndicatorValues,
  indicatorById,
  roundChainTest,
} from "@copgraph/analytics";
import { groupSizesOfMembers } from "./group-sizes.js";
import type { ReadModelReplica } from "./read-model-replica.js";
import type { AnalyticsTask, TaskResult } from "./worker-protocol.js";

/** The task was given up by the API thread; nothing more of it is computed. */
export class TaskStopped extends Error {
  constructor(readonly taskId: number) {
    super(`task ${taskId} was stopped`);
  }
}

/**
 * Computes a task's indicators on the replica with the engine: projects the community for the
 * query (remembered for the next task with the same query), then one indicator at a time,
 * asking `stopped` before each, and the group sizes when asked; or a survey round's chain test.
 */
export function computeTask(
  replica: ReadModelReplica,
  views: EngineCache,
  task: AnalyticsTask,
  stopped: () => boolean,
): TaskResult {
  const history = replica.history(task.communityId, task.revision);
  if (!history) throw new Error(`the replica of '${task.communityId}' has not reached revision ${task.revision}`);
  if (stopped()) throw new TaskStopped(task.id);
  if (task.chain) {
    const { responses, ...query } = task.chain;
    return { values: {}, chain: roundChainTest(history, responses, query) };
  }
  const view = views.get(history, task.graphQuery);
  const values: IndicatorValues = {};
  for (const id of task.ids ?? indicatorById.keys()) {
    if (stopped()) throw new TaskStopped(task.id);
    Object.assign(values, engineIndicators(view, task.options, [id]));
  }
  if (!task.groupSizes) return { values };
  return { values, groupSizes: groupSizesOfMembers(view.compact.attributes, task.options.attribute) };
}
