"""The graph as RDF: one rdflib Dataset, a named graph per source document.

Default graph: the ontology, entities, events, facts (direct triple and its reification).
Graph of a document: the document node, its evidence nodes, and the `sekg:evidence`
links from facts and events to them. The union is what `sekg.ttl` holds.
"""
from __future__ import annotations

from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

import ontology
from extract.assemble import Extraction, event_id, fact_id
from extract.model import Evidence
from exports.namespaces import ID, PREFIXES, SEKG, _hash, entity_iri, source_iri

DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


def date_literal(iso: str) -> Literal:
    return Literal(iso, datatype=DATE_TYPES[len(iso)])


def decimal_literal(value: Decimal | float) -> Literal:
    """xsd:decimal in its canonical form ("860000000.0"), which Turtle writes unchanged."""
    text = format(Decimal(str(value)).normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def evidence_iri(ev: Evidence) -> URIRef:
    key = f"{ev.doc}|{ev.start}|{ev.end}|{ev.rule}|{ev.date or ''}"
    return ID[f"evidence/{_hash(key, 16)}"]


def to_dataset(x: Extraction) -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    default = ds.default_graph
    for triple in Graph().parse(ontology.ONTOLOGY, format="turtle"):
        default.add(triple)
    iris = {k: entity_iri(k, e.label_en, e.in_lexicon) for k, e in x.entities.items()}
    for key, e in x.entities.items():
        node = iris[key]
        default.add((node, RDF.type, SEKG[e.cls]))
        default.add((node, RDFS.label, Literal(e.label, lang="zh")))
        if e.label_en:
            default.add((node, RDFS.label, Literal(e.label_en, lang="en")))
        for name in e.alt_labels:
            default.add((node, SKOS.altLabel, Literal(name, lang="en" if name.isascii() else "zh")))
        for code in sorted(e.stock_codes):
            default.add((node, SEKG.stockCode, Literal(code)))
    graphs = {}
    for src in x.documents:
        node = source_iri(src.name)
        g = graphs[src.name] = ds.graph(ID[f"graph/{node.split('/')[-1]}"])
        g.add((node, RDF.type, SEKG.SourceDocument))
        g.add((node, RDFS.label, Literal(src.name)))
        g.add((node, SEKG.sha1, Literal(src.sha1)))

    def add_evidence(subject: URIRef, evidence: list[Evidence]) -> None:
        for ev in evidence:
            g = graphs[ev.doc]
            node = evidence_iri(ev)
            g.add((subject, SEKG.evidence, node))
            g.add((node, RDF.type, SEKG.Evidence))
            g.add((node, SEKG.sourceDocument, source_iri(ev.doc)))
            g.add((node, SEKG.sentence, Literal(ev.sentence)))
            g.add((node, SEKG.startOffset, Literal(ev.start, datatype=XSD.integer)))
            g.add((node, SEKG.endOffset, Literal(ev.end, datatype=XSD.integer)))
            g.add((node, SEKG.rule, Literal(ev.rule)))
            g.add((node, SEKG.confidence, decimal_literal(ev.confidence)))
            if ev.date:
                g.add((node, SEKG.date, date_literal(ev.date)))

    for fact in x.facts:
        s, p, o = iris[fact.subject], SEKG[fact.predicate], iris[fact.object]
        node = ID[f"fact/{fact_id(fact)}"]
        default.add((s, p, o))
        default.add((node, RDF.type, SEKG.Fact))
        default.add((node, RDF.subject, s))
        default.add((node, RDF.predicate, p))
        default.add((node, RDF.object, o))
        default.add((node, SEKG.confidence, decimal_literal(fact.confidence)))
        if fact.date:
            default.add((node, SEKG.date, date_literal(fact.date)))
        add_evidence(node, fact.evidence)
    for event in x.events:
        node = ID[f"event/{event_id(event)}"]
        default.add((node, RDF.type, SEKG[event.cls]))
        default.add((node, RDFS.label, Literal(event_label(event, x), lang="zh")))
        for role, keys in event.roles.items():
            for key in keys:
                default.add((node, SEKG[role], iris[key]))
        if event.date:
            default.add((node, SEKG.date, date_literal(event.date)))
        if event.amount is not None:
            default.add((node, SEKG.amount, decimal_literal(event.amount)))
            default.add((node, SEKG.currency, Literal(event.currency)))
        if event.round:
            default.add((node, SEKG.round, Literal(event.round)))
        default.add((node, SEKG.status, Literal(event.status)))
        default.add((node, SEKG.confidence, decimal_literal(event.confidence)))
        add_evidence(node, event.evidence)
    return ds


EVENT_WORDS = {"Listing": "上市", "FundingRound": "融资", "Acquisition": "收购", "Partnership": "合作",
               "PolicyIssuance": "发布", "Penalty": "处罚", "Launch": "推出"}


def event_label(event, x: Extraction) -> str:
    """A short Chinese caption: participants, the event word, date."""
    names = [x.entities[k].label for keys in event.roles.values() for k in keys][:3]
    parts = ["、".join(names), EVENT_WORDS[event.cls]]
    if event.round:
        parts.append(event.round)
    if event.date:
        parts.append(event.date)
    return " ".join(parts)


def union(ds: Dataset) -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
