// `copgraph import --survey <roundId>`: a round's answers from another survey tool's CSV into the
// local log, as POST …/surveys/:roundId/answers.csv does over HTTP: every row checked first, all or nothing.
import { readFileSync } from "node:fs";
import { type LineError, parseSurveyAnswersCsv } from "@copgraph/interchange";
import { SurveyLog, SurveyRefused } from "../surveys/survey-log.js";
import { type LocalLog, type LocalLogUse, openLocalLog } from "./local-log.js";
import { InputError, UsageError } from "./usage-error.js";

/** How many bad rows are listed; the rest are counted. */
const LISTED_ROWS = 1_000;

export interface SurveyImport {
  readonly file: string | undefined;
  readonly communityId: string;
  readonly roundId: string;
  readonly dryRun: boolean;
  readonly describe: (errors: readonly LineError[]) => string;
}

/** Opens the data folder and imports; the sentence to print. */
export async function importSurveyCommand(dataDir: string, request: SurveyImport): Promise<string> {
  if (!request.file) throw new UsageError("name the CSV file of answers to import");
  const use: LocalLogUse = request.dryRun ? { reader: "copgraph import --dry-run" } : importing(request);
  const log = await openLocalLog(dataDir, use);
  try {
    return await importSurveyAnswers(log, request, new Date());
  } finally {
    await log.close();
  }
}

/** Checks every row against the round as it stands, then appends one answer per respondent. */
export async function importSurveyAnswers(
  log: Pick<LocalLog, "store" | "writer" | "personal">,
  { file, communityId, roundId, dryRun, describe }: SurveyImport,
  now: Date,
): Promise<string> {
  if (!file) throw new UsageError("name the CSV file of answers to import");
  if (!(await log.writer.head(communityId))) throw new InputError(`no community '${communityId}'; nothing was stored`);
  const surveys = new SurveyLog(log.store, log.personal, log.writer);
  const round = await surveys.round(communityId, roundId);
  if (!round) throw new InputError(`no survey round '${roundId}' in '${communityId}'; nothing was stored`);
  if (round.closedAt !== null)
    throw new InputError(`round '${roundId}' was closed at ${round.closedAt}: it takes no more answers`);
  const parsed = parseSurveyAnswersCsv(new Uint8Array(readFileSync(file)), round, { now });
  if (!parsed.ok) {
    const rest = parsed.errors.length - LISTED_ROWS;
    const more = rest > 0 ? `\n  … and ${rest.toLocaleString("en")} more` : "";
    throw new InputError(
      `${file} has ${parsed.errors.length} problem(s); nothing was stored\n${describe(parsed.errors.slice(0, LISTED_ROWS))}${more}`,
    );
  }
  const count = parsed.answers.length;
  const answers = `${count} ${count === 1 ? "answer" : "answers"}`;
  if (dryRun)
    return `${answers} from ${parsed.rows} rows are valid for round '${roundId}'; nothing was stored (dry run)`;
  const events = parsed.answers.map(({ event }) => event);
  try {
    await surveys.appendAll(communityId, roundId, events, "cli-import", now.toISOString());
  } catch (error) {
    if (!(error instanceof SurveyRefused)) throw error;
    throw new InputError(`answer ${error.index + 1} of ${count}: ${error.message}; nothing was stored`);
  }
  return `imported ${answers} into round '${roundId}' of '${communityId}'`;
}

/** Beside a server, the import says how to send the file to it instead. */
function importing({ file, communityId, roundId }: SurveyImport): LocalLogUse {
  const route = `/v1/communities/${encodeURIComponent(communityId)}/surveys/${encodeURIComponent(roundId)}/answers.csv`;
  return {
    writer: "copgraph import",
    besideServer: ({ url = "http://<server>" }) =>
      [
        "import through it instead (with an API key, unless it runs in local development mode),",
        "or stop it and run this command again:",
        `  curl -X POST '${url}${route}' -H 'content-type: text/csv' --data-binary @${file}`,
      ].join("\n"),
  };
}
