// Measure 7: the time slider dragged over weekly dates of the 2,000 / 50,000 community: for each
// date what the community view asks (web/src/pages/community/community-view.ts: the graph, the
// panel's readings, IQV by the other attribute), sent together; p95 of the server time per date.
import { WEEK } from "../web/community.js";
import type { CopgraphServer } from "./copgraph-serve.js";
import { sampleDates } from "./date-samples.js";
import { fmt, type MeasureOutcome } from "./measure.js";
import type { SuiteOptions } from "./options.js";
import { query } from "./timed-get.js";

/**
 * The indicator panel's readings (`requested` in web/src/pages/community/indicator-panel.ts), copied:
 * importing that module would bring the web app's DOM types into the bench's typecheck.
 */
export const panelReadings =
  "silo.ei,diversity.iqv,reciprocity.rho,reciprocity.dyadic,roles.dual_role_share,activity.active_members,network.members,network.ties,silo.clusters";

/** The community view's three reads at one date. */
export const viewPaths = (communityId: string, at: string) => [
  `/v1/communities/${communityId}/graph${query({ at })}`,
  `/v1/communities/${communityId}/indicators${query({ at, indicators: panelReadings })}`,
  `/v1/communities/${communityId}/indicators${query({ at, attribute: "occupationalLayer", indicators: "diversity.iqv" })}`,
];

export async function measureSlider(
  options: SuiteOptions,
  server: CopgraphServer,
  communityId: string,
  historyEnd: number,
  log: (line: string) => void,
): Promise<MeasureOutcome> {
  // Oldest first, as a drag from the left; 13 minutes off the week so no other measure asked them.
  const dates = Array.from({ length: options.sliderWeeks }, (_, k) =>
    new Date(historyEnd - (options.sliderWeeks - 1 - k) * WEEK - 13 * 60_000).toISOString(),
  );
  const samples = await sampleDates(server, dates, (at) => viewPaths(communityId, at), options.requestTimeoutMs, log);
  return {
    figure: `p95 ${fmt(samples.p95Ms)} ms per date (median ${fmt(samples.medianMs)}, max ${fmt(samples.maxMs)}, ${dates.length} dates${samples.failed ? `, ${samples.failed} failed` : ""})`,
    met: samples.failed === 0 && samples.p95Ms < 150,
    raw: { dates, ...samples },
  };
}
