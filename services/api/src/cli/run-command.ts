#!/usr/bin/env node
import { exportCommand, exportHelp } from "./cli/export.js";
import { importCommand, importHelp } from "./cli/import.js";
import { keys, keysHelp } from "./cli/keys.js";
import { replay, replayHelp } from "./cli/replay.js";
import { serve, serveHelp } from "./cli/serve.js";
import { simulate, simulateHelp } from "./cli/simulate.js";
import { exitCodes, InputError, UsageError } from "./cli/usage-error.js";

const commands = {
  serve: { run: serve, help: serveHelp, summary: "start the API and web app on the event log" },
  simulate: { run: simulate, help: simulateHelp, summary: "record simulated community histories" },
  import: { run: importCommand, help: importHelp, summary: "import CSV files, an event log or a classic data set" },
  export: {
    run: exportCommand,
    help: exportHelp,
    summary: "write a community as NDJSON, research NDJSON, GEXF, GraphML or CSV",
  },
  keys: { run: keys, help: keysHelp, summary: "create, list, revoke and rotate the API keys of the server" },
  replay: { run: replay, help: replayHelp, summary: "indicators at a date from an exported log, without a server" },
} as const;
type CommandName = keyof typeof commands;

const usage = `copgraph — event-sourced relationship-network analytics for communities of practice

Usage: copgraph <command> [options]   (copgraph <command> --help for its options)

${Object.entries(commands)
  .map(([name, { summary }]) => `  ${name.padEnd(9)} ${summary}`)
  .join("\n")}

Exit codes: 0 done, 1 failed, 2 bad usage, 3 invalid input (nothing stored).`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    console.log(usage);
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  const command = commands[name as CommandName];
  if (!command) {
    console.error(`copgraph: unknown command '${name}'\n\n${usage}`);
    return exitCodes.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.help);
    return exitCodes.ok;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`copgraph ${name}: ${(error as Error).message}\n\n${command.help}`);
      return exitCodes.usage;
    }
    if (error instanceof InputError) {
      console.error(`copgraph ${name}: ${error.message}`);
      return exitCodes.input;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`copgraph: ${(error as Error).stack ?? error}`);
    process.exit(exitCodes.failed);
  },
);
