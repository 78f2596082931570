"""The KnowledgeGraph: the RDF graph, and the views of it that Python users want."""
from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from pathlib import Path

import networkx as nx
import pandas as pd
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from exports.namespaces import SEKG
from extract.model import ACTOR_CLASSES, ENTITY_CLASSES, EVENT_CLASSES, RELATIONS  # noqa: F401  (re-exported)

ROLES = ("listedCompany", "exchange", "fundedCompany", "investor", "leadInvestor", "acquirer", "acquiredCompany",
         "partner", "issuer", "policyDocument", "penalizingBody", "penalizedParty", "launcher", "launchedProduct")


def _local(iri) -> str:
    return str(iri).rsplit("#", 1)[-1]


def _py(value):
    if value is None:
        return None
    return value.toPython() if isinstance(value, Literal) and not str(value.datatype or "").endswith(("gYear", "gYearMonth", "date")) else str(value)


class KnowledgeGraph:
    """A built sekg graph. `dataset` has a named graph per source document; `graph` is the union."""

    def __init__(self, dataset: Dataset):
        self.dataset = dataset

    @cached_property
    def graph(self) -> Graph:
        from exports.rdf import union
        return union(self.dataset)

    # ---- tables -------------------------------------------------------------------
    def _labels(self, node) -> tuple[str | None, str | None, list[str]]:
        zh = en = None
        for label in self.graph.objects(node, RDFS.label):
            if label.language == "en":
                en = str(label)
            elif label.language == "zh":
                zh = str(label)
        return zh, en, sorted(str(a) for a in self.graph.objects(node, SKOS.altLabel))

    @cached_property
    def _entity_class(self) -> dict[URIRef, str]:
        out = {}
        for cls in ENTITY_CLASSES:
            for node in self.graph.subjects(RDF.type, SEKG[cls]):
                out[node] = cls
        return out

    def _evidence(self, node) -> list[dict]:
        rows = []
        for ev in self.graph.objects(node, SEKG.evidence):
            g = self.graph
            rows.append({
                "doc": str(g.value(g.value(ev, SEKG.sourceDocument), RDFS.label)),
                "sentence": str(g.value(ev, SEKG.sentence)),
                "start": int(g.value(ev, SEKG.startOffset)), "end": int(g.value(ev, SEKG.endOffset)),
                "rule": str(g.value(ev, SEKG.rule)), "confidence": float(g.value(ev, SEKG.confidence)),
                "date": str(date) if (date := g.value(ev, SEKG.date)) is not None else None,
            })
        return sorted(rows, key=lambda r: (r["doc"], r["start"], r["rule"]))

    def entities(self) -> list[dict]:
        return self._entities

    @cached_property
    def _entities(self) -> list[dict]:
        degree = defaultdict(int)
        for s, p, o in self.graph:
            if isinstance(p, URIRef) and _local(p) in RELATIONS:
                degree[s] += 1
                degree[o] += 1
        rows = []
        for node, cls in self._entity_class.items():
            zh, en, alts = self._labels(node)
            codes = sorted(str(c) for c in self.graph.objects(node, SEKG.stockCode))
            rows.append({"iri": str(node), "label": zh, "label_en": en, "class": cls, "alt_labels": alts,
                         "stock_codes": codes, "degree": degree[node]})
        return sorted(rows, key=lambda r: r["iri"])

    def facts(self) -> list[dict]:
        return self._facts

    @cached_property
    def _facts(self) -> list[dict]:
        rows = []
        for node in self.graph.subjects(RDF.type, SEKG.Fact):
            s, p, o = (self.graph.value(node, x) for x in (RDF.subject, RDF.predicate, RDF.object))
            rows.append({"iri": str(node), "subject": str(s), "subject_label": self._labels(s)[0],
                         "relation": _local(p), "object": str(o), "object_label": self._labels(o)[0],
                         "date": _py(self.graph.value(node, SEKG.date)),
                         "confidence": float(self.graph.value(node, SEKG.confidence)),
                         "evidence": self._evidence(node)})
        return sorted(rows, key=lambda r: (r["relation"], r["subject"], r["object"]))

    def events(self) -> list[dict]:
        return self._events

    @cached_property
    def _events(self) -> list[dict]:
        rows = []
        for cls in EVENT_CLASSES:
            for node in self.graph.subjects(RDF.type, SEKG[cls]):
                g = self.graph
                participants = [{"role": role, "entity": str(e), "label": self._labels(e)[0]}
                                for role in ROLES for e in sorted(g.objects(node, SEKG[role]))]
                amount = g.value(node, SEKG.amount)
                rows.append({"iri": str(node), "class": cls, "label": _py(g.value(node, RDFS.label)),
                             "date": _py(g.value(node, SEKG.date)),
                             "amount": float(amount) if amount is not None else None,
                             "currency": _py(g.value(node, SEKG.currency)), "round": _py(g.value(node, SEKG.round)),
                             "status": _py(g.value(node, SEKG.status)),
                             "confidence": float(g.value(node, SEKG.confidence)),
                             "participants": participants, "evidence": self._evidence(node)})
        return sorted(rows, key=lambda r: (r["class"], r["date"] or "", r["iri"]))

    def entities_df(self) -> pd.DataFrame:
        df = pd.DataFrame(self.entities(), columns=["iri", "label", "label_en", "class", "alt_labels", "stock_codes", "degree"])
        for col in ("alt_labels", "stock_codes"):
            df[col] = df[col].map("; ".join)
        return df

    def facts_df(self) -> pd.DataFrame:
        rows = [{**{k: v for k, v in f.items() if k != "evidence"},
                 "evidence_count": len(f["evidence"]),
                 "documents": "; ".join(sorted({e["doc"] for e in f["evidence"]})),
                 "sentence": f["evidence"][0]["sentence"] if f["evidence"] else None,
                 "rule": "; ".join(sorted({e["rule"] for e in f["evidence"]}))} for f in self.facts()]
        return pd.DataFrame(rows, columns=["iri", "subject", "subject_label", "relation", "object", "object_label", "date",
                                           "confidence", "evidence_count", "documents", "sentence", "rule"])

    def events_df(self) -> pd.DataFrame:
        rows = [{**{k: v for k, v in e.items() if k not in ("evidence", "participants")},
                 "participants": "; ".join(f"{p['role']}={p['label']}" for p in e["participants"]),
                 "evidence_count": len(e["evidence"]),
                 "documents": "; ".join(sorted({x["doc"] for x in e["evidence"]})),
                 "sentence": e["evidence"][0]["sentence"] if e["evidence"] else None} for e in self.events()]
        return pd.DataFrame(rows, columns=["iri", "class", "label", "date", "amount", "currency", "round", "status",
                                           "confidence", "participants", "evidence_count", "documents", "sentence"])

    # ---- networkx -------------------------------------------------------------------
    def to_networkx(self) -> nx.MultiDiGraph:
        """Entities as nodes, facts as edges (key = relation), with names, class, dates,
        confidence and evidence as attributes."""
        g = nx.MultiDiGraph()
        for e in self.entities():
            g.add_node(e["iri"], label=e["label"], label_en=e["label_en"], cls=e["class"],
                       alt_labels=e["alt_labels"], stock_codes=e["stock_codes"])
        for f in self.facts():
            g.add_edge(f["subject"], f["object"], key=f["relation"], iri=f["iri"], relation=f["relation"],
                       date=f["date"], confidence=f["confidence"], evidence=f["evidence"])
        return g

    # ---- SPARQL ---------------------------------------------------------------------
    @cached_property
    def store(self):
        """A pyoxigraph store: the ontology and entities in the default graph, each source
        document's graph as a named graph; queries see their union as the default graph."""
        import pyoxigraph
        store = pyoxigraph.Store()
        default_id = self.dataset.default_graph.identifier
        for g in self.dataset.graphs():
            if not len(g):
                continue
            named = g.identifier != default_id and str(g.identifier).startswith(("http:", "https:", "urn:"))
            store.load(g.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES,
                       to_graph=pyoxigraph.NamedNode(str(g.identifier)) if named else pyoxigraph.DefaultGraph())
        return store

    def query(self, sparql: str) -> pd.DataFrame:
        """SPARQL 1.1 SELECT (or ASK) with pyoxigraph; results as a DataFrame."""
        from kg.sparql import select
        return select(self.store, sparql)

    def __len__(self) -> int:
        return len(self.graph)


def load(path: str | Path) -> KnowledgeGraph:
    """A graph written by `sekg build` (.ttl, .trig, .jsonld or .nt)."""
    path = Path(path)
    fmt = {".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld", ".nt": "nt",
           ".nq": "nquads"}.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: unknown RDF format (use .ttl, .trig, .jsonld, .nt or .nq)")
    ds = Dataset()
    # .trig / .nq / .jsonld keep one named graph per source document; `sekg.jsonld` embeds
    # its @context, so nothing is fetched.
    ds.parse(path, format=fmt)
    return KnowledgeGraph(ds)
