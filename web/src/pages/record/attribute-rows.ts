import { h } from "../../core/dom.js";
import { type Field, field, input } from "./fields.js";
import type { FormErrors, Problem } from "./form-errors.js";
import { type Row, type RowList, rowList } from "./rows.js";

interface AttributeRow extends Row {
  readonly key: Field<HTMLInputElement>;
  readonly value: Field<HTMLInputElement>;
}

export interface AttributeRows {
  readonly element: HTMLElement;
  /** Filled rows as a record; an empty value removes the attribute when `emptyRemoves`. */
  values(): Record<string, string | null> | undefined;
  /** Client checks: a value without a name, or a name twice. */
  problems(): Problem[];
  reset(): void;
}

/** Custom attributes as name/value rows (`region: north`); errors at `/attributes/<name>`. */
export function attributeRows(errors: FormErrors, options: { hint: string; emptyRemoves: boolean }): AttributeRows {
  const list: RowList<AttributeRow> = rowList<AttributeRow>({
    legend: "Other attributes",
    noun: "attribute",
    addLabel: "Add an attribute",
    hint: options.hint,
    initial: 1,
    create: () => {
      const key = field("Name", input("attributeName", { maxlength: 64, placeholder: "e.g. region" }));
      const value = field("Value", input("attributeValue", { maxlength: 200, placeholder: "e.g. north" }));
      return {
        element: h("div", { class: "rec-row-fields" }, key.element, value.element),
        key,
        value,
        renumber(position) {
          key.control.setAttribute("aria-label", `Attribute ${position}: name`);
          value.control.setAttribute("aria-label", `Attribute ${position}: value`);
        },
        focus: () => key.control.focus(),
      };
    },
  });

  const filled = () => list.rows().filter((row) => row.key.control.value.trim() || row.value.control.value.trim());

  // The API names the attribute, not the row: find the row by its name.
  errors.addResolver((segments) => {
    if (segments[0] !== "attributes") return undefined;
    if (segments.length === 1) return list.error;
    // "#2": the third row, for a client check on a row without a name.
    if (segments[1]?.startsWith("#")) return list.rows()[Number(segments[1].slice(1))]?.key.error ?? list.error;
    const row = list.rows().find((r) => r.key.control.value.trim() === segments[1]);
    return row?.value.error ?? list.error;
  });

  return {
    element: list.element,
    values() {
      const rows = filled();
      if (rows.length === 0) return undefined;
      const values: Record<string, string | null> = {};
      for (const row of rows) {
        const value = row.value.control.value.trim();
        if (value || options.emptyRemoves) values[row.key.control.value.trim()] = value || null;
      }
      return Object.keys(values).length === 0 ? undefined : values;
    },
    problems() {
      const seen = new Set<string>();
      const problems: Problem[] = [];
      for (const row of filled()) {
        const name = row.key.control.value.trim();
        if (!name) {
          const index = list.rows().indexOf(row);
          problems.push({ pointer: `/attributes/#${index}`, message: "Give the attribute a name, e.g. region." });
        } else if (seen.has(name)) {
          problems.push({ pointer: `/attributes/${name}`, message: `“${name}” is given twice.` });
        } else if (!options.emptyRemoves && !row.value.control.value.trim()) {
          problems.push({ pointer: `/attributes/${name}`, message: "Give a value, or remove the row." });
        }
        seen.add(name);
      }
      return problems;
    },
    reset: () => list.reset(1),
  };
}
