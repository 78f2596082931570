"""Writing every output of `sekg build` into a directory, atomically and deterministically.

All files are first written into a temporary directory beside the target; only when all
of them are complete do they replace the previous outputs, so an interrupted or failed
build leaves the previous outputs intact.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from exports import graphml, jsonld, tables, trig
from exports.html import render_html
from exports.view import view_data
from kg.graph import KnowledgeGraph

OUTPUTS = ("sekg.ttl", "sekg.trig", "sekg.jsonld", "sekg.html", "entities.csv", "facts.csv", "events.csv",
           "sekg.graphml")


def render_all(kg: KnowledgeGraph) -> dict[str, str]:
    texts = {
        "sekg.ttl": kg.graph.serialize(format="turtle"),
        "sekg.trig": trig.serialize(kg.dataset),
        "sekg.jsonld": jsonld.serialize(kg.dataset),
        "sekg.html": render_html(view_data(kg)),
        "sekg.graphml": graphml.graphml_text(kg),
    }
    texts.update(tables.csv_texts(kg))
    return texts


def write_all(kg: KnowledgeGraph, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    texts = render_all(kg)
    staging = Path(tempfile.mkdtemp(prefix=".sekg-build-", dir=out_dir))
    try:
        for name in OUTPUTS:
            with open(staging / name, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(texts[name])
                fh.flush()
                os.fsync(fh.fileno())
        for name in OUTPUTS:
            os.replace(staging / name, out_dir / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out_dir / name for name in OUTPUTS]
