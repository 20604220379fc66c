// The rows of issue 15's benchmark table: each measure's id (BENCH_ONLY takes them), title and target.
import type { MeasureSpec } from "./measure.js";
import type { SuiteOptions } from "./options.js";

const n = (value: number) => value.toLocaleString("en-US");

export function measureSpecs(options: SuiteOptions) {
  const million = `${n(options.millionEvents)}-event community`;
  const report = `${n(options.reportSize.members)} / ${n(options.reportSize.ties)}`;
  const graph = `${n(options.graphSize.members)} / ${n(options.graphSize.ties)}`;
  const spec = (id: string, title: string, target: string): MeasureSpec => ({ id, title, target });
  return {
    replay: spec(
      "replay",
      `1. replay of the ${million} from the log, without checkpoints`,
      "≥ 500,000 events/s, or ≥ 80 % of the floor (reading and parsing the rows alone)",
    ),
    report: spec(
      "report",
      `2. full report, ${report}, exact mode, at a new date; networkx's subset on the same graph`,
      "< 1 s, and ≥ 10× networkx",
    ),
    readings: spec(
      "readings",
      `3. the community view's readings at ${options.pastDates} random past dates of the ${million}`,
      "p95 < 200 ms",
    ),
    fullReport: spec("full-report", `4. full report of the ${million} (default mode)`, "< 15 s, answer < 1 MB"),
    restart: spec("restart", `5. first answer after a restart, ${million}`, "< 2 s"),
    graph: spec("graph", `6a. \`GET /graph\`, ${graph}, at a new date`, "< 1.5 s"),
    firstRender: spec(
      "first-render",
      "6b. navigation → first render in the web app, 10,000 / 50,000 (bench/web)",
      "< 3 s",
    ),
    slider: spec(
      "slider",
      `7. time slider over ${options.sliderWeeks} weekly dates, ${report}: graph + readings per date`,
      "p95 < 150 ms",
    ),
    compare: spec(
      "compare",
      `8. \`/v1/compare\`, ${n(options.compare.communities)} communities of ${n(options.compare.eventsTotal / options.compare.communities)} events, 6 indicators, engine loaded`,
      "< 2 s",
    ),
    underLoad: spec(
      "under-load",
      `9. \`/healthz\` and a cached read every 100 ms for ${options.healthSeconds} s while ${options.concurrentReports} full reports of the ${million} run`,
      "p99 < 50 ms",
    ),
    memory: spec(
      "memory",
      `10. peak resident memory of the server over the ${million} measures (3, 4, 5, 9)`,
      "< 1.5 GB",
    ),
  };
}
