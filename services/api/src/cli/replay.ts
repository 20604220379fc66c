import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { indicatorsOf } from "@copgraph/community";
import { parseNdjson } from "@copgraph/interchange";
import { queryHelp, queryOptions, readQuery } from "./query-options.js";
import { InputError, UsageError } from "./usage-error.js";

export const replayHelp = `copgraph replay <log.ndjson> [options]

Indicators of one community at a date, straight from an exported event log, without a server.
Prints the same JSON as GET /v1/communities/{id}/indicators.

  --community <id>      the id to report (default: the log's file name)
  --indicators <a,b>    only these indicators (default all)
${queryHelp}`;

export async function replay(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { community: { type: "string" }, indicators: { type: "string" }, ...queryOptions },
  });
  const file = positionals[0];
  if (!file) throw new UsageError("name the event log to replay");
  const parsed = parseNdjson(readFileSync(file, "utf8"));
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `  line ${e.line}: ${e.message}`).join("\n");
    throw new InputError(`${file} is not a copgraph event log:\n${lines}`);
  }
  const events = [...parsed.records].sort((a, b) => a.revision - b.revision);
  const communityId = values.community ?? file.replace(/^.*\//, "").replace(/\..*$/, "");
  const ids = values.indicators?.split(",").map((id) => id.trim());
  let response: ReturnType<typeof indicatorsOf>;
  try {
    response = indicatorsOf({ communityId, events, query: readQuery(values), now: new Date() }, ids);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  process.stdout.write(`${JSON.stringify(response, null, 2)}\n`);
  return 0;
}
