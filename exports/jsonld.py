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


def _value(term, nodes: dict) -> dict:
    if isinstance(term, BNode):  # blank nodes (OWL lists, unions) nest where they are used
        return _node_object(None, nodes.get(term, {}), nodes)
    if isinstance(term, Literal):
        out = {"@value": str(term)}
        if term.language:
            out["@language"] = term.language
        elif term.datatype:
            out["@type"] = _compact(str(term.datatype))
        return out
    return {"@id": _compact(str(term))}


def _node_object(node_id: str | None, props: dict, nodes: dict) -> dict:
    node = {"@id": node_id} if node_id else {}
    for key in sorted(props):
        if key == "@type":
            node[key] = sorted(_compact(str(o)) for o in props[key])
        else:
            values = [_value(o, nodes) for o in props[key]]
            node[_compact(str(key))] = sorted(values, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return node


def _nodes(triples) -> list[dict]:
    nodes: dict = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        nodes[s]["@type" if p == RDF.type and isinstance(o, URIRef) else p].append(o)
    named = sorted((_compact(str(s)), s) for s in nodes if not isinstance(s, BNode))
    out = [_node_object(node_id, nodes[s], nodes) for node_id, s in named]
    used = {o for props in nodes.values() for values in props.values() for o in values if isinstance(o, BNode)}
    roots = [_node_object(None, nodes[s], nodes) for s in nodes if isinstance(s, BNode) and s not in used]
    return out + sorted(roots, key=lambda n: json.dumps(n, ensure_ascii=False, sort_keys=True))


def serialize(ds: Dataset) -> str:
    default = _nodes(ds.default_graph)
    named = []
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if g.identifier == ds.default_graph.identifier or not len(g):
            continue
        named.append({"@id": _compact(str(g.identifier)), "@graph": _nodes(g)})
    doc = {**context(), "@graph": default + named}
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
