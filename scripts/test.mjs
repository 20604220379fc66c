// `npm test`: install, then every check and every test tier; ends with one plain line
// "N passed, N failed, N skipped" taken from the runner's JSON report (CI reads that line).
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { pnpm } from "./pnpm.mjs";
import { prepare } from "./prepare.mjs";

const root = new URL("..", import.meta.url);
prepare();

const checks = [
  ["lint and format (biome)", ["exec", "biome", "check", "."]],
  ["dependency direction", ["exec", "node", "scripts/check-dependencies.mjs"]],
  ["typecheck of tests and benchmarks", ["exec", "tsc", "-p", "tsconfig.test.json"]],
  ["typecheck of the web app", ["exec", "tsc", "-p", "web/tsconfig.json"]],
];
let checksPassed = 0;
let checksFailed = 0;
for (const [name, args] of checks) {
  const ok = pnpm(args) === 0;
  console.log(`${ok ? "✓" : "✗"} ${name}`);
  if (ok) checksPassed++;
  else checksFailed++;
}

const reportDir = new URL(".test-output/", root);
const reportFile = new URL("vitest.json", reportDir);
mkdirSync(reportDir, { recursive: true });
rmSync(reportFile, { force: true });
const vitestStatus = pnpm([
  "exec",
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${reportFile.pathname}`,
  ...process.argv.slice(2),
]);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  skipped = report.numPendingTests + report.numTodoTests;
  // A suite that failed to load has no tests to count, but it is a failure.
  failed += report.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length;
} catch {
  failed += 1;
  console.error("copgraph: the test runner wrote no JSON report");
}
if (vitestStatus !== 0 && failed === 0) failed = 1;
passed += checksPassed;
failed += checksFailed;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
