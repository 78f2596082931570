"""IRIs of the sekg vocabulary and resources."""
from __future__ import annotations

import hashlib
import re

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

SEKG = Namespace("https://w3id.org/sekg/ontology#")
ID = Namespace("https://w3id.org/sekg/id/")
SCHEMA = Namespace("https://schema.org/")

PREFIXES = {"sekg": SEKG, "id": ID, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS,
            "prov": PROV, "dcterms": DCTERMS, "schema": SCHEMA}


def _hash(text: str, n: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def entity_iri(key: str, label_en: str | None, in_lexicon: bool):
    """Readable IRIs for known actors (entity/pinduoduo), hashes for the rest."""
    kind, _, name = key.partition(":")
    if kind == "doc":
        return ID[f"document/{_hash(name)}"]
    if kind == "sector":
        return ID[f"sector/{slug(label_en or name) or _hash(name)}"]
    if in_lexicon and label_en and slug(label_en):
        return ID[f"entity/{slug(label_en)}"]
    return ID[f"entity/e{_hash(name)}"]


def source_iri(name: str):
    """A document's IRI: its ASCII file stem as a slug, else a hash of its name."""
    stem = name.rsplit(".", 1)[0]
    readable = stem.isascii() and slug(stem)
    return ID[f"source/{readable or _hash(name)}"]
