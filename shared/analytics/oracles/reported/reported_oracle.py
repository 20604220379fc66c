"""Reference values for structural indicators on a survey round's reported layers, with networkx.

Regenerate (from the repository root, with networkx 3.6.1):
    python3 shared/analytics/oracles/reported/reported_oracle.py
Writes reported_oracle.json next to this script: a round (fixed by a seeded generator: roster,
respondents, sectors, reported ties of three layers) and, per layer choice, what networkx gives.
The graph of a choice holds every member asked and the ties of its layers; reciprocity is read
on the subgraph of respondents (dyads in which both answered).
"""

import json
import os
import random

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
LAYERS = ["reported-advice", "reported-knowledge", "reported-collaboration"]
SECTORS = ["education", "business", "public-authority"]


def round_fixture():
    rng = random.Random(17)
    roster = [f"m{i:02d}" for i in range(30)]
    respondents = [m for m in roster if rng.random() < 0.75]
    sectors = {m: SECTORS[rng.randrange(len(SECTORS))] for m in roster}
    ties = []
    for layer, share in zip(LAYERS, [0.12, 0.08, 0.1]):
        for a in respondents:
            for b in roster:
                if a != b and rng.random() < share:
                    ties.append({"from": a, "to": b, "layer": layer})
    return {"roster": roster, "respondents": respondents, "sectors": sectors, "ties": ties}


def graph_of(fixture, layers, nodes):
    g = nx.DiGraph()
    for m in nodes:
        g.add_node(m, sector=fixture["sectors"][m])
    for tie in fixture["ties"]:
        if tie["layer"] in layers and tie["from"] in g and tie["to"] in g:
            w = g.edges[tie["from"], tie["to"]]["weight"] if g.has_edge(tie["from"], tie["to"]) else 0
            g.add_edge(tie["from"], tie["to"], weight=w + 1)
    return g


def readings(fixture, layers):
    g = graph_of(fixture, layers, fixture["roster"])
    r = graph_of(fixture, layers, fixture["respondents"])
    mutual = sum(1 for u, v in r.edges() if r.has_edge(v, u)) // 2
    asym = r.number_of_edges() - 2 * mutual
    external = sum(1 for u, v in g.edges() if g.nodes[u]["sector"] != g.nodes[v]["sector"])
    internal = g.number_of_edges() - external
    return {
        "layers": layers,
        "N": g.number_of_nodes(),
        "L": g.number_of_edges(),
        "density": nx.density(g),
        "components": nx.number_weakly_connected_components(g),
        "isolates": nx.number_of_isolates(g),
        "betweenness": nx.betweenness_centrality(g),
        "assortativity": nx.attribute_assortativity_coefficient(g, "sector"),
        "ei": (external - internal) / (external + internal),
        "edgeReciprocity": nx.overall_reciprocity(r),
        "dyadicReciprocity": mutual / (mutual + asym),
        "respondents": len(fixture["respondents"]),
        "rostered": len(fixture["roster"]),
    }


def main():
    fixture = round_fixture()
    choices = [[layer] for layer in LAYERS] + [LAYERS]
    out = {"networkx": nx.__version__, "round": fixture, "choices": [readings(fixture, c) for c in choices]}
    with open(os.path.join(HERE, "reported_oracle.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
