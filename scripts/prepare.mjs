// Installs what is missing (frozen lockfile) and builds every package, for `npm start` and `npm test`.
import { pnpm } from "./pnpm.mjs";

export function prepare({ build = true } = {}) {
  const steps = [["install", "--frozen-lockfile", "--prefer-offline", "--reporter=append-only"]];
  if (build) steps.push(["-r", "--workspace-concurrency=1", "run", "--if-present", "build"], ["exec", "tsc", "-b"]);
  for (const step of steps) {
    const status = pnpm(step);
    if (status !== 0) {
      console.error(`copgraph: 'pnpm ${step.join(" ")}' failed with exit code ${status}`);
      process.exit(status);
    }
  }
}
