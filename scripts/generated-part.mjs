// Brings the generated part of a page up to date, or with `--check` only says whether it is (exit 1
// when not): for pages written from the code, such as the README's table of settings.
import { readFileSync, writeFileSync } from "node:fs";

/** `generate` returns the whole page with its generated part as the code wants it. */
export function updateGeneratedPart(page, generate, command) {
  const name = page.pathname.split("/").slice(-1)[0];
  const current = readFileSync(page, "utf8");
  const wanted = generate(current);
  if (current === wanted) {
    console.log(`${name}: up to date`);
  } else if (process.argv.includes("--check")) {
    console.error(`${name} differs from the code it is written from: run ${command}`);
    process.exit(1);
  } else {
    writeFileSync(page, wanted);
    console.log(`${name}: generated part written`);
  }
}
