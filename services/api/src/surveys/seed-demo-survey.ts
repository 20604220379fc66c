import type { DemoCommunity } from "@copgraph/simulator";
import type { SurveyLog } from "./survey-log.js";

/** A demo community's closed survey round, each event recorded at its own time, as if it had run. */
export async function seedDemoSurvey(log: SurveyLog, demo: DemoCommunity): Promise<void> {
  for (const { event, recordedAt } of demo.survey?.events ?? [])
    await log.append(demo.communityId, event, "demo", new Date(recordedAt).toISOString());
}
