import type { Issue, SurveyRefusalCode } from "@copgraph/domain";
import { HttpProblem, pointer } from "../http/problem.js";
import { SurveyRefused } from "./survey-log.js";

const statusOf: Record<SurveyRefusalCode, number> = {
  round_exists: 409,
  unknown_round: 404,
  round_closed: 409,
  round_not_open: 409,
  invalid_round: 400,
  invalid_answer: 400,
  no_answer: 409,
};

/** A refusal of the survey decider as the API answers it, each issue pointing into the body. */
export function surveyProblem(error: unknown): unknown {
  if (!(error instanceof SurveyRefused)) return error;
  const { code, detail, issues } = error.decision;
  return new HttpProblem(statusOf[code], code, detail, issues.map(bodyError));
}

const bodyError = (issue: Issue) => ({ in: "body" as const, pointer: pointer(issue.path), message: issue.message });

/** Runs a survey write, turning the decider's refusal into its 4xx. */
export async function decided<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw surveyProblem(error);
  }
}
