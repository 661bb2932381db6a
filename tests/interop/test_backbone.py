#!/usr/bin/env python3
"""The drawn backbone agrees with a plain Python disparity filter run on the JSON's whole graph.

    test_backbone.py --comention build/src/comention [--backbone auto|ALPHA] INPUT...

Writes the JSON (the whole graph) and the DOT (what is drawn) in one run, filters the JSON's
graph here the way Serrano, Boguñá and Vespignani (PNAS 106(16), 2009) define it, written out
from the formula rather than from comention's code, and checks that the DOT holds exactly the
entities and ties this filter keeps, and that its legend gives the same numbers. Run by CTest on
the samples with a fixed alpha; run it on a real corpus (Reuters-21578) by hand with the default.
"""
import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
from pathlib import Path

# What comention's automatic mode promises (backbone.hpp, --help).
LARGE_NODES, LARGE_EDGES, MAX_NODES, MAX_EDGES = 60, 150, 120, 300
LADDER = [0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 5e-4, 2e-4, 1e-4, 1e-5]


def significance(links):
    degree, strength = {}, {}
    for link in links:
        for end in (link["source"], link["target"]):
            degree[end] = degree.get(end, 0) + 1
            strength[end] = strength.get(end, 0) + link["count"]

    def alpha(end, count):
        # A leaf's one edge holds all its strength: only the other end can find it significant.
        if degree[end] == 1:
            return 1.0
        return (1 - count / strength[end]) ** (degree[end] - 1)

    return {(l["source"], l["target"]): min(alpha(l["source"], l["count"]), alpha(l["target"], l["count"]))
            for l in links}, strength


def backbone(data, mode):
    nodes, links = data["nodes"], data["links"]
    large = len(nodes) > LARGE_NODES or len(links) > LARGE_EDGES
    if mode == "off" or (mode == "auto" and not large):
        return {n["id"] for n in nodes}, {(l["source"], l["target"]) for l in links}, None
    sig, strength = significance(links)
    # The strongest entities by count strength, then mentions, then id (the JSON's order).
    ranked = sorted(nodes, key=lambda n: (-strength.get(n["id"], 0), -n["mentions"], n["id"]))
    candidates = {n["id"] for n in ranked[:MAX_NODES]}

    def ties_at(alpha):
        return {pair for pair, a in sig.items() if a < alpha and pair[0] in candidates and pair[1] in candidates}

    alpha = 0.05 if mode == "auto" else float(mode)
    ties = ties_at(alpha)
    if mode == "auto":
        for level in LADDER:
            if len(ties) <= MAX_EDGES:
                break
            if level < alpha:
                alpha = level
                ties = ties_at(alpha)
    if mode == "auto" and not ties:
        # Nothing stands out: the strongest entities' ties, unfiltered (or everything, uncapped).
        if len(candidates) == len(nodes):
            return {n["id"] for n in nodes}, set(sig), None
        ties, alpha = ties_at(2.0), 0.05
    shown = {end for pair in ties for end in pair}
    return shown, ties, alpha


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--comention", required=True)
    parser.add_argument("--backbone", default="auto")
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        json_path, dot_path = Path(work, "graph.json"), Path(work, "graph.dot")
        subprocess.run([args.comention, "build", *args.inputs, "--quiet", "--backbone", args.backbone,
                        "-o", str(json_path), "-o", str(dot_path)], check=True)
        data = json.loads(json_path.read_text())
        dot = dot_path.read_text()

    drawn_nodes = set(re.findall(r"^\t(\w+)\t\[", dot, re.M))
    drawn_ties = {tuple(sorted(pair)) for pair in re.findall(r"^\t(\w+) -- (\w+)\t", dot, re.M)}
    shown, ties, alpha = backbone(data, args.backbone)
    assert drawn_ties == ties, ("ties differ", sorted(drawn_ties ^ ties)[:20])
    assert drawn_nodes == shown, ("entities differ", sorted(drawn_nodes ^ shown)[:20])
    # The legend's numbers (with thousands separators) are the ones counted here.
    if alpha is None:
        assert "Shown: " not in dot, "a whole graph's legend claims a selection"
    else:
        head = f"{len(shown):,} of {len(data['nodes']):,} entities, {len(ties):,} of {len(data['links']):,} ties"
        assert head in dot, ("legend", head)
        assert f"= {alpha:g}" in dot, ("legend alpha", alpha)
    print(f"backbone: {len(shown)} of {len(data['nodes'])} entities, {len(ties)} of {len(data['links'])} ties"
          + ("" if alpha is None else f", alpha {alpha:g}") + ": the DOT agrees")
    return 0


if __name__ == "__main__":
    sys.exit(main())
