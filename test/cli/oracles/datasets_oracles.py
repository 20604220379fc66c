"""Reference values for the classic data sets as `copgraph import --dataset` brings them in.

Each relation is the DiGraph of its arcs (undirected data: both arcs) over all members; the
attribute is the one named below (karate: README.KARATE's factions, member 9 with the officer).
Reads the copy shipped in shared/interchange/datasets.
Run from the repository: python3 test/cli/oracles/datasets_oracles.py  (networkx 3.6.1).
"""
import csv
import json
import re
from pathlib import Path

import networkx as nx

HERE = Path(__file__).resolve().parent
DATASETS = HERE.parents[2] / "shared" / "interchange" / "datasets"


def ei(G, attr):
    internal = sum(1 for u, v in G.edges if G.nodes[u][attr] == G.nodes[v][attr])
    external = G.number_of_edges() - internal
    n = G.number_of_nodes()
    sizes = {}
    for _, a in G.nodes(data=attr):
        sizes[a] = sizes.get(a, 0) + 1
    pi_in = sum(s * (s - 1) for s in sizes.values()) / (n * (n - 1))
    return (external - internal) / (external + internal), 1 - 2 * pi_in


def values(G, attr):
    e, expected = ei(G, attr)
    groups = {}
    for node, a in G.nodes(data=attr):
        groups.setdefault(a, set()).add(node)
    return {
        "N": G.number_of_nodes(),
        "L": G.number_of_edges(),
        "density": nx.density(G),
        "reciprocity_edge": nx.overall_reciprocity(G),
        "assortativity": nx.attribute_assortativity_coefficient(G, attr),
        "ei": e,
        "ei_expected": expected,
        "modularity": nx.community.modularity(G.to_undirected(), list(groups.values()), weight=None),
    }


def krackhardt(relation):
    G = nx.DiGraph()
    with open(DATASETS / "krackhardt_hightech" / "krackhardt_attributes.csv") as f:
        for row in csv.DictReader(f):
            G.add_node(row["ids"], LEVEL=row["LEVEL"])
    with open(DATASETS / "krackhardt_hightech" / f"krackhardt_{relation}.csv") as f:
        for row in csv.reader(list(f)[1:]):
            ego, alter, tie = (cell.strip().strip('"') for cell in row)
            if float(tie) != 0 and ego != alter:
                G.add_edge(ego, alter)
    return values(G, "LEVEL")


def lazega(relation_number):
    lines = (DATASETS / "lazega_lawfirm" / "Lazega-Law-Firm.paj").read_text().replace("\r", "").split("\n")
    G = nx.DiGraph()
    G.add_nodes_from(str(i) for i in range(1, 72))
    start = lines.index("*Partition office.clu") + 4
    for i, value in enumerate(lines[start : start + 71], start=1):
        G.nodes[str(i)]["office"] = value.strip()
    for line in lines:
        match = re.match(r"^(\d+):\s+(\d+)\s+(\d+)", line)
        if match and match.group(1) == str(relation_number) and match.group(2) != match.group(3):
            G.add_edge(match.group(2), match.group(3))
    return values(G, "office")


def karate():
    readme = (DATASETS / "zachary_karate" / "README.KARATE").read_text()
    hi, officer = (re.findall(r"\d+", group) for group in re.findall(r"\{([\d,\s]+)\}", readme))
    G = nx.DiGraph()
    for member in hi:
        G.add_node(member, faction="hi")
    for member in officer:
        G.add_node(member, faction="officer")
    for line in (DATASETS / "zachary_karate" / "zachary.txt").read_text().split("\n"):
        parts = line.split()
        if len(parts) >= 2:
            G.add_edge(parts[0], parts[1])
            G.add_edge(parts[1], parts[0])
    return values(G, "faction")


def florentine(kind):
    data = json.loads((DATASETS / "padgett_florentine" / "florentine-family.json").read_text())
    G = nx.DiGraph()
    for node in data["nodes"]:
        G.add_node(node["Family"], priorates=node["NumberPriorates"])
    for link in data["links"]:
        if link["type"] == kind:
            a, b = data["nodes"][link["source"]]["Family"], data["nodes"][link["target"]]["Family"]
            G.add_edge(a, b)
            G.add_edge(b, a)
    return values(G, "priorates")


def mcfarland():
    G = nx.DiGraph()
    weights = {}
    with open(DATASETS / "mcfarland_s641" / "social_interactions_s641.csv") as f:
        for row in csv.reader(list(f)[1:]):
            ego, alter, tie = (cell.strip().strip('"') for cell in row)
            G.add_node(ego, group="all")
            G.add_node(alter, group="all")
            if float(tie) != 0 and ego != alter:
                G.add_edge(ego, alter)
                weights[(ego, alter)] = float(tie)
    total = sum(weights.values())
    mutual = sum(min(w, weights.get((b, a), 0)) for (a, b), w in weights.items())
    return {
        "N": G.number_of_nodes(),
        "L": G.number_of_edges(),
        "density": nx.density(G),
        "reciprocity_edge": nx.overall_reciprocity(G),
        "reciprocity_weighted": mutual / total,
    }


oracles = {
    "networkx": nx.__version__,
    "krackhardt": {"advice": krackhardt("advice"), "knowledge-sharing": krackhardt("friendship")},
    "lazega": {"advice": lazega(1), "knowledge-sharing": lazega(2)},
    "karate": {"collaboration": karate()},
    "florentine": {"knowledge-sharing": florentine("marriage"), "collaboration": florentine("business")},
    "mcfarland": {"knowledge-sharing": mcfarland()},
}
(HERE / "datasets-oracles.json").write_text(json.dumps(oracles, indent=1, sort_keys=True) + "\n")
print(json.dumps(oracles, indent=1, sort_keys=True))
