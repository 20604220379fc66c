// Writes the indicator entries of docs/indicators.md from the indicators' descriptions in
// shared/analytics (the part between the page's two markers); `--check` only says whether it is up
// to date. The test beside the descriptions (reference.test.ts) fails too when they differ.
import { tsImport } from "tsx/esm/api";
import { updateGeneratedPart } from "./generated-part.mjs";

const { withIndicatorReference } = await tsImport("../shared/analytics/src/indicators/reference.ts", import.meta.url);
updateGeneratedPart(
  new URL("../docs/indicators.md", import.meta.url),
  (page) => withIndicatorReference(page),
  "node scripts/indicator-docs.mjs",
);
