"""The Python API: `kg.build`, `kg.load` of every RDF output, the DataFrames,
`to_networkx()`, GraphML, the analytics functions and the example script."""
from __future__ import annotations

import json
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
import rdflib
from rdflib import BNode

import kg
from exports.writer import write_all
from kg import analytics as A
from kg.graph import ENTITY_CLASSES, RELATIONS

ROOT = Path(__file__).resolve().parent.parent
E = "https://w3id.org/sekg/id/entity/"
PDD, NASDAQ, YUNJI, JD = E + "pinduoduo", E + "nasdaq", E + "yunji", E + "jd-com"
EVIDENCE_KEYS = {"doc", "sentence", "start", "end", "rule", "confidence", "date"}


@pytest.fixture(scope="module")
def g():
    return kg.build()


@pytest.fixture(scope="module")
def out(g, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    write_all(g, out)
    return out


@pytest.fixture(scope="module")
def G(g):
    return g.to_networkx()


def _ground(graph) -> set:
    """Triples without blank nodes (the ontology's owl:unionOf lists have some)."""
    return {t for t in graph if not any(isinstance(x, BNode) for x in t)}


def _rapper_count(path: Path, syntax: str) -> int:
    done = subprocess.run(["rapper", "-c", "-i", syntax, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return int(re.search(r"returned (\d+) (?:triples|statements)", done.stderr).group(1))


# ---- building and loading --------------------------------------------------------------
def test_build(g):
    assert isinstance(g, kg.KnowledgeGraph) and len(g) > 1000
    assert len(list(g.dataset.graphs())) >= 6  # the default graph + one per source document


@pytest.mark.parametrize("name", ["sekg.ttl", "sekg.trig", "sekg.jsonld"])
def test_load_round_trip(g, out, name):
    loaded = kg.load(out / name)
    assert len(loaded) == len(g)
    assert _ground(loaded.graph) == _ground(g.graph)
    assert len(loaded.entities()) == len(g.entities()) and len(loaded.facts()) == len(g.facts())
    if name != "sekg.ttl":  # one named graph per source document survives
        quads = sum(1 for _ in g.dataset.quads())
        assert sum(1 for _ in loaded.dataset.quads()) == quads
        assert {str(x.identifier) for x in loaded.dataset.graphs() if len(x)} >= \
               {str(x.identifier) for x in g.dataset.graphs() if len(x) and "graph/" in str(x.identifier)}


def test_turtle_counts_agree(g, out):
    path = out / "sekg.ttl"
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(rdflib.Graph().parse(path, format="turtle")) == len(g)
    if shutil.which("rapper"):
        assert _rapper_count(path, "turtle") == len(g)


def test_trig_quads_agree(g, out):
    path = out / "sekg.trig"
    quads = sum(1 for _ in g.dataset.quads())
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TRIG)
    ds = rdflib.Dataset()
    ds.parse(path, format="trig")
    assert len(store) == sum(1 for _ in ds.quads()) == quads
    assert len({q.graph_name for q in store}) >= 6
    if shutil.which("rapper"):
        assert _rapper_count(path, "trig") == quads


def test_jsonld_is_self_contained(g, out):
    path = out / "sekg.jsonld"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(doc["@context"], dict) and doc["@context"]["sekg"] == "https://w3id.org/sekg/ontology#"
    quads = sum(1 for _ in g.dataset.quads())
    ds = rdflib.Dataset()
    ds.parse(path, format="json-ld")  # no context fetched: it is embedded
    assert sum(1 for _ in ds.quads()) == quads
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.JSON_LD)
    assert len(store) == quads


def test_load_rejects_unknown_format(tmp_path):
    path = tmp_path / "graph.xyz"
    path.write_text("")
    with pytest.raises(ValueError, match="unknown RDF format"):
        kg.load(path)


# ---- tables --------------------------------------------------------------------------
def test_dataframes(g):
    entities, facts, events = g.entities_df(), g.facts_df(), g.events_df()
    assert list(entities.columns) == ["iri", "label", "label_en", "class", "alt_labels", "stock_codes", "degree"]
    assert list(facts.columns) == ["iri", "subject", "subject_label", "relation", "object", "object_label", "date",
                                   "confidence", "evidence_count", "documents", "sentence", "rule"]
    assert list(events.columns) == ["iri", "class", "label", "date", "amount", "currency", "round", "status",
                                    "confidence", "participants", "evidence_count", "documents", "sentence"]
    assert entities["iri"].is_unique and entities["label"].notna().all()
    assert set(entities["class"]) <= set(ENTITY_CLASSES) and set(facts["relation"]) <= set(RELATIONS)
    assert (facts["evidence_count"] >= 1).all() and (events["evidence_count"] >= 1).all()
    row = entities.set_index("iri").loc[PDD]
    assert row["label"] == "拼多多" and row["label_en"] == "Pinduoduo" and row["class"] == "Platform"
    assert ((facts["subject"] == PDD) & (facts["relation"] == "listedOn") & (facts["object"] == NASDAQ)).any()


def test_sparql_to_dataframe(g):
    df = g.query("SELECT ?c WHERE { ?c <https://w3id.org/sekg/ontology#listedOn> "
                 "<https://w3id.org/sekg/id/entity/nasdaq> }")
    assert list(df.columns) == ["c"] and PDD in set(df["c"])


# ---- networkx ------------------------------------------------------------------------
def test_to_networkx_attributes(g, G):
    assert isinstance(G, nx.MultiDiGraph)
    assert G.number_of_nodes() == len(g.entities()) and G.number_of_edges() == len(g.facts())
    for _, d in G.nodes(data=True):
        assert d["cls"] in ENTITY_CLASSES and d["label"]
    assert G.nodes[PDD]["label"] == "拼多多" and G.nodes[PDD]["label_en"] == "Pinduoduo"
    edge = G.get_edge_data(PDD, NASDAQ, key="listedOn")
    assert edge["relation"] == "listedOn" and 0 < edge["confidence"] <= 1
    assert edge["evidence"] and all(set(e) == EVIDENCE_KEYS for e in edge["evidence"])
    for _, _, key, d in G.edges(keys=True, data=True):
        assert key == d["relation"] and d["evidence"]


def test_graphml_loads_in_networkx(out, G):
    H = nx.read_graphml(out / "sekg.graphml", force_multigraph=True)
    assert set(H.nodes) == set(G.nodes) and H.number_of_edges() == G.number_of_edges()
    assert H.nodes[PDD]["label"] == "拼多多" and H.nodes[PDD]["cls"] == "Platform"
    edges = [d for u, v, d in H.edges(data=True) if (u, v) == (PDD, NASDAQ)]
    assert any(d["relation"] == "listedOn" and "纳斯达克" in d["evidence"] for d in edges)
    # the analytics work on the GraphML graph too (aliases are a "; "-joined string there)
    assert A.resolve_name(H, "拼多多公司") == PDD
    assert A.shortest_paths(H, "云集", "拼多多")


# ---- analytics -----------------------------------------------------------------------
@pytest.mark.parametrize("name", ["拼多多", "Pinduoduo", "pinduoduo", "PINDUODUO", "拼多多公司", PDD])
def test_resolve_name(G, name):
    assert A.resolve_name(G, name) == PDD


def test_resolve_name_unknown(G):
    with pytest.raises(nx.NodeNotFound):
        A.resolve_name(G, "不存在的公司")


def test_centrality_ranking(G):
    df = A.centrality_ranking(G)
    assert list(df.columns) == ["iri", "label", "cls", "centrality"] and len(df) == len(G)
    assert df["centrality"].is_monotonic_decreasing
    platforms = A.centrality_ranking(G, cls="Platform")
    assert set(platforms["cls"]) == {"Platform"} and PDD in set(platforms["iri"])
    pagerank = A.centrality_ranking(G, measure="pagerank")
    assert abs(pagerank["centrality"].sum() - 1) < 1e-6
    with pytest.raises(ValueError):
        A.centrality_ranking(G, measure="magic")


def test_communities(G):
    parts = A.communities(G)
    assert sum(len(c) for c in parts) == len(G) and set().union(*parts) == set(G)
    assert [len(c) for c in parts] == sorted((len(c) for c in parts), reverse=True)
    assert A.communities(G) == parts  # seeded: deterministic
    assert A.communities(G.copy()) == parts


def test_ego_network(G):
    ego = A.ego_network(G, "拼多多")
    assert PDD in ego and NASDAQ in ego and ego.has_edge(PDD, NASDAQ, key="listedOn")
    assert all(nx.has_path(ego.to_undirected(as_view=True), PDD, n) for n in ego)
    two = A.ego_network(G, PDD, radius=2)
    assert set(ego) <= set(two) and YUNJI in two  # 拼多多 - 纳斯达克 - 云集
    assert two.nodes[YUNJI]["label"] == "云集"  # attributes are kept


def test_shortest_paths(G):
    paths = A.shortest_paths(G, "云集", "Pinduoduo")
    assert [YUNJI, NASDAQ, PDD] in paths and all(len(p) == 3 for p in paths)
    assert A.describe_path(G, [YUNJI, NASDAQ, PDD]) == "云集 -listedOn-> 纳斯达克 <-listedOn- 拼多多"
    assert len(A.shortest_paths(G, "京东", "拼多多", max_paths=1)) <= 1
    H = G.copy()
    H.add_node("urn:isolated", label="孤岛", cls="Company")
    assert A.shortest_paths(H, "拼多多", "孤岛") == []


def test_timeline(g):
    df = A.timeline(g, "拼多多")
    assert list(df.columns) == A.TIMELINE_COLUMNS and len(df) >= 2
    assert set(df["kind"]) <= {"event", "fact"}
    dates = [d for d in df["date"] if isinstance(d, str)]
    assert dates == sorted(dates) and list(df["date"][:len(dates)]) == dates  # undated last
    listing = df[(df["kind"] == "event") & (df["type"] == "Listing")]
    assert any(d.startswith("2018") for d in listing["date"])
    assert any("纳斯达克" in (o or "") for o in listing["others"])
    assert df.equals(A.timeline(g, "Pinduoduo")) and df.equals(A.timeline(g, PDD))
    with pytest.raises(nx.NodeNotFound):
        A.timeline(g, "不存在的公司")


def test_analytics_example_runs(out, monkeypatch, capsys):
    script = ROOT / "docs" / "analytics_example.py"
    monkeypatch.setattr(sys, "argv", [str(script), str(out / "sekg.ttl")])
    try:
        runpy.run_path(str(script), run_name="__main__")
    except SystemExit as exc:  # a clean exit is fine, a failing one is not
        assert exc.code in (0, None)
    printed = capsys.readouterr().out
    assert "communities" in printed and "纳斯达克" in printed


def test_ask_queries_answer_a_boolean():
    import pyoxigraph

    from kg.sparql import select
    store = pyoxigraph.Store()
    assert select(store, "ASK { ?s ?p ?o }")["ask"].tolist() == [False]
