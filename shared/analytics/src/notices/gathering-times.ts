import type { CommunityHistory } from "../projection/community-history.js";

/** Valid times (ms) of the community's gatherings as known now: retracted ones left out. */
export function gatheringTimes(history: CommunityHistory): number[] {
  return history.gatherings
    .all()
    .filter((gathering) => history.retractedAt(gathering.id) === undefined)
    .map((gathering) => gathering.occurredAt);
}
