"""JSON-LD, written deterministically: nodes and values sorted, compact IRIs through the
published context (ontology/context.jsonld), one `@graph` object per named graph."""
from __future__ import annotations

import json
from collections import defaultdict

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import RDF

from exports.namespaces import PREFIXES


def context() -> dict:
    return {"@context": {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}}


def _compact(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if iri.startswith(str(ns)) and iri != str(ns):
            return f"{prefix}:{iri[len(str(ns)):]}"
    return iri


def _value(term) -> dict:
    if isinstance(term, Literal):
        out = {"@value": str(term)}
        if term.language:
            out["@language"] = term.language
        elif term.datatype:
            out["@type"] = _compact(str(term.datatype))
        return out
    return {"@id": _compact(str(term)) if isinstance(term, URIRef) else f"_:{term}"}


def _nodes(triples) -> list[dict]:
    nodes: dict[str, dict] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        node = nodes[_compact(str(s)) if not isinstance(s, BNode) else f"_:{s}"]
        if p == RDF.type and isinstance(o, URIRef):
            node["@type"].append(_compact(str(o)))
        else:
            node[_compact(str(p))].append(_value(o))
    out = []
    for node_id in sorted(nodes):
        props = nodes[node_id]
        node = {"@id": node_id}
        for key in sorted(props):
            values = props[key]
            node[key] = sorted(values) if key == "@type" else sorted(values, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
        out.append(node)
    return out


def serialize(ds: Dataset) -> str:
    default = _nodes(ds.default_graph)
    named = []
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if g.identifier == ds.default_graph.identifier or not len(g):
            continue
        named.append({"@id": _compact(str(g.identifier)), "@graph": _nodes(g)})
    doc = {**context(), "@graph": default + named}
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
