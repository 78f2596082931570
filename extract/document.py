"""One source document through the pipeline: cleaned text, mentions and frame matches."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.clean import CleanText, clean
from extract.model import FrameMatch, Mention
from extract.pipeline import make_nlp

if TYPE_CHECKING:  # kg imports extract; extract only needs the type
    from kg.sources import Source


@dataclass
class DocumentExtraction:
    source: Source
    clean: CleanText
    mentions: list[Mention]
    frames: list[FrameMatch]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the cleaned text -> offsets in the decoded source."""
        return self.clean.to_original(start), self.clean.to_original(max(start, end - 1)) + 1


def extract(source: Source) -> DocumentExtraction:
    cleaned = clean(source.text)
    doc = make_nlp()(cleaned.text)
    return DocumentExtraction(source, cleaned, doc._.mentions, doc._.frames)
