/** Settings that cannot be used, each named: one line per problem (`copgraph serve` exits 2 with them). */
export class SettingsError extends Error {
  override readonly name = "SettingsError";

  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
  }
}
