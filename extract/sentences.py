"""The `sekg_sentences` component: sentence spans by Chinese end punctuation and line breaks."""
from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extract.model import doc_text, token_starts

_END = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』）)]*|\n|$)")


def split(text: str, max_len: int) -> list[tuple[int, int]]:
    """Character spans of sentences, whitespace trimmed; overlong ones cut at commas."""
    spans = []
    for m in _END.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end - start > max_len:
            cut = max(text.rfind("，", start, start + max_len), text.rfind(",", start, start + max_len))
            cut = cut + 1 if cut > start else start + max_len
            spans.append((start, cut))
            start = cut
        if end > start:
            spans.append((start, end))
    return spans


@Language.factory("sekg_sentences", default_config={"max_length": 400})
def make_sentences(nlp: Language, name: str, max_length: int) -> "SentenceSplitter":
    return SentenceSplitter(max_length)


class SentenceSplitter:
    """Sets `doc._.sentences` (character spans; repeats of an earlier sentence flagged) and
    token sentence starts, so `doc.sents` agrees with them."""

    def __init__(self, max_length: int):
        self.max_length = max_length
        for ext in ("sentences", "repeated"):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans = split(text, self.max_length)
        seen: set[str] = set()
        repeated = set()
        for i, (start, end) in enumerate(spans):
            body = text[start:end]
            if body in seen and len(body) > 8:
                repeated.add(i)
            seen.add(body)
        doc._.sentences = spans
        doc._.repeated = repeated
        if len(doc):  # one array write: setting token.is_sent_start one by one is quadratic
            idx = numpy.array(token_starts(doc))
            flags = numpy.where(numpy.isin(idx, [s for s, _ in spans]), 1, -1)
            flags[0] = 1
            doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
        return doc
