import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { appendHistory, type HistoryEvent } from "@copgraph/community";
import { MAX_BATCH_EVENTS } from "@copgraph/contract";
import { type Command, commandForEvent, DomainError } from "@copgraph/domain";
import {
  type CsvKind,
  csvKinds,
  type DatasetName,
  datasetNames,
  importDataset,
  importNdjson,
  type LineError,
  parseCsvImport,
  refusedRows,
  shippedDatasetFolder,
} from "@copgraph/interchange";
import { importNdjsonFile } from "./import-ndjson.js";
import { importSurveyCommand } from "./import-survey.js";
import { type LocalLog, type LocalLogUse, openLocalLog } from "./local-log.js";
import { keptTransactionTimes } from "./ndjson/kept-transaction-times.js";
import { Progress } from "./progress.js";
import { registerCommandFor } from "./register.js";
import { InputError, UsageError } from "./usage-error.js";

export const importHelp = `copgraph import <file> --community <id> [options]
copgraph import --dataset <name> --community <id> [--from <folder>]
copgraph import --survey <roundId> --community <id> <answers.csv>

Import into the event log, all or nothing: every bad row is listed with its line and nothing
is stored unless the whole file is valid. An event log is read once and stored in one
transaction: an import cut short (Ctrl-C, a crash) stores nothing of it. While a server runs on
the data folder it refuses (exit 1) and says how to send the file to the server instead.

  <file>              a CSV file (.csv, needs --kind) or a copgraph event log (.ndjson)
  --kind <kind>       what a CSV file holds: ${csvKinds.join(", ")}
  --dataset <name>    a classic data set, shipped with copgraph: ${datasetNames.join(", ")}
  --from <folder>     read the data set's files from this folder instead of the shipped copy
  --survey <roundId>  the CSV file holds a survey round's answers from another tool (docs/surveys.md)
  --community <id>    the community to import into (a data set or log registers it; before a
                      CSV file, register it with copgraph register)
  --dry-run           check everything, store nothing
  --data-dir <dir>    folder of the event log (env COPGRAPH_DATA_DIR, default ./data)

Exit codes: 0 imported (or valid on --dry-run), 1 failed (or a server holds the data folder),
2 bad usage, 3 invalid or empty input (nothing stored).`;

/** An empty file is almost always the wrong file: say so instead of "imported 0 events". */
const holdsNothing = (source: string) => new InputError(`${source} holds no events; nothing was stored`);

const describe = (errors: readonly LineError[]) =>
  errors.map(({ line, column, message }) => `  line ${line}${column ? `, ${column}` : ""}: ${message}`).join("\n");

/** How many refused rows an import lists; the rest are counted. */
const LISTED_REFUSALS = 1_000;

/** Where the history's events came from in the file, to point at the rows the decider refuses. */
interface FileLines {
  /** The file line of each event. */
  readonly rows: readonly number[];
  /** A CSV file's kind and every line of each event (a gathering's participant rows). */
  readonly csv?: { readonly kind: CsvKind; readonly lines: readonly (readonly number[])[] };
}

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      kind: { type: "string" },
      dataset: { type: "string" },
      from: { type: "string" },
      survey: { type: "string" },
      community: { type: "string" },
      "dry-run": { type: "boolean" },
      "data-dir": { type: "string" },
    },
  });
  const communityId = values.community;
  if (!communityId) throw new UsageError("name the community with --community <id>");
  const file = positionals[0];
  if (file && !values.dataset && !existsSync(file)) throw new InputError(`no file at ${file}; nothing was stored`);
  const dataDir = values["data-dir"] ?? process.env.COPGRAPH_DATA_DIR ?? "data";
  if (values.survey) {
    const request = { file, communityId, roundId: values.survey, dryRun: values["dry-run"] ?? false, describe };
    console.log(await importSurveyCommand(dataDir, request));
    return 0;
  }
  // A dry run stores nothing: it may check a file beside a running server.
  const use = values["dry-run"]
    ? { reader: "copgraph import --dry-run" }
    : importing(communityId, file && !values.dataset ? file : undefined, values.kind);
  if (file && !values.dataset && isEventLog(file)) {
    const log = await openLocalLog(dataDir, use);
    try {
      const dryRun = values["dry-run"] ?? false;
      const stored = await importNdjsonFile(log, { file, communityId, dryRun, describe });
      if (stored === 0) throw holdsNothing(file);
      if (stored !== undefined) {
        console.log(
          dryRun
            ? `${stored} events are valid for '${communityId}'; nothing was stored (dry run)`
            : `imported ${stored} events into '${communityId}'`,
        );
        return 0;
      }
    } finally {
      await log.close();
    }
  }
  const { history, lines, csv } = readHistory(file, values, communityId);
  if (history.length === 0) throw holdsNothing(file ?? `data set ${values.dataset}`);
  const log = await openLocalLog(dataDir, use);
  try {
    const times = lines ? await keptTransactionTimes(log, communityId) : undefined;
    const timeErrors: LineError[] = [];
    history.forEach(({ recordedAt }, i) => {
      if (times && recordedAt !== undefined) times.check(recordedAt, lines?.[i] ?? 0, timeErrors);
    });
    if (timeErrors.length > 0) {
      throw new InputError(`${file} has ${timeErrors.length} problem(s); nothing was stored\n${describe(timeErrors)}`);
    }
    if (values["dry-run"]) {
      await log.writer.check(
        communityId,
        history.map(({ event }) => commandForEvent(event)),
      );
      console.log(`${history.length} events are valid for '${communityId}'; nothing was stored (dry run)`);
      return 0;
    }
    const progress = new Progress("importing", history.length);
    const stored = await appendHistory(log.writer, communityId, history, {
      recordedBy: "cli-import",
      onProgress: (n) => progress.update(n),
    });
    progress.done(stored);
    console.log(`imported ${stored} events into '${communityId}'`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      const commands = () => history.map(({ event }) => commandForEvent(event));
      throw await refusedInput(log, communityId, commands, error, file, lines && { rows: lines, csv });
    }
    throw error;
  } finally {
    await log.close();
  }
}

/**
 * The decider refused the import: every refused row of a file (the first LISTED_REFUSALS, the rest
 * counted), or, for a community not registered, that alone, once, with the command that registers it.
 */
async function refusedInput(
  log: LocalLog,
  communityId: string,
  commands: () => Command[],
  error: DomainError,
  file: string | undefined,
  fileLines: FileLines | undefined,
): Promise<InputError> {
  if (error.code === "community_not_registered") {
    return new InputError(
      `community ${communityId} is not registered: register it first with\n  ${registerCommandFor(communityId)}\nnothing was stored`,
    );
  }
  if (error.index === undefined || !fileLines) {
    const where = error.index === undefined ? "" : `event ${error.index + 1}: `;
    return new InputError(`${where}${error.message}; nothing was stored`);
  }
  const { refusals, count } = await log.writer.refusals(communityId, commands(), LISTED_REFUSALS);
  if (refusals.length === 0)
    return new InputError(`line ${fileLines.rows[error.index]}: ${error.message}; nothing was stored`);
  const errors = fileLines.csv
    ? refusedRows(fileLines.csv.kind, refusals, fileLines.csv.lines)
    : refusals.map(({ index = 0, message }) => ({ line: fileLines.rows[index] ?? 0, message }));
  const rest = count - refusals.length;
  const more = rest > 0 ? `\n  … and ${rest.toLocaleString("en")} more` : "";
  const rows = `${count.toLocaleString("en")} ${count === 1 ? "row" : "rows"}`;
  return new InputError(`${file} has ${rows} copgraph cannot store; nothing was stored\n${describe(errors)}${more}`);
}

const isEventLog = (file: string) => [".ndjson", ".jsonl"].includes(extname(file));

/** An import holds the data folder; beside a server it says how to import through the server instead. */
function importing(communityId: string, file: string | undefined, kind: string | undefined): LocalLogUse {
  const path = `/v1/communities/${encodeURIComponent(communityId)}`;
  const csv = file !== undefined && !isEventLog(file);
  const csvRoute = `${path}/imports/csv?kind=${kind ?? "<kind>"}`;
  return {
    writer: "copgraph import",
    besideServer: ({ url = "http://<server>" }) =>
      [
        "import through it instead (with an API key, unless it runs in local development mode),",
        "or stop it and run this command again.",
        ...(csv
          ? [
              `  a CSV file:  POST ${csvRoute} with the file as the body (content-type: text/csv), e.g.`,
              `               curl -X POST '${url}${csvRoute}' -H 'content-type: text/csv' --data-binary @${file}`,
            ]
          : []),
        `  any events:  POST ${path}/events with {"events":[…]}, up to ${MAX_BATCH_EVENTS.toLocaleString("en")} events a request, all or nothing`,
      ].join("\n"),
  };
}

function readHistory(
  file: string | undefined,
  values: { kind?: string; dataset?: string; from?: string },
  communityId: string,
): { history: HistoryEvent[]; lines?: readonly number[]; csv?: FileLines["csv"] } {
  if (values.dataset) {
    if (!datasetNames.includes(values.dataset as never)) {
      throw new UsageError(`unknown data set '${values.dataset}'; known: ${datasetNames.join(", ")}`);
    }
    const name = values.dataset as DatasetName;
    const folder = values.from ?? fileURLToPath(shippedDatasetFolder(name));
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new InputError(`--from ${folder} is not a folder; nothing was stored`);
    }
    const files = Object.fromEntries(
      readdirSync(folder).map((fileName) => [fileName, readFileSync(join(folder, fileName), "utf8")]),
    );
    const occurredAt = "2000-01-01T00:00:00.000Z";
    const events = importDataset(name, files, { communityId, occurredAt });
    return { history: events.map((event) => ({ event })) };
  }
  if (!file) throw new UsageError("name a file to import, or --dataset");
  const bytes = readFileSync(file);
  if (isEventLog(file)) {
    // Revisions out of order: the whole file is read and sorted.
    const result = importNdjson(bytes.toString("utf8"));
    if (!result.ok)
      throw new InputError(
        `${file} has ${result.errors.length} problem(s); nothing was stored\n${describe(result.errors)}`,
      );
    return {
      history: result.events.map(({ id, recordedAt, ...event }) => ({
        event: event as HistoryEvent["event"],
        id,
        ...(recordedAt === undefined ? {} : { recordedAt }),
      })),
      lines: result.rows,
    };
  }
  if (!values.kind || !csvKinds.includes(values.kind as CsvKind)) {
    throw new UsageError(`name what the CSV file holds with --kind ${csvKinds.join("|")}`);
  }
  const result = parseCsvImport(values.kind as CsvKind, new Uint8Array(bytes), { communityId, now: new Date() });
  if (!result.ok)
    throw new InputError(
      `${file} has ${result.errors.length} problem(s); nothing was stored\n${describe(result.errors)}`,
    );
  return {
    history: result.events.map((event) => ({ event })),
    lines: result.rows,
    csv: { kind: values.kind as CsvKind, lines: result.lines },
  };
}
