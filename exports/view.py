"""The view data the HTML page draws: nodes, edges (facts) and events, with evidence."""
from __future__ import annotations

from kg.graph import KnowledgeGraph


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def view_data(kg: KnowledgeGraph, title: str = "sekg — 社交电商知识图谱") -> dict:
    entities = kg.entities()
    top = max((e["degree"] for e in entities), default=1) or 1
    nodes = [{"id": e["iri"], "label": e["label"], "label_en": e["label_en"], "aliases": e["alt_labels"],
              "class": e["class"], "degree": e["degree"], "centrality": round(e["degree"] / top, 4),
              "x": None, "y": None} for e in entities]
    edges = [{"id": f["iri"], "source": f["subject"], "target": f["object"], "relation": f["relation"],
              "date": f["date"], "year": _year(f["date"]), "amount": None, "currency": None,
              "confidence": f["confidence"], "evidence": f["evidence"]} for f in kg.facts()]
    events = [{"id": e["iri"], "class": e["class"], "label": e["label"], "date": e["date"], "year": _year(e["date"]),
               "amount": e["amount"], "currency": e["currency"], "round": e["round"], "status": e["status"],
               "participants": [{"role": p["role"], "entity": p["entity"]} for p in e["participants"]],
               "evidence": e["evidence"]} for e in kg.events()]
    return {"title": title, "nodes": nodes, "edges": edges, "events": events}
