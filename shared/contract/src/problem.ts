import { z } from "zod";

/** One invalid field: where (`in` the request, JSON Pointer `pointer`) and what is wrong. */
export const FieldError = z.object({
  in: z.enum(["body", "querystring", "params", "headers"]),
  pointer: z.string().meta({ description: "JSON Pointer to the field, e.g. /events/3/data/to/0" }),
  message: z.string(),
  code: z.string().optional(),
  line: z.number().int().optional().meta({ description: "For uploaded files: the 1-based line of the file" }),
  column: z.string().optional().meta({ description: "For uploaded files: the column" }),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, served as application/problem+json. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().optional(),
    errors: z.array(FieldError).optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof Problem>;

export const problemType = (code: string) => `urn:copgraph:problem:${code}`;
