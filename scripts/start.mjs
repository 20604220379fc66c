// `npm start`: install, build, then serve on the embedded SQLite log (./data by default).
import { spawn } from "node:child_process";
import { prepare } from "./prepare.mjs";

prepare();
const child = spawn(process.execPath, ["services/api/dist/cli.js", "serve", ...process.argv.slice(2)], {
  cwd: new URL("..", import.meta.url),
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
