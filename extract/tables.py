"""The `sekg_tables` component: rows of policy tables (issuer, date, title) as frames.

A table is a header line whose tab-separated cells name an issuer, a date and a title
column (words in ``ontology/cues.toml``); the lines after it with as many cells are rows,
until a line that is not. Repeated headers ("续 表") start a new run.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extract import names
from extract.dates import parse_date
from extract.model import Argument, FrameMatch, doc_text
from extract.resources import cues


def _column(cells: list[str], words: list[str]) -> int | None:
    for i, cell in enumerate(cells):
        if cell.strip() in words:
            return i
    return None


def table_rows(text: str) -> list[FrameMatch]:
    spec = cues()["tables"]
    index = names.lexicon_index()
    separators = "[" + re.escape(spec["issuer_separators"]) + "]"
    found: list[FrameMatch] = []
    columns = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        cells = line.split("\t")
        if len(cells) < 3:
            if line.strip() and columns and not line.startswith(("续", "（续")):
                columns = None
            continue
        header = (_column(cells, spec["issuer"]), _column(cells, spec["date"]), _column(cells, spec["title"]))
        if None not in header:
            columns = header
            continue
        if columns is None or len(cells) <= max(columns):
            continue
        issuer_cell, date_cell, title_cell = (cells[i].strip() for i in columns)
        if not title_cell or "\ufffd" in title_cell or "\ufffd" in issuer_cell:
            continue  # a row cut off by the scrape
        offsets = [start]
        for cell in cells[:-1]:
            offsets.append(offsets[-1] + len(cell) + 1)
        issuer_start = offsets[columns[0]] + cells[columns[0]].find(issuer_cell)
        issuers = []
        for m in re.finditer(rf"[^{separators[1:-1]}]+", issuer_cell):
            name = m.group().strip()
            entry = index.get(name) or index.get(names.normal_key(name))
            cls = entry["class"] if entry else names.class_of(name)
            if cls in ("X", "Company", "Product"):
                cls = "Regulator" if names.class_of(name) == "Regulator" else cls
            issuers.append(Argument(name, cls, entry["zh"] if entry else None, issuer_start + m.start(),
                                    issuer_start + m.end(), "table"))
        title_start = offsets[columns[2]] + cells[columns[2]].find(title_cell)
        document = Argument(title_cell, "Document", None, title_start, title_start + len(title_cell), "table")

        found.append(FrameMatch(
            frame="PolicyIssuance", rule="policy.table_row", confidence=0.95,
            roles={"issuer": issuers, "policyDocument": [document]},
            sentence=(start, start + len(line)), span=(start, start + len(line)),
            date=parse_date(date_cell),
        ))
    return found


@Language.factory("sekg_tables")
def make_tables(nlp: Language, name: str) -> "TableReader":
    return TableReader()


class TableReader:
    """Adds the rows of policy tables to `doc._.frames`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.frames = list(doc._.frames or []) + table_rows(doc_text(doc))
        return doc
