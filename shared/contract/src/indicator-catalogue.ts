import { z } from "zod";

// What `GET /v1/indicators` answers: every indicator's description, the same text as
// docs/indicators.md. Text fields are Markdown: `code` in backticks and **bold**, nothing else.

const Markdown = z.string();

export const IndicatorUnit = z
  .enum(["count", "mean count", "share", "index", "days", "p-value", "z-score"])
  .meta({ description: "What a value is measured in; only a count is a whole number" });
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;

export const IndicatorOptionName = z.enum([
  "attribute",
  "seed",
  "permutations",
  "exact",
  "returnWithinMs",
  "minParticipations",
  "periodMs",
  "churnAfterMs",
  "clusterShare",
  "clusterMinSize",
]);
export type IndicatorOptionName = z.infer<typeof IndicatorOptionName>;

export const IndicatorDescription = z
  .object({
    id: z.string().meta({ description: "Stable id, never reused for another definition" }),
    family: z.string(),
    version: z
      .number()
      .int()
      .meta({ description: "Bumped whenever the definition changes; returned with every value" }),
    title: z.string(),
    unit: IndicatorUnit,
    options: z.array(IndicatorOptionName).meta({
      description:
        "The options that change the value (the query's attribute, seed, permutations and exact; the others are the library's, at their defaults in the API)",
    }),
    formula: Markdown,
    source: Markdown,
    baseline: Markdown.optional().meta({ description: "What the baseline means; absent when there is none" }),
    returns: Markdown.meta({ description: "The fields of a value and when they are null" }),
    reading: Markdown.meta({ description: "A plain reading of an example value" }),
    differsFromMetrics: Markdown.optional().meta({
      description: "How the definition departs from the project's first definitions (metrics.md)",
    }),
    note: Markdown.optional(),
  })
  .meta({ id: "IndicatorDescription" });
export type IndicatorDescription = z.infer<typeof IndicatorDescription>;

export const IndicatorFamilyDescription = z
  .object({
    id: z.string(),
    title: z.string(),
    about: Markdown.meta({ description: "What the family's indicators share; paragraphs separated by a blank line" }),
  })
  .meta({ id: "IndicatorFamilyDescription" });
export type IndicatorFamilyDescription = z.infer<typeof IndicatorFamilyDescription>;

export const IndicatorCatalogue = z
  .object({
    families: z.array(IndicatorFamilyDescription),
    indicators: z.array(IndicatorDescription).meta({ description: "Every indicator, in the order of its family" }),
  })
  .meta({ id: "IndicatorCatalogue" });
export type IndicatorCatalogue = z.infer<typeof IndicatorCatalogue>;
