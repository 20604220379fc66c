"""networkx's subset of the full report, timed on one graph (bench/analytics, measure 2).

Usage: python3 networkx-subset.py <graph.tsv>
The file has one line per member, "n <id> <sector>", then one per tie, "e <from> <to> <weight>"
(tab-separated). Prints one JSON object: the seconds of each computation and their sum (the graph
already built), the process's CPU seconds, and the values, so the driver can check that both
sides computed on the same graph. Directed and unweighted where copgraph's oracles are
(shared/analytics/oracles/networkx_oracles.py); Louvain runs on the undirected graph, seed 1.
"""

import json
import sys
import time

import networkx as nx


def load(path):
    G = nx.DiGraph()
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "n":
                G.add_node(parts[1], sector=parts[2])
            elif parts[0] == "e":
                G.add_edge(parts[1], parts[2], weight=float(parts[3]))
    return G


def timed(seconds, name, compute):
    started = time.perf_counter()
    value = compute()
    seconds[name] = time.perf_counter() - started
    return value


def main():
    loading = time.perf_counter()
    G = load(sys.argv[1])
    load_seconds = time.perf_counter() - loading
    seconds = {}
    density = timed(seconds, "density", lambda: nx.density(G))
    reciprocity = timed(seconds, "reciprocity", lambda: nx.reciprocity(G))
    assortativity = timed(seconds, "assortativity", lambda: nx.attribute_assortativity_coefficient(G, "sector"))

    def louvain_modularity():
        undirected = G.to_undirected()
        parts = nx.community.louvain_communities(undirected, weight=None, seed=1)
        return nx.community.modularity(undirected, parts, weight=None), len(parts)

    modularity, communities = timed(seconds, "louvain_modularity", louvain_modularity)
    betweenness = timed(seconds, "betweenness", lambda: nx.betweenness_centrality(G))
    constraint = timed(seconds, "constraint", lambda: nx.constraint(G))
    cpu = time.process_time()
    finite = [value for value in constraint.values() if value == value]
    print(
        json.dumps(
            {
                "networkx": nx.__version__,
                "nodes": G.number_of_nodes(),
                "edges": G.number_of_edges(),
                "loadSeconds": load_seconds,
                "seconds": seconds,
                "totalSeconds": sum(seconds.values()),
                "cpuSeconds": cpu,
                "values": {
                    "density": density,
                    "reciprocity": reciprocity,
                    "assortativity": assortativity,
                    "modularity": modularity,
                    "louvainCommunities": communities,
                    "betweennessMax": max(betweenness.values(), default=0),
                    "constraintMean": sum(finite) / len(finite) if finite else None,
                },
            }
        )
    )


if __name__ == "__main__":
    main()
