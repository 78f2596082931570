"""TriG written deterministically: the default graph, then each named graph in IRI order,
each body serialised by rdflib's Turtle writer (which sorts subjects and predicates)."""
from __future__ import annotations

from rdflib import Dataset, Graph

from exports.namespaces import PREFIXES


def _turtle(triples) -> tuple[list[str], list[str]]:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for t in triples:
        g.add(t)
    lines = g.serialize(format="turtle").splitlines()
    prefixes = [line for line in lines if line.startswith("@prefix")]
    body = [line for line in lines if not line.startswith("@prefix")]
    return prefixes, body


def serialize(ds: Dataset) -> str:
    prefixes, default = _turtle(ds.default_graph)
    blocks = ["\n".join(default).strip()]
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if g.identifier == ds.default_graph.identifier or not len(g):
            continue
        p, body = _turtle(g)
        prefixes += p
        inner = "\n".join(body).strip("\n")  # no indenting: it would enter multi-line literals
        blocks.append(f"<{g.identifier}> {{\n{inner}\n}}")
    head = sorted(set(prefixes))
    return "\n".join(head) + "\n\n" + "\n\n".join(blocks) + "\n"
