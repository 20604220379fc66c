"""Reference values for copgraph's disparity filter (shared/analytics/src/backbone), in plain Python.

Serrano, Boguna & Vespignani, PNAS 106(16):6483-6488 (2009): a tie of weight w at a node of
strength s and degree k has alpha = (1 - w/s)^(k - 1). Directed: alpha_out from the source's
out-ties, alpha_in from the target's in-ties; a tie is kept at level a when alpha_out < a or
alpha_in < a, or when the source's out-degree or the target's in-degree is 1 (copgraph's convention).

Regenerate (from the repository root, python3 only, no packages):
    python3 shared/analytics/oracles/backbone/disparity_oracle.py [datasets-dir]
datasets-dir defaults to the copy shipped in shared/interchange/datasets.
Writes disparity_oracle.json next to this script.
"""

import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
DATASETS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "shared", "interchange", "datasets")
LEVELS = [0.05, 0.2, 0.5]


def mcfarland():
    """Directed, valued: an arc ego -> alter of weight social_tie where it is > 0 (self-pairs skipped)."""
    arcs = []
    with open(os.path.join(DATASETS, "mcfarland_s641", "social_interactions_s641.csv"), newline="") as f:
        for row in csv.DictReader(f):
            ego, alter, value = row["ego"], row["alter"], float(row["social_tie"])
            if value > 0 and ego != alter:
                arcs.append((ego, alter, value))
    return arcs


def karate():
    """Undirected, weighted `i j w` lines: both arcs of each tie (the undirected filter, node by node)."""
    arcs = []
    with open(os.path.join(DATASETS, "zachary_karate", "zachary.txt")) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                i, j, w = parts[0], parts[1], float(parts[2])
                arcs.append((i, j, w))
                arcs.append((j, i, w))
    return arcs


def disparity(arcs):
    out_s, in_s, out_k, in_k = {}, {}, {}, {}
    for i, j, w in arcs:
        out_s[i] = out_s.get(i, 0.0) + w
        in_s[j] = in_s.get(j, 0.0) + w
        out_k[i] = out_k.get(i, 0) + 1
        in_k[j] = in_k.get(j, 0) + 1
    ties = []
    for i, j, w in arcs:
        a_out = (1 - w / out_s[i]) ** (out_k[i] - 1)
        a_in = (1 - w / in_s[j]) ** (in_k[j] - 1)
        ties.append({"source": i, "target": j, "weight": w, "alphaOut": a_out, "alphaIn": a_in,
                     "outDegree": out_k[i], "inDegree": in_k[j]})
    kept = {}
    for level in LEVELS:
        kept[str(level)] = [
            [t["source"], t["target"]]
            for t in ties
            if t["outDegree"] == 1 or t["inDegree"] == 1 or t["alphaOut"] < level or t["alphaIn"] < level
        ]
    return {"ties": ties, "kept": kept}


out = {
    "python": sys.version.split()[0],
    "levels": LEVELS,
    "mcfarland_s641": disparity(mcfarland()),
    "zachary_karate": disparity(karate()),
}
with open(os.path.join(HERE, "disparity_oracle.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
for name in ("mcfarland_s641", "zachary_karate"):
    counts = {level: len(ties) for level, ties in out[name]["kept"].items()}
    print(f"{name}: {len(out[name]['ties'])} arcs, kept {counts}")
