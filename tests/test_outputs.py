"""The outputs of `sekg build`: complete, deterministic, atomic, parseable elsewhere, valid."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from exports import writer
from exports.writer import OUTPUTS, write_all


def test_every_output_is_written(corpus_out: Path):
    for name in OUTPUTS:
        assert (corpus_out / name).stat().st_size > 0, name


def test_two_builds_are_byte_identical(corpus_out: Path, tmp_path: Path):
    from kg.build import build_result
    write_all(build_result().graph, tmp_path)
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (corpus_out / name).read_bytes(), name


def test_interrupted_build_keeps_previous_outputs(corpus_graph, tmp_path: Path, monkeypatch):
    write_all(corpus_graph, tmp_path)
    before = {n: (tmp_path / n).read_bytes() for n in OUTPUTS}
    original = writer.render_all

    def broken(kg):
        texts = original(kg)
        texts.pop("sekg.graphml")  # fails half-way through writing
        return texts

    monkeypatch.setattr(writer, "render_all", broken)
    with pytest.raises(KeyError):
        write_all(corpus_graph, tmp_path)
    assert {n: (tmp_path / n).read_bytes() for n in OUTPUTS} == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".sekg-build-")]


def test_turtle_parses_to_same_count_in_rapper(corpus_out: Path, rapper: str):
    count = len(Graph().parse(corpus_out / "sekg.ttl", format="turtle"))
    proc = subprocess.run([rapper, "-i", "turtle", "-c", str(corpus_out / "sekg.ttl")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert f"returned {count} triples" in proc.stderr


def _union(path: Path, fmt: str) -> tuple[Dataset, Graph]:
    ds = Dataset()
    ds.parse(path, format=fmt)
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return ds, union


def test_trig_holds_the_same_triples_in_named_graphs(corpus_out: Path):
    ds, union = _union(corpus_out / "sekg.trig", "trig")
    ttl = Graph().parse(corpus_out / "sekg.ttl", format="turtle")
    assert len(union) == len(ttl) and isomorphic(union, ttl)
    named = [g for g in ds.graphs() if g.identifier != ds.default_graph.identifier and len(g)]
    assert len(named) == 5  # one per source document


def test_graph_conforms_to_shapes(corpus_graph):
    from kg.validate import validate
    conforms, report = validate(corpus_graph)
    assert conforms, report[:3000]


def test_varied_documents_give_a_graph_that_conforms():
    """The tuning documents (news, timelines, tables, scraped pages) exercise more of the
    extractor than the corpus: what it builds from them must fit the shapes too."""
    from kg.build import build
    from kg.validate import validate
    conforms, report = validate(build([Path(__file__).parent / "tune" / "docs"]))
    assert conforms, report[:3000]


def test_every_fact_and_event_has_evidence(corpus_graph):
    for fact in corpus_graph.facts():
        assert fact["evidence"], fact
        for ev in fact["evidence"]:
            assert ev["sentence"] and ev["rule"] and 0 < ev["confidence"] <= 1 and ev["start"] < ev["end"]
    for event in corpus_graph.events():
        assert event["evidence"], event


def test_evidence_offsets_point_at_the_sentence(corpus_build):
    texts = {s.name: s.text for s in corpus_build.extraction.documents}
    for fact in corpus_build.graph.facts():
        for ev in fact["evidence"]:
            assert texts[ev["doc"]][ev["start"]:ev["end"]] == ev["sentence"]


def test_published_context_matches_the_one_embedded(corpus_out: Path):
    import json

    import ontology
    embedded = json.loads((corpus_out / "sekg.jsonld").read_text(encoding="utf-8"))["@context"]
    assert json.loads(ontology.CONTEXT.read_text(encoding="utf-8"))["@context"] == embedded


def test_jsonld_loads_to_the_same_graph(corpus_out: Path):
    _, union = _union(corpus_out / "sekg.jsonld", "json-ld")
    ttl = Graph().parse(corpus_out / "sekg.ttl", format="turtle")
    assert len(union) == len(ttl) and isomorphic(union, ttl)


def test_html_list_items_that_are_only_links_are_navigation():
    from kg.sources import html_to_text

    text = html_to_text("<p>正文。</p><ul><li><a href='/a'>甲公司完成B轮融资</a></li><li>第一条 <a>链接</a></li></ul>")
    assert "甲公司" not in text and "第一条 链接" in text
