"""networkx reads our GEXF and GraphML exports of the seed with the same
node and edge counts and attributes as the data file.

Run: python3 tests/interop/networkx_reads.py (after `cargo build`)."""
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.path.join(ROOT, "target", "debug", "alliance-map")


def export(fmt, path):
    subprocess.run([CLI, "export", os.path.join(ROOT, "data", "seed.toml"), "--format", fmt, "-o", path],
                   check=True, stderr=subprocess.DEVNULL)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        jgf_path = os.path.join(tmp, "seed.json")
        export("jgf", jgf_path)
        with open(jgf_path, encoding="utf-8") as f:
            jgf = json.load(f)["graph"]
        nodes, edges = jgf["nodes"], jgf["edges"]
        owns = next(e for e in edges if e["relation"] == "owns")
        for fmt in ("gexf", "graphml"):
            path = os.path.join(tmp, "seed." + fmt)
            export(fmt, path)
            g = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
            assert g.is_directed(), fmt
            assert g.number_of_nodes() == len(nodes), (fmt, g.number_of_nodes(), len(nodes))
            assert g.number_of_edges() == len(edges), (fmt, g.number_of_edges(), len(edges))
            for node_id, node in nodes.items():
                attrs = g.nodes[node_id]
                assert attrs["label"] == node["label"], (fmt, node_id)
                assert attrs["kind"] == node["metadata"]["kind"], (fmt, node_id)
            data = g.get_edge_data(owns["source"], owns["target"])
            stake = next(d for d in data.values() if d["relation"] == "owns")
            assert stake["share"] == owns["metadata"]["share"], (fmt, stake)
            assert stake["share_qualifier"] == "up_to", (fmt, stake)
            assert stake["sources"] == ";".join(owns["metadata"]["sources"]), (fmt, stake)
            print(f"networkx {nx.__version__} reads {fmt}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, attributes match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
