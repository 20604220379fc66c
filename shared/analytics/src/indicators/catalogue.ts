import type { IndicatorDescription, IndicatorFamilyDescription, IndicatorOptionName } from "./description.js";
import { indicatorFamilies } from "./registry.js";

/** One indicator's description in the catalogue, with the family it belongs to. */
export interface CatalogueEntry extends Omit<IndicatorDescription, "options"> {
  readonly family: string;
  options: IndicatorOptionName[];
}

/** A fresh copy of every description, without the computations: what `GET /v1/indicators` serves. */
export interface IndicatorCatalogue {
  families: IndicatorFamilyDescription[];
  indicators: CatalogueEntry[];
}

export function indicatorCatalogue(): IndicatorCatalogue {
  return {
    families: indicatorFamilies.map(({ id, title, about }) => ({ id, title, about })),
    indicators: indicatorFamilies.flatMap((family) =>
      family.indicators.map(({ compute: _compute, id, ...description }) => ({
        id,
        family: family.id,
        ...description,
        options: [...description.options],
      })),
    ),
  };
}
