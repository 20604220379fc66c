// Writes the README's table of settings from services/api/src/settings/settings-schema.ts (the part
// between its two markers); `--check` only says whether it is up to date. The test beside the
// schema fails too when they differ.
import { tsImport } from "tsx/esm/api";
import { updateGeneratedPart } from "./generated-part.mjs";

const { withSettingsTable } = await tsImport("../services/api/src/settings/settings-docs.ts", import.meta.url);
updateGeneratedPart(new URL("../README.md", import.meta.url), withSettingsTable, "node scripts/settings-docs.mjs");
