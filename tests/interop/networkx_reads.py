"""networkx reads our GEXF and GraphML exports of the seed with the same
node and edge counts and attributes as the data file (entity attributes
typed: a number as a float, a boolean as a bool, with their sources); graphs networkx
writes (Les Miserables, karate club) convert, check, render and build.

Run: python3 tests/interop/networkx_reads.py (after `cargo build` and
scripts/build.sh, which makes the widget in dist/)."""
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
        typed = [(node_id, a) for node_id, node in nodes.items() for a in node["metadata"].get("attributes", [])
                 if not isinstance(a["value"], str)]
        assert typed, "the seed has number and boolean attributes"
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
            for node_id, a in typed:
                value = g.nodes[node_id][a["key"]]
                assert type(value) is (bool if isinstance(a["value"], bool) else float), (fmt, node_id, a, value)
                assert value == a["value"], (fmt, node_id, a, value)
                assert g.nodes[node_id][a["key"] + ".sources"] == " ".join(a["sources"]), (fmt, node_id, a)
            data = g.get_edge_data(owns["source"], owns["target"])
            stake = next(d for d in data.values() if d["relation"] == "owns")
            assert stake["share"] == owns["metadata"]["share"], (fmt, stake)
            assert stake["share_qualifier"] == "up_to", (fmt, stake)
            assert stake["sources"] == ";".join(owns["metadata"]["sources"]), (fmt, stake)
            print(f"networkx {nx.__version__} reads {fmt}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, attributes match")
        real_data(tmp)
    return 0


def real_data(tmp):
    """Graphs no one here wrote, written by networkx, convert and check clean."""
    graphs = {"les-miserables": nx.les_miserables_graph(), "karate-club": nx.karate_club_graph()}
    for name, g in graphs.items():
        for fmt, write in (("gexf", nx.write_gexf), ("graphml", nx.write_graphml)):
            src = os.path.join(tmp, f"{name}.{fmt}")
            write(g, src)
            toml = os.path.join(tmp, f"{name}-{fmt}.toml")
            subprocess.run([CLI, "convert", src, "-o", toml], check=True, stderr=subprocess.DEVNULL)
            done = subprocess.run([CLI, "check", toml], capture_output=True, text=True)
            assert done.returncode == 0 and done.stderr.endswith(": ok\n"), (name, fmt, done.stderr)
            with open(toml, encoding="utf-8") as f:
                text = f.read()
            assert text.count("[[entity]]") == g.number_of_nodes(), (name, fmt)
            assert text.count("[[relation]]") == g.number_of_edges(), (name, fmt)
            svg = subprocess.run([CLI, "render", src], capture_output=True, text=True, check=True).stdout
            # The map's own viewport: the figure's legend draws swatches as circles too.
            drawn = svg.split('<svg class="am-map"', 1)[1].split("</svg>", 1)[0].count("<circle")
            assert drawn == g.number_of_nodes(), (name, fmt, drawn)
            site = os.path.join(tmp, f"{name}-{fmt}-site")
            subprocess.run([CLI, "build", src, "-o", site, "--widget", os.path.join(ROOT, "dist")], check=True, stderr=subprocess.DEVNULL)
            assert os.path.getsize(os.path.join(site, "data.amap")) > 0 and os.path.exists(os.path.join(site, "index.html"))
            print(f"{name} written by networkx as {fmt}: converts, checks clean, renders and builds ({g.number_of_nodes()} entities, {g.number_of_edges()} relations)")


if __name__ == "__main__":
    sys.exit(main())
