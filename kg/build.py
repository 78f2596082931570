"""Building the knowledge graph from documents."""
from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqdm import tqdm

from extract.assemble import Extraction, assemble
from extract.document import DocumentExtraction, extract
from exports.rdf import to_dataset
from kg.graph import KnowledgeGraph
from kg.sources import Source, SourceError, collect, read

BUNDLED_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def bundled_documents() -> list[Path]:
    """The bundled corpus: its documents, not its README."""
    return sorted(BUNDLED_CORPUS.glob("*.txt"))


@dataclass
class BuildResult:
    graph: KnowledgeGraph
    extraction: Extraction
    errors: list[SourceError] = field(default_factory=list)


def build_result(paths: list[str | Path] | None = None, progress: bool = False,
                 exclude: Path | None = None) -> BuildResult:
    """Read, extract and assemble; unreadable documents are reported, the others built."""
    files, errors = collect([Path(p) for p in paths] if paths else bundled_documents(), exclude)
    sources: list[Source] = []
    for path in files:
        try:
            sources.append(read(path))
        except SourceError as exc:
            errors.append(exc)
    sources = _unique_names(sources)
    docs: list[DocumentExtraction] = []
    bar = tqdm(sources, desc="extracting", unit="doc", disable=not progress, file=sys.stderr)
    for source in bar:
        bar.set_postfix_str(source.name[:30])
        try:
            docs.append(extract(source))
        except Exception as exc:  # one bad document must not cost the others their results
            errors.append(SourceError(source.path, f"extraction failed: {exc.__class__.__name__}: {exc}"))
    extraction = assemble(docs)
    return BuildResult(KnowledgeGraph(to_dataset(extraction)), extraction, errors)


def _unique_names(sources: list[Source]) -> list[Source]:
    """Documents are known by file name; where two share one, by their path below the
    folder the documents have in common."""
    counts = Counter(s.name for s in sources)
    if all(n == 1 for n in counts.values()):
        return sources
    root = Path(os.path.commonpath([str(s.path.resolve().parent) for s in sources]))
    return [replace(s, name=s.path.resolve().relative_to(root).as_posix()) if counts[s.name] > 1 else s
            for s in sources]


def build(paths: list[str | Path] | None = None) -> KnowledgeGraph:
    """The knowledge graph of the documents under `paths` (files or folders; default: the
    bundled corpus)."""
    return build_result(paths).graph
