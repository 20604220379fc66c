// The copgraph commands: parses the command line, runs one, and exits with its code.
import { DataDirBusyError } from "../data-dir/data-dir-lock.js";
import { exitCodes, InputError, UsageError } from "./usage-error.js";

interface Command {
  readonly run: (args: string[]) => Promise<number>;
  readonly help: string;
}

// Each command's module is loaded only when it runs: an import need not load the web server.
const commands: Record<string, { readonly summary: string; readonly load: () => Promise<Command> }> = {
  serve: {
    summary: "start the API and web app on the event log",
    load: () => import("./serve.js").then((m) => ({ run: m.serve, help: m.serveHelp })),
  },
  simulate: {
    summary: "record simulated community histories",
    load: () => import("./simulate.js").then((m) => ({ run: m.simulate, help: m.simulateHelp })),
  },
  import: {
    summary: "import CSV files, an event log or a classic data set",
    load: () => import("./import.js").then((m) => ({ run: m.importCommand, help: m.importHelp })),
  },
  register: {
    summary: "register a community, so that files can be imported into it",
    load: () => import("./register.js").then((m) => ({ run: m.register, help: m.registerHelp })),
  },
  export: {
    summary: "write a community as NDJSON, research NDJSON, GEXF, GraphML or CSV",
    load: () => import("./export.js").then((m) => ({ run: m.exportCommand, help: m.exportHelp })),
  },
  keys: {
    summary: "create, list, revoke and rotate the API keys of the server",
    load: () => import("./keys.js").then((m) => ({ run: m.keys, help: m.keysHelp })),
  },
  replay: {
    summary: "indicators at a date from an exported log, without a server",
    load: () => import("./replay.js").then((m) => ({ run: m.replay, help: m.replayHelp })),
  },
};

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
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    console.error(`copgraph: unknown command '${name}'\n\n${usage}`);
    return exitCodes.usage;
  }
  const command = await entry.load();
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
    // A file named on the command line that is not there: said plainly, not as a stack trace.
    const { code, path } = error as NodeJS.ErrnoException;
    if ((code === "ENOENT" || code === "EISDIR") && path) {
      console.error(`copgraph ${name}: ${code === "ENOENT" ? "no file at" : "a folder, not a file, at"} ${path}`);
      return exitCodes.input;
    }
    if (error instanceof DataDirBusyError) {
      console.error(`copgraph ${name}: ${error.message}`);
      return exitCodes.failed;
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
