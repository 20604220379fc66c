import type { TieLayer } from "./query.js";

export type LayerWeights = Partial<Record<TieLayer, number>>;

/** Sums weights per (source, target, layer), remembering the order ties first appeared. */
export class TieAccumulator {
  readonly #ties = new Map<string, Map<string, LayerWeights>>();

  add(source: string, target: string, layer: TieLayer, amount: number): void {
    // Self-loops say nothing about a relationship between members.
    if (source === target) return;
    let targets = this.#ties.get(source);
    if (!targets) {
      targets = new Map();
      this.#ties.set(source, targets);
    }
    let layers = targets.get(target);
    if (!layers) {
      layers = {};
      targets.set(target, layers);
    }
    layers[layer] = (layers[layer] ?? 0) + amount;
  }

  /** Each tie with its per-layer weights and their sum. */
  *ties(): Generator<{ source: string; target: string; layers: LayerWeights; weight: number }> {
    for (const [source, targets] of this.#ties) {
      for (const [target, layers] of targets) {
        let weight = 0;
        for (const value of Object.values(layers)) weight += value;
        yield { source, target, layers, weight };
      }
    }
  }
}
