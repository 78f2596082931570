"""SHACL validation of a built graph with pyshacl and the project's shapes."""
from __future__ import annotations

import pyshacl
from rdflib import Graph

import ontology
from kg.graph import KnowledgeGraph


def validate(kg: KnowledgeGraph) -> tuple[bool, str]:
    """(conforms, report text). The ontology supplies the class hierarchy; no inference,
    so a range error stays an error instead of being inferred away."""
    shapes = Graph().parse(ontology.SHAPES, format="turtle")
    onto = Graph().parse(ontology.ONTOLOGY, format="turtle")
    conforms, _, text = pyshacl.validate(kg.graph, shacl_graph=shapes, ont_graph=onto, inference="none")
    return bool(conforms), text.strip()
