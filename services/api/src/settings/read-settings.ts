import { z } from "zod";
import { openOnNetwork } from "./loopback.js";
import { SettingsError } from "./settings-error.js";
import { eachSetting, type Setting, type SettingName, type Settings, settingsSchema } from "./settings-schema.js";

/** What parseArgs gave for the flags of settingsSchema: a flag given wins over the environment. */
export type SettingFlags = Readonly<Record<string, string | boolean | undefined>>;

/** The parseArgs options of every setting that has a flag. */
export function settingFlagOptions(): Record<string, { type: "string" | "boolean" }> {
  return Object.fromEntries(
    eachSetting().flatMap(([, { flag }]) =>
      flag ? [[flag.name, { type: "value" in flag ? "string" : "boolean" }]] : [],
    ),
  );
}

/**
 * Reads every setting from its flag, else its environment variable, else its default. Throws one
 * SettingsError naming every setting that is wrong, then (when each is right on its own) every
 * pair that cannot go together.
 */
export function readSettings(env: NodeJS.ProcessEnv, flags: SettingFlags = {}): Settings {
  const shape = Object.fromEntries(eachSetting().map(([name, spec]) => [name, spec.parser.optional()]));
  const texts = Object.fromEntries(eachSetting().map(([name, spec]) => [name, textOf(spec, env, flags)]));
  const parsed = z.object(shape).safeParse(texts);
  if (!parsed.success) {
    throw new SettingsError(
      parsed.error.issues.map((issue) => `${settingsSchema[issue.path[0] as SettingName].env} ${issue.message}`),
    );
  }
  const values = parsed.data as Record<string, unknown>;
  const settings = Object.fromEntries(
    eachSetting().map(([name, spec]) => [name, values[name] === undefined ? spec.default : values[name]]),
  ) as unknown as Settings;
  const conflicts = conflictsOf(settings);
  if (conflicts.length > 0) throw new SettingsError(conflicts);
  return settings;
}

/** The flag's text, else the variable's; blank counts as not given. */
function textOf(spec: Setting<unknown>, env: NodeJS.ProcessEnv, flags: SettingFlags): string | undefined {
  const flag = spec.flag && flags[spec.flag.name];
  const flagText =
    typeof flag === "string" ? flag : flag === true && spec.flag && "means" in spec.flag ? spec.flag.means : undefined;
  return nonBlank(flagText) ?? nonBlank(env[spec.env]);
}

function nonBlank(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

function conflictsOf(settings: Settings): string[] {
  const { requestTimeoutMs, headersTimeoutMs } = settingsSchema;
  const conflicts: string[] = [];
  if (settings.requestTimeoutMs > 0 && settings.headersTimeoutMs > settings.requestTimeoutMs) {
    conflicts.push(`${headersTimeoutMs.env} must not exceed ${requestTimeoutMs.env}`);
  }
  const open = openOnNetwork(settings.host, settings.auth);
  if (open) conflicts.push(open);
  return conflicts;
}
