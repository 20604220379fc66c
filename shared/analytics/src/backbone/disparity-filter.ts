// The disparity filter of Serrano, Boguñá and Vespignani, "Extracting the multiscale backbone of
// complex weighted networks", PNAS 106(16):6483–6488 (2009). Null model: a node of strength s and
// degree k spreads s over its k ties at random (uniformly on the simplex); a tie of weight w is
// significant for that node at level α when the chance of a share at least w/s,
// α_ij = (1 − w/s)^(k − 1), is below α.
//
// Directed ties, as the paper treats directed networks: the out-ties of each node are tested
// against its out-strength and out-degree, the in-ties against its in-strength and in-degree, and
// a tie i → j belongs to the backbone when it is significant for i's giving or for j's receiving.
// Convention: a node whose out- (or in-) degree is 1 keeps that tie (the null model cannot judge
// a single tie: the formula gives 1 for it, and dropping it would cut the node off).

/** Directed weighted ties over nodes 0 … nodes − 1, as parallel arrays (one entry per tie). */
export interface WeightedArcs {
  readonly nodes: number;
  readonly source: ArrayLike<number>;
  readonly target: ArrayLike<number>;
  readonly weight: ArrayLike<number>;
}

/** Each tie's α_ij for its source's out-ties and for its target's in-ties, and those sides' degrees. */
export interface DisparityAlphas {
  readonly out: Float64Array;
  readonly in: Float64Array;
  readonly outDegree: Int32Array;
  readonly inDegree: Int32Array;
}

export interface Backbone {
  /** 1 where tie k is kept. */
  readonly kept: Uint8Array;
  readonly keptCount: number;
}

/** The significance of every tie for its source's giving (`out`) and its target's receiving (`in`). */
export function disparityAlphas(arcs: WeightedArcs): DisparityAlphas {
  const { nodes, source, target, weight } = arcs;
  const outStrength = new Float64Array(nodes);
  const inStrength = new Float64Array(nodes);
  const outDegree = new Int32Array(nodes);
  const inDegree = new Int32Array(nodes);
  for (let k = 0; k < source.length; k++) {
    const s = source[k] as number;
    const t = target[k] as number;
    const w = weight[k] as number;
    outStrength[s] = (outStrength[s] as number) + w;
    inStrength[t] = (inStrength[t] as number) + w;
    outDegree[s] = (outDegree[s] as number) + 1;
    inDegree[t] = (inDegree[t] as number) + 1;
  }
  const out = new Float64Array(source.length);
  const into = new Float64Array(source.length);
  for (let k = 0; k < source.length; k++) {
    const s = source[k] as number;
    const t = target[k] as number;
    const w = weight[k] as number;
    out[k] = alphaOf(w, outStrength[s] as number, outDegree[s] as number);
    into[k] = alphaOf(w, inStrength[t] as number, inDegree[t] as number);
  }
  return { out, in: into, outDegree, inDegree };
}

/** The ties significant at level `alpha` (0 < alpha ≤ 1) for their source or their target. */
export function disparityBackbone(arcs: WeightedArcs, alpha: number): Backbone {
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`alpha must be > 0 and ≤ 1, not ${alpha}`);
  const alphas = disparityAlphas(arcs);
  const kept = new Uint8Array(arcs.source.length);
  let keptCount = 0;
  for (let k = 0; k < kept.length; k++) {
    const forSource = alphas.outDegree[arcs.source[k] as number] === 1 || (alphas.out[k] as number) < alpha;
    const forTarget = alphas.inDegree[arcs.target[k] as number] === 1 || (alphas.in[k] as number) < alpha;
    if (forSource || forTarget) {
      kept[k] = 1;
      keptCount++;
    }
  }
  return { kept, keptCount };
}

/** (1 − w/s)^(k − 1); 1 (never significant) when the node's ties weigh nothing in all. */
function alphaOf(weight: number, strength: number, degree: number): number {
  if (!(strength > 0)) return 1;
  const share = Math.min(1, Math.max(0, weight / strength));
  return (1 - share) ** (degree - 1);
}
