// What a facilitator can watch in a community: a reading crossing a line, or a quiet spell.
import { z } from "zod";

/** An indicator of the catalogue (`silo.ei`); whether it exists is checked where the catalogue is known. */
export const WatchedIndicator = z
  .string()
  .regex(/^[a-z]+\.[a-z_]+$/, { message: "must be an indicator id such as silo.ei" });

/** Readings over the ties of this window before each date; without it, over the whole history so far. */
export const WatchWindow = z.enum(["P30D", "P90D", "P365D"]);

const Threshold = z.number().finite().min(-1e9).max(1e9);
const Days = z.number().int().min(1).max(3650);

export const WatchCondition = z.discriminatedUnion("kind", [
  /** The reading falls below its own baseline (e.g. E-I below random mixing). */
  z.strictObject({ kind: z.literal("below-baseline"), indicator: WatchedIndicator, window: WatchWindow.optional() }),
  /** The reading falls below a fixed value. */
  z.strictObject({
    kind: z.literal("below"),
    indicator: WatchedIndicator,
    threshold: Threshold,
    window: WatchWindow.optional(),
  }),
  /** The reading rises above a fixed value. */
  z.strictObject({
    kind: z.literal("above"),
    indicator: WatchedIndicator,
    threshold: Threshold,
    window: WatchWindow.optional(),
  }),
  /** The reading is lower by more than `by` than it was `days` earlier. */
  z.strictObject({
    kind: z.literal("drops-by"),
    indicator: WatchedIndicator,
    by: z.number().finite().positive().max(1e9),
    days: Days,
    window: WatchWindow.optional(),
  }),
  /** No gathering for `days` days. */
  z.strictObject({ kind: z.literal("no-gathering"), days: Days }),
]);
export type WatchCondition = z.infer<typeof WatchCondition>;
export type WatchConditionKind = WatchCondition["kind"];

/** The indicator a condition reads; undefined for a quiet spell, which reads the gatherings. */
export const indicatorOf = (condition: WatchCondition): string | undefined =>
  condition.kind === "no-gathering" ? undefined : condition.indicator;
