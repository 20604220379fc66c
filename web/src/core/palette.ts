import { occupationalLayers, sectors } from "@copgraph/domain";

// Colour-blind-safe categorical palettes, the same colour for the same category on every page:
// Okabe & Ito (2008) for sectors, Paul Tol's "muted" for occupational layers and other attributes.
const okabeIto = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"];
const tolMuted = [
  "#332288",
  "#88CCEE",
  "#44AA99",
  "#117733",
  "#999933",
  "#DDCC77",
  "#CC6677",
  "#882255",
  "#AA4499",
  "#DDDDDD",
];

const fixed: Record<string, readonly string[]> = { sector: sectors, occupationalLayer: occupationalLayers };

/** The colour of a category of an attribute; catalogue attributes keep their colours everywhere. */
export function colourFor(attribute: string, value: string | undefined, observed: readonly string[] = []): string {
  if (value === undefined) return "#BBBBBB";
  const catalogue = fixed[attribute];
  if (catalogue) {
    const palette = attribute === "sector" ? okabeIto : tolMuted;
    const index = catalogue.indexOf(value);
    return palette[index % palette.length] ?? "#BBBBBB";
  }
  const categories = [...new Set(observed)].sort();
  const index = categories.indexOf(value);
  return index < 0 ? "#BBBBBB" : (tolMuted[index % tolMuted.length] as string);
}
