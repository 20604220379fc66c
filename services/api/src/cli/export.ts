import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  type ExportFormat,
  ExportKeyError,
  exportCommunity,
  exportFormats,
  readCommunityLog,
} from "@copgraph/community";
import { openLocalLog } from "./local-log.js";
import { queryHelp, queryOptions, readQuery } from "./query-options.js";
import { InputError, UsageError } from "./usage-error.js";

export const exportHelp = `copgraph export --community <id> --format <format> [options]

Write one community in a researcher's format, to --out or standard output.

  --format <f>        ${exportFormats.join(", ")}
                      (research: the event log pseudonymised, without names or free text)
  --key <k>           research: the export key (16+ characters); the same key, the same pseudonyms
  --out <file>        write here instead of standard output
  --data-dir <dir>    folder of the event log (env COPGRAPH_DATA_DIR, default ./data)
${queryHelp}`;

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      community: { type: "string" },
      format: { type: "string" },
      key: { type: "string" },
      out: { type: "string" },
      "data-dir": { type: "string" },
      ...queryOptions,
    },
  });
  if (!values.community) throw new UsageError("name the community with --community <id>");
  const communityId = values.community;
  if (!exportFormats.includes(values.format as ExportFormat)) {
    throw new UsageError(`--format must be one of ${exportFormats.join(", ")}`);
  }
  const query = readQuery(values);
  const log = await openLocalLog(values["data-dir"] ?? process.env.COPGRAPH_DATA_DIR ?? "data", {
    reader: "copgraph export",
  });
  try {
    const events = await readCommunityLog(log.store, values.community);
    if (events.length === 0) throw new InputError(`no community '${values.community}' in the log`);
    const exported = exportCommunity(values.format as ExportFormat, {
      communityId: values.community,
      events,
      query,
      ...(values.key ? { key: values.key } : {}),
      withNames: (all) => log.personal.join(communityId, all),
      now: new Date(),
    });
    if (values.out) {
      writeFileSync(values.out, exported.body);
      console.error(`wrote ${values.out} (${events.length} events)`);
    } else process.stdout.write(exported.body);
    return 0;
  } catch (error) {
    if (error instanceof ExportKeyError) throw new UsageError(error.message);
    throw error;
  } finally {
    await log.close();
  }
}
