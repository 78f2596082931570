"""GraphML for Gephi, Cytoscape and networkx: attributes flattened to strings and numbers."""
from __future__ import annotations

import io

import networkx as nx

from kg.graph import KnowledgeGraph


def _flat(value):
    if isinstance(value, list):
        if value and isinstance(value[0], dict):  # evidence: the sentences and where they are
            return " | ".join(f"{e['doc']}:{e['start']}-{e['end']} {e['sentence']}" for e in value)
        return "; ".join(map(str, value))
    return "" if value is None else value


def graphml_text(kg: KnowledgeGraph) -> str:
    g = kg.to_networkx()
    flat = nx.MultiDiGraph()
    for node, attrs in sorted(g.nodes(data=True)):
        flat.add_node(node, **{k: _flat(v) for k, v in attrs.items()})
    for s, o, key, attrs in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        flat.add_edge(s, o, key=key, **{k: _flat(v) for k, v in attrs.items()})
    buf = io.BytesIO()
    nx.write_graphml(flat, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")
