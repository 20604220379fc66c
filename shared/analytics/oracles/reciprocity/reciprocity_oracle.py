"""Reference values for copgraph's reciprocity indicators, computed with networkx.

Regenerate (from the repository root, with networkx 3.6.1):
    python3 shared/analytics/oracles/reciprocity/reciprocity_oracle.py [datasets-dir]
datasets-dir defaults to the copy shipped in shared/interchange/datasets.
Writes reciprocity_oracle.json next to this script. Directed graphs analysed as directed.
"""

import csv
import json
import os
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
DATASETS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "shared", "interchange", "datasets")


def read_dyads(path):
    """A full dyad list `ego,alter,value`: every node, and an arc (with its weight) where value > 0."""
    g = nx.DiGraph()
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            ego, alter, value = row["ego"], row["alter"], float(list(row.values())[2])
            g.add_node(ego)
            g.add_node(alter)
            if value > 0 and ego != alter:
                g.add_edge(ego, alter, weight=value)
    return g


def summary(g):
    n, m = g.number_of_nodes(), g.number_of_edges()
    r = nx.overall_reciprocity(g)
    mutual = sum(1 for u, v in g.edges() if g.has_edge(v, u)) // 2
    asym = m - 2 * mutual
    a = m / (n * (n - 1))
    total = sum(w for _, _, w in g.edges(data="weight"))
    returned = sum(min(w, g[v][u]["weight"]) for u, v, w in g.edges(data="weight") if g.has_edge(v, u))
    per_node = nx.reciprocity(g, list(g.nodes()))
    defined = [x for x in per_node.values() if x is not None]
    return {
        "N": n,
        "L": m,
        "density": a,
        "edge": r,
        "dyadic": mutual / (mutual + asym),
        "rho": (r - a) / (1 - a),
        "weighted": returned / total,
        "memberMean": sum(defined) / len(defined),
        "member": {k: v for k, v in sorted(per_node.items(), key=lambda kv: int(kv[0]))},
    }


out = {
    "networkx": nx.__version__,
    "krackhardt_advice": summary(read_dyads(os.path.join(DATASETS, "krackhardt_hightech", "krackhardt_advice.csv"))),
    "krackhardt_friendship": summary(
        read_dyads(os.path.join(DATASETS, "krackhardt_hightech", "krackhardt_friendship.csv"))
    ),
    "mcfarland_s641": summary(read_dyads(os.path.join(DATASETS, "mcfarland_s641", "social_interactions_s641.csv"))),
}
with open(os.path.join(HERE, "reciprocity_oracle.json"), "w") as f:
    json.dump(out, f, indent=2)
    f.write("\n")
print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "member"} for k, v in out.items() if k != "networkx"}, indent=1))
