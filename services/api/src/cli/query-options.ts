import { GraphQueryParams } from "@copgraph/contract";
import { issueSentence } from "@copgraph/domain";
import { UsageError } from "./usage-error.js";

/** The graph query flags every analysis command takes, as in the API's query string. */
export const queryOptions = {
  at: { type: "string" },
  "known-at": { type: "string" },
  from: { type: "string" },
  window: { type: "string" },
  "half-life": { type: "string" },
  layers: { type: "string" },
  attribute: { type: "string" },
  "min-weight": { type: "string" },
  seed: { type: "string" },
  permutations: { type: "string" },
  exact: { type: "boolean" },
} as const;

export const queryHelp = `  --at <date>           valid time: what had happened by then (default now)
  --known-at <date>     transaction time: what copgraph had been told by then (default now)
  --from <date> | --window <P90D> | --half-life <P30D>   the window, or tie decay
  --layers <a,b>        tie layers (default all)
  --attribute <name>    the attribute that defines groups (default sector)
  --min-weight <w>  --seed <n>  --permutations <n>
  --exact               exact betweenness even on large graphs (default: estimated past a size)`;

export function readQuery(
  values: Partial<Record<Exclude<keyof typeof queryOptions, "exact">, string | undefined> & { exact: boolean }>,
): GraphQueryParams {
  const raw = Object.fromEntries(
    Object.entries({
      at: values.at,
      knownAt: values["known-at"],
      from: values.from,
      window: values.window,
      halfLife: values["half-life"],
      layers: values.layers,
      attribute: values.attribute,
      minWeight: values["min-weight"],
      seed: values.seed,
      permutations: values.permutations,
      exact: values.exact === true ? "true" : undefined,
    }).filter(([, value]) => value !== undefined),
  );
  const parsed = GraphQueryParams.safeParse(raw);
  if (!parsed.success) {
    // Said with the flag it came from (knownAt → --known-at) and in words.
    const said = (issue: (typeof parsed.error.issues)[number]) => {
      const sentence = issueSentence(issue);
      if (issue.path.length === 0) return sentence;
      const flag = `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      return /^(must|is|has|does)\b/.test(sentence) ? `${flag} ${sentence}` : `${flag}: ${sentence}`;
    };
    throw new UsageError(parsed.error.issues.map(said).join("; "));
  }
  return parsed.data;
}
