// `copgraph serve --help` and the README's table of settings, written from settingsSchema so that
// neither restates a default by hand.
import { eachSetting, type Setting, type SettingGroup } from "./settings-schema.js";

const groups: readonly SettingGroup[] = ["Server", "Access", "Limits"];
const helpWidth = 100;

export const README_SETTINGS_START =
  "<!-- Generated from services/api/src/settings/settings-schema.ts: edit that, then run `node scripts/settings-docs.mjs`. -->";
export const README_SETTINGS_END = "<!-- End of the generated settings. -->";

function flagOf(spec: Setting<unknown>): string | undefined {
  if (!spec.flag) return undefined;
  return "value" in spec.flag ? `--${spec.flag.name} ${spec.flag.value}` : `--${spec.flag.name}`;
}

export function shownDefault(spec: Setting<unknown>): string {
  return spec.shownDefault ?? String(spec.default);
}

/** The settings part of `copgraph serve --help`: each setting's flag, variable, description and default. */
export function settingsHelp(): string {
  const settings = eachSetting().map(([, spec]) => spec);
  const names = (spec: Setting<unknown>) => [flagOf(spec), spec.env].filter(Boolean).join(", ");
  const column = Math.max(...settings.map((spec) => names(spec).length)) + 4;
  const sections = groups.map((group) => {
    const lines = settings
      .filter((spec) => spec.group === group)
      .flatMap((spec) =>
        wrapped(`${spec.description} (default ${shownDefault(spec)})`, helpWidth - column).map(
          (line, index) => (index === 0 ? `  ${names(spec)}` : "").padEnd(column) + line,
        ),
      );
    return `${group}:\n${lines.join("\n")}`;
  });
  return [
    "Settings: a flag wins over its environment variable, the variable over the default; an empty",
    "variable counts as unset. Every wrong setting is listed at once, with exit code 2.",
    "",
    sections.join("\n\n"),
  ].join("\n");
}

function wrapped(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

/** The README's table of settings, one row per setting, in the order of the help. */
export function settingsTable(): string {
  const settings = eachSetting().map(([, spec]) => spec);
  const rows = groups.flatMap((group) =>
    settings
      .filter((spec) => spec.group === group)
      .map((spec) => {
        const flag = flagOf(spec);
        return `| \`${spec.env}\` | ${flag ? `\`${flag}\`` : ""} | ${shownDefault(spec)} | ${spec.description} |`;
      }),
  );
  return ["| Variable | Flag | Default | What it does |", "|---|---|---|---|", ...rows].join("\n");
}

/** The README with the generated table between its two markers (which must be there). */
export function withSettingsTable(readme: string): string {
  const start = readme.indexOf(README_SETTINGS_START);
  const end = readme.indexOf(README_SETTINGS_END);
  if (start < 0 || end < start) throw new Error("README.md lacks the markers of the settings table");
  return `${readme.slice(0, start + README_SETTINGS_START.length)}\n${settingsTable()}\n${readme.slice(end)}`;
}
