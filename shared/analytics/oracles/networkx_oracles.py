#!/usr/bin/env python3
"""Independent reference values for the network, silo and diversity indicators of @copgraph/analytics.

Reads the data sets shipped in shared/interchange/datasets, builds networkx graphs
directly from the files (no copgraph code involved) and writes networkx-oracles.json beside this
script. Regenerate from the repository root:

    python3 shared/analytics/oracles/networkx_oracles.py

networkx gives density, weak components, betweenness (normalised, directed, unweighted), attribute
assortativity (DiGraph), modularity (G.to_undirected(), weight=None), constraint and effective size
(directed, unweighted; see burt_effective_size for a bug in networkx 3.6.1). E-I, E[E-I], Blau, IQV,
evenness, ego diversity, Coleman and Gould-Fernandez brokerage, which networkx lacks, are computed
by their formula in plain python over the networkx graph. main() also asserts the metrics.md table.

Graphs: Krackhardt advice/friendship (directed, nodes "1".."21", attributes LEVEL and DEPT as
strings); Zachary karate (undirected data: both arcs, nodes "1".."34", attribute club taken from
networkx's karate_club_graph, which puts member 9 with Mr. Hi); Padgett Florentine marriage
(undirected data: both arcs, 16 families including the isolate Pucci, attribute priorates =
"yes" if NumberPriorates > 0 else "no").
"""

import csv
import json
import math
import os
import sys
from collections import Counter
from pathlib import Path

import networkx as nx

HERE = Path(__file__).resolve().parent
DATASETS = HERE.parents[1] / "interchange" / "datasets"
OUT = HERE / "networkx-oracles.json"


def krackhardt(relation):
    folder = DATASETS / "krackhardt_hightech"
    G = nx.DiGraph()
    with open(folder / "krackhardt_attributes.csv", newline="") as f:
        for row in csv.DictReader(f):
            G.add_node(row["ids"], LEVEL=row["LEVEL"], DEPT=row["DEPT"])
    with open(folder / f"krackhardt_{relation}.csv", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for ego, alter, tie in reader:
            if int(tie) != 0 and ego != alter:
                G.add_edge(ego, alter)
    return G


def karate():
    club = nx.karate_club_graph()
    G = nx.DiGraph()
    for i in club.nodes:
        G.add_node(str(i + 1), club=club.nodes[i]["club"])
    with open(DATASETS / "zachary_karate" / "zachary.txt") as f:
        for line in f:
            parts = line.split()
            if parts:
                G.add_edge(parts[0], parts[1])
                G.add_edge(parts[1], parts[0])
    return G


def florentine():
    with open(DATASETS / "padgett_florentine" / "florentine-family.json") as f:
        data = json.load(f)
    G = nx.DiGraph()
    names = []
    for node in data["nodes"]:
        names.append(node["Family"])
        G.add_node(node["Family"], priorates="yes" if int(node["NumberPriorates"]) > 0 else "no")
    for link in data["links"]:
        if link["type"] == "marriage":
            G.add_edge(names[link["source"]], names[link["target"]])
            G.add_edge(names[link["target"]], names[link["source"]])
    return G


def clean(x):
    """NaN (undefined) becomes None (JSON null), as copgraph reports it."""
    if isinstance(x, float) and math.isnan(x):
        return None
    return x


def blau(values):
    n = len(values)
    if n == 0:
        return None
    return 1 - sum((c / n) ** 2 for c in Counter(values).values())


def shannon(values):
    n = len(values)
    return -sum((c / n) * math.log(c / n) for c in Counter(values).values())


def ei(external, internal):
    total = external + internal
    return None if total == 0 else (external - internal) / total


def attribute_oracles(G, attr):
    g = nx.get_node_attributes(G, attr)
    values = list(g.values())
    sizes = Counter(values)
    N = len(values)
    K = len(sizes)  # data-set attributes are custom: K = observed categories
    out = {}
    # Assortativity (Newman 2003) on the DiGraph, unweighted.
    out["assortativity"] = nx.attribute_assortativity_coefficient(G, attr)
    # E-I (Krackhardt & Stern 1988), arcs counted once each.
    ext = sum(1 for u, v in G.edges if g[u] != g[v])
    inn = G.number_of_edges() - ext
    out["ei"] = ei(ext, inn)
    out["cross_share"] = ext / (ext + inn)
    by_group = {}
    for k in sizes:
        e = sum(1 for u, v in G.edges if (g[u] == k) != (g[v] == k))
        i = sum(1 for u, v in G.edges if g[u] == k and g[v] == k)
        by_group[k] = ei(e, i)
    out["ei_by_group"] = by_group
    by_member = {}
    for n in G.nodes:
        arcs = [(n, v) for v in G.successors(n)] + [(u, n) for u in G.predecessors(n)]
        e = sum(1 for u, v in arcs if g[u] != g[v])
        by_member[n] = ei(e, len(arcs) - e)
    out["ei_by_member"] = by_member
    pi_in = sum(s * (s - 1) for s in sizes.values()) / (N * (N - 1))
    out["ei_expected"] = 1 - 2 * pi_in
    # Diversity of the member composition.
    out["blau"] = blau(values)
    out["iqv"] = K / (K - 1) * out["blau"]
    out["shannon_evenness"] = shannon(values) / math.log(K)
    ego = {}
    for n in G.nodes:
        alters = set(nx.all_neighbors(G, n)) - {n}
        ego[n] = blau([g[a] for a in alters])
    out["ego_by_member"] = ego
    defined = [x for x in ego.values() if x is not None]
    out["ego_mean"] = sum(defined) / len(defined) if defined else None
    # Modularity of the attribute partition, undirected and unweighted.
    parts = [{n for n in G.nodes if g[n] == k} for k in sizes]
    out["modularity"] = nx.community.modularity(G.to_undirected(), parts, weight=None)
    # Coleman (1958), as R netseg::coleman.
    coleman = {}
    for k, n_k in sizes.items():
        D = sum(G.out_degree(n) for n in G.nodes if g[n] == k)
        W = sum(1 for u, v in G.edges if g[u] == k and g[v] == k)
        E = D * (n_k - 1) / (N - 1)
        coleman[k] = (W - E) / (D - E) if W > E else (None if E == 0 else (W - E) / E)
    out["coleman"] = coleman
    # Gould & Fernandez (1989) brokerage over open two-paths a->b->c, a != c, no a->c.
    roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]
    counts = {n: dict.fromkeys(roles, 0) for n in G.nodes}
    for b in G.nodes:
        for a in G.predecessors(b):
            for c in G.successors(b):
                if a == c or G.has_edge(a, c):
                    continue
                ga, gb, gc = g[a], g[b], g[c]
                if ga == gb == gc:
                    role = "coordinator"
                elif ga == gc:
                    role = "itinerant"
                elif ga == gb:
                    role = "representative"
                elif gb == gc:
                    role = "gatekeeper"
                else:
                    role = "liaison"
                counts[b][role] += 1
    out["brokerage_by_member"] = counts
    out["brokerage_totals"] = {r: sum(c[r] for c in counts.values()) for r in roles}
    return out


def close(a, b):
    return abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b))


def burt_constraint(G):
    """nx.constraint (its vectorised path, run when scipy is present), checked against the
    per-node path. That path returns NaN for a node without successors even when it has
    predecessors (networkx#2661); such nodes keep the vectorised value."""
    vectorised = nx.constraint(G)
    per_node = nx.constraint(G, nodes=list(G))
    for n in G:
        if not math.isnan(per_node[n]):
            assert close(vectorised[n], per_node[n]), (n, vectorised[n], per_node[n])
    return {n: clean(v) for n, v in vectorised.items()}


def burt_effective_size(G):
    """Burt's effective size as networkx defines it (directed, unweighted):
    e(u) = sum over v in N(u) of 1 - sum over w in N(u) of p_uw m_vw, built from networkx's own
    normalized_mutual_weight (sum- and max-normalised), for every node with a neighbour.

    nx.effective_size(G) itself is not used: with scipy installed, networkx 3.6.1 takes a
    vectorised path that divides by the max of the wrong axis (`max(axis=1).toarray()` is 1-D
    and broadcasts over columns), so directed and weighted graphs get wrong values (open fix:
    networkx PR #8906). Its per-node path (nodes=list(G)) is right but returns NaN for nodes
    without successors (networkx#2661). The value here is checked against that per-node path
    wherever the latter is defined."""
    nmw = nx.algorithms.structuralholes.normalized_mutual_weight
    per_node = nx.effective_size(G, nodes=list(G))
    result = {}
    for u in G:
        neighbours = set(nx.all_neighbors(G, u)) - {u}
        if not neighbours:
            result[u] = None
            continue
        result[u] = sum(
            1 - sum(nmw(G, u, w) * nmw(G, v, w, norm=max) for w in neighbours) for v in neighbours
        )
        if not math.isnan(per_node[u]):
            assert close(result[u], per_node[u]), (u, result[u], per_node[u])
    return result


def graph_oracles(G, attributes):
    constraint = burt_constraint(G)
    effective = burt_effective_size(G)
    betweenness = nx.betweenness_centrality(G)
    return {
        "N": G.number_of_nodes(),
        "L": G.number_of_edges(),
        "density": nx.density(G),
        "components": nx.number_weakly_connected_components(G),
        "isolates": sorted(nx.isolates(G)),
        "betweenness": betweenness,
        "constraint": constraint,
        "effective_size": effective,
        "attributes": {a: attribute_oracles(G, a) for a in attributes},
    }


# The metrics.md oracle table, (value, decimals printed): the networkx values must round to it.
METRICS_MD = {
    ("krackhardt_advice", None): {"N": (21, 0), "L": (190, 0), "density": (0.4523809524, 10)},
    ("krackhardt_friendship", None): {"N": (21, 0), "L": (102, 0), "density": (0.2428571429, 10)},
}
# Columns: assortativity r, E-I, E[E-I], Blau (nodes), modularity; each (value, decimals).
for key, row in {
    ("krackhardt_advice", "LEVEL"): [(0.0080738178, 10), (-0.0947368421, 10), (-0.2, 10), (0.380952381, 9), (-0.006373365, 9)],
    ("krackhardt_friendship", "LEVEL"): [(0.1875, 10), (-0.4901960784, 10), (-0.2, 10), (0.380952381, 9), (0.0274795706, 10)],
    ("karate", "club"): [(0.7175308642, 10), (-0.7179487179, 10), (0.0303030303, 10), (0.5, 10), (0.358234714, 9)],
    ("florentine_marriage", "priorates"): [(-0.25, 10), (-0.2, 10), (0.0, 10), (0.46875, 10), (-0.08, 10)],
}.items():
    METRICS_MD[key] = dict(zip(["assortativity", "ei", "ei_expected", "blau", "modularity"], row))


def check_metrics_md(datasets):
    for (name, attr), values in METRICS_MD.items():
        got = datasets[name] if attr is None else datasets[name]["attributes"][attr]
        for key, (value, decimals) in values.items():
            assert abs(got[key] - value) <= 0.5 * 10**-decimals, (name, attr, key, got[key], value)
    advice = datasets["krackhardt_advice"]
    by_level = advice["attributes"]["LEVEL"]["ei_by_group"]
    for level, value in {"1": 1.0, "2": 0.7590361446, "3": -0.0930232558}.items():
        assert abs(by_level[level] - value) <= 0.5e-10, ("E-I by LEVEL", level, by_level[level])
    lowest = min(advice["constraint"], key=lambda n: advice["constraint"][n])
    assert lowest == "18" and abs(advice["constraint"]["18"] - 0.1923136176) <= 0.5e-10
    top = sorted(advice["betweenness"], key=lambda n: -advice["betweenness"][n])[:2]
    assert top == ["18", "21"], top
    assert abs(advice["betweenness"]["18"] - 0.2340) <= 0.5e-4
    assert abs(advice["betweenness"]["21"] - 0.1582) <= 0.5e-4
    assert abs(datasets["florentine_marriage"]["betweenness"]["Medici"] - 0.4524) <= 0.5e-4


def main():
    data = {
        "generator": "shared/analytics/oracles/networkx_oracles.py",
        "networkx": nx.__version__,
        "python": sys.version.split()[0],
        "datasets": {
            "krackhardt_advice": graph_oracles(krackhardt("advice"), ["LEVEL", "DEPT"]),
            "krackhardt_friendship": graph_oracles(krackhardt("friendship"), ["LEVEL", "DEPT"]),
            "karate": graph_oracles(karate(), ["club"]),
            "florentine_marriage": graph_oracles(florentine(), ["priorates"]),
        },
    }
    check_metrics_md(data["datasets"])
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {OUT} (values agree with the metrics.md table)")


if __name__ == "__main__":
    # networkx sums over sets of string nodes, whose order follows Python's per-process hash
    # seed; fix it so the JSON is byte-identical on every regeneration (values differ by ~1e-16).
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    main()
