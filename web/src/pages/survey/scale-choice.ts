import { h } from "../../core/dom.js";

let groups = 0;

export interface ScaleChoice {
  readonly legend: string;
  readonly min: number;
  readonly max: number;
  /** What the lowest and highest points mean ("not at all", "a great deal"). */
  readonly ends: readonly [string, string];
  readonly value: number | undefined;
  readonly onPick: (value: number | undefined) => void;
}

/**
 * One question on a scale: a fieldset of radio buttons, the legend its question, each point
 * labelled (the ends in words). "Clear" leaves it unanswered again: a blank is missing, not zero.
 */
export function scaleChoice({ legend, min, max, ends, value, onPick }: ScaleChoice): HTMLFieldSetElement {
  const name = `sv-scale-${++groups}`;
  const points = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  const radios = points.map((point) =>
    h("input", {
      type: "radio",
      name,
      value: point,
      id: `${name}-${point}`,
      checked: point === value,
      onchange: () => onPick(point),
    }),
  );
  const words = (point: number) => (point === min ? ends[0] : point === max ? ends[1] : "");
  const clear = h(
    "button",
    {
      type: "button",
      class: "sv-clear",
      onclick: () => {
        for (const radio of radios) radio.checked = false;
        onPick(undefined);
      },
    },
    "Clear",
  );
  clear.setAttribute("aria-label", `Clear the answer to: ${legend}`);
  return h(
    "fieldset",
    { class: "sv-scale", "data-points": points.length },
    h("legend", {}, legend),
    h(
      "div",
      { class: "sv-points" },
      ...points.map((point, index) =>
        h(
          "label",
          { for: `${name}-${point}`, class: "sv-point" },
          radios[index] as HTMLInputElement,
          h("span", { class: "sv-number" }, point),
          words(point) && " ",
          words(point) && h("span", { class: "sv-words" }, words(point)),
        ),
      ),
    ),
    clear,
  );
}
