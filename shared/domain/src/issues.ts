// Zod issues flattened to { path, message }, with paths a client can point at and messages a person reads.
import type { z } from "zod";
import { issueSentence } from "./issue-sentence.js";

export type IssuePath = (string | number)[];
export interface Issue {
  path: IssuePath;
  message: string;
  /** zod's issue code, for callers that say it in their own terms (a CSV file's columns). */
  code?: string;
}

const toPath = (path: readonly PropertyKey[]): IssuePath =>
  path.map((key) => (typeof key === "number" || typeof key === "string" ? key : String(key)));

export function issuesFrom(error: z.ZodError): Issue[] {
  const issues: Issue[] = [];
  for (const issue of error.issues) {
    const path = toPath(issue.path);
    if (issue.code === "unrecognized_keys") {
      // One issue per key, located at the key, so a form can mark the field.
      for (const key of issue.keys) issues.push({ path: [...path, key], message: "unrecognized key" });
    } else if (issue.code === "invalid_key") {
      const why = issue.issues.map((inner) => issueSentence(inner)).join("; ");
      issues.push({ path, message: `invalid key: ${why}` });
    } else {
      issues.push({ path, message: issueSentence(issue), code: issue.code });
    }
  }
  return issues;
}

/** For inputs whose getters or proxies throw: parsing must report, never throw. */
export function unreadableIssue(cause: unknown): Issue {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return { path: [], message: `input could not be read: ${detail}` };
}
