import { parseArgs } from "node:util";
import { parseCommand } from "@copgraph/domain";
import { type LocalLogUse, openLocalLog } from "./local-log.js";
import { InputError, UsageError } from "./usage-error.js";

export const registerHelp = `copgraph register --community <id> --name <name> --concern <text> [options]

Register a community in the event log, so that files can be imported into it.

  --community <id>      its id: letters, digits, _ and . (no '-')
  --name <name>         its name, shown to support staff
  --concern <text>      the shared concern or passion it forms around
  --description <text>  optional
  --since <date>        when it started (default: now), e.g. 2025-01-01 or 2025-01-01T09:00:00Z
  --data-dir <dir>      folder of the event log (env COPGRAPH_DATA_DIR, default ./data)

Exit codes: 0 registered, 1 failed (or a server holds the data folder), 2 bad usage,
3 invalid values or already registered (nothing stored).`;

/** How to register a community for an import that found it missing. */
export const registerCommandFor = (communityId: string) =>
  `copgraph register --community ${communityId} --name "<name>" --concern "<what it forms around>"`;

export async function register(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      community: { type: "string" },
      name: { type: "string" },
      concern: { type: "string" },
      description: { type: "string" },
      since: { type: "string" },
      "data-dir": { type: "string" },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected '${positionals.join(" ")}'`);
  const { community: communityId, name, concern } = values;
  if (!communityId || !name || !concern) throw new UsageError("give --community, --name and --concern");
  const since = values.since ?? new Date().toISOString();
  const occurredAt = /^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since}T00:00:00Z` : since;
  const parsed = parseCommand({
    type: "RegisterCommunity",
    data: {
      communityId,
      name,
      concern,
      ...(values.description ? { description: values.description } : {}),
      occurredAt,
    },
  });
  if (!parsed.ok) {
    const option = (field: string | number | undefined) => (field === "occurredAt" ? "since" : (field ?? "value"));
    throw new InputError(parsed.issues.map((issue) => `--${option(issue.path.at(-1))} ${issue.message}`).join("; "));
  }
  const dataDir = values["data-dir"] ?? process.env.COPGRAPH_DATA_DIR ?? "data";
  const log = await openLocalLog(dataDir, registering(communityId));
  try {
    const result = await log.writer.write({
      communityId,
      commands: [parsed.command],
      recordedBy: "cli-register",
      correlationId: `cli-register:${communityId}`,
    });
    console.log(`registered '${communityId}' (revision ${result.revision})`);
    return 0;
  } catch (error) {
    if ((error as { code?: string }).code === "community_already_registered") {
      throw new InputError(`community ${communityId} is already registered; nothing was stored`);
    }
    throw error;
  } finally {
    await log.close();
  }
}

/** Registering holds the data folder; beside a server it says how to register through the server. */
function registering(communityId: string): LocalLogUse {
  return {
    writer: "copgraph register",
    besideServer: ({ url = "http://<server>" }) =>
      [
        "register through it instead (with an API key, unless it runs in local development mode),",
        "or stop it and run this command again:",
        `  curl -X POST '${url}/v1/communities' -H 'content-type: application/json' \\`,
        `    -d '{"communityId":"${communityId}","name":"<name>","concern":"<what it forms around>"}'`,
      ].join("\n"),
  };
}
