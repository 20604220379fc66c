import type { SurveyEvent, SurveyRoundOpenedData } from "@copgraph/domain";

/**
 * A round "r1" of "town" opening on 1 March 2026 and closing on 1 April, asking ana, ben and cem
 * whom they go to for advice; the tests change what they need.
 */
export function surveyRoundOpened(overrides: Partial<SurveyRoundOpenedData> = {}): SurveyEvent {
  return {
    type: "SurveyRoundOpened",
    data: {
      roundId: "r1",
      communityId: "town",
      title: "Spring",
      opensAt: "2026-03-01T00:00:00Z",
      closesAt: "2026-04-01T00:00:00Z",
      roster: ["ana", "ben", "cem"],
      questions: ["ng.advice.v1"],
      catalogueVersion: 1,
      occurredAt: "2026-03-01T00:00:00Z",
      ...overrides,
    },
  };
}
