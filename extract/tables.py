"""The `sekg_tables` component: rows of tables as frames.

A table is a header line whose tab-separated cells name its columns (words in
``ontology/cues.toml``); the lines after it with as many cells are rows, until a line that
is not. Repeated headers ("续 表") start a new run. Policy tables (issuer, date, title) give
policy issuances; deal tables (date, company, event, amount, investors) give funding rounds,
acquisitions and listings.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extract import names
from extract.amounts import parse_money
from extract.dates import parse_date
from extract.mentions import find_mentions
from extract.model import Argument, FrameMatch, doc_text
from extract.resources import cues


def _column(cells: list[str], words: list[str]) -> int | None:
    for i, cell in enumerate(cells):
        if cell.strip() in words:
            return i
    return None


def _rows(text: str, words: dict[str, list[str]], optional: dict[str, list[str]] | None = None):
    """The rows of the tables whose header names every column in `words` (and maybe those in
    `optional`): each row's cells, their offsets in `text`, the column of each name found,
    and the row's span."""
    columns: dict[str, int] | None = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        cells = line.split("\t")
        if len(cells) < 3:
            if line.strip() and columns and not line.startswith(("续", "（续")):
                columns = None
            continue
        header = {key: _column(cells, heads) for key, heads in words.items()}
        if None not in header.values():
            found = {key: _column(cells, heads) for key, heads in (optional or {}).items()}
            columns = {**header, **{key: i for key, i in found.items() if i is not None}}
            continue
        if columns is None or len(cells) <= max(columns.values()):
            continue
        offsets = [start]
        for cell in cells[:-1]:
            offsets.append(offsets[-1] + len(cell) + 1)
        yield cells, offsets, columns, (start, start + len(line))


def table_rows(text: str) -> list[FrameMatch]:
    spec = cues()["tables"]
    index = names.lexicon_index()
    separators = "[" + re.escape(spec["issuer_separators"]) + "]"
    found: list[FrameMatch] = []
    for cells, offsets, columns, row in _rows(text, {key: spec[key] for key in ("issuer", "date", "title")}):
        issuer_cell, date_cell, title_cell = (cells[columns[key]].strip() for key in ("issuer", "date", "title"))
        if not title_cell or "\ufffd" in title_cell or "\ufffd" in issuer_cell:
            continue  # a row cut off by the scrape
        issuer_start = offsets[columns["issuer"]] + cells[columns["issuer"]].find(issuer_cell)
        issuers = []
        for m in re.finditer(rf"[^{separators[1:-1]}]+", issuer_cell):
            name = m.group().strip()
            entry = index.get(name) or index.get(names.normal_key(name))
            cls = entry["class"] if entry else names.class_of(name)
            if cls in ("X", "Company", "Product"):
                cls = "Regulator" if names.class_of(name) == "Regulator" else cls
            issuers.append(Argument(name, cls, entry["zh"] if entry else None, issuer_start + m.start(),
                                    issuer_start + m.end(), "table"))
        title_start = offsets[columns["title"]] + cells[columns["title"]].find(title_cell)
        document = Argument(title_cell, "Document", None, title_start, title_start + len(title_cell), "table")
        found.append(FrameMatch(
            frame="PolicyIssuance", rule="policy.table_row", confidence=0.95,
            roles={"issuer": issuers, "policyDocument": [document]}, sentence=row, span=row,
            date=parse_date(date_cell),
        ))
    return found


def deal_rows(text: str) -> list[FrameMatch]:
    spec = cues()["tables"]["deals"]
    found: list[FrameMatch] = []
    # the company and the event make a deal table; date, amount and investors are read when there
    for cells, offsets, columns, row in _rows(text, {key: spec[key] for key in ("company", "event")},
                                              {key: spec[key] for key in ("date", "amount", "counterparty")}):
        frame = _deal(spec, cells, offsets, columns, row)
        if frame:
            found.append(frame)
    return found


def _deal(spec: dict, cells: list[str], offsets: list[int], columns: dict[str, int], row: tuple[int, int]):
    """The frame of one deal-table row, or None when its event is none the tables know."""
    def cell(key: str) -> str:
        return cells[columns[key]].strip() if key in columns else ""

    def argument(name: str, key: str, at: int, default: str) -> Argument | None:
        name = name.strip()
        if not name or name in spec["empty"] or not names.is_name(name):
            return None
        entry = names.lexicon_index().get(name) or names.lexicon_index().get(names.normal_key(name))
        cls = entry["class"] if entry else names.class_of(name)
        start = offsets[columns[key]] + cells[columns[key]].find(name, at)
        return Argument(name, default if cls == "X" else cls, entry["zh"] if entry else None, start, start + len(name), "table")

    company = argument(cell("company"), "company", 0, "Company")
    event = cell("event")
    if company is None or any(w in event for w in _modal_words()):
        return None
    money = parse_money(cell("amount"))
    when = parse_date(cell("date")) if cell("date") else None
    roles: dict[str, list[Argument]] = {}
    acquired = re.match(r"(?:全资|控股)?(?:收购|并购)(.+)", event)
    if acquired:
        target = names.trim(re.sub(r"[0-9.]+[%％](?:的)?(?:股权|股份)?$", "", acquired.group(1)))
        target_arg = argument(target[0], "event", 0, "Company") if target else None
        if target_arg is None:
            return None
        frame, roles = "Acquisition", {"acquirer": [company], "acquiredCompany": [target_arg]}
    elif "融资" in event or "投资" in event:
        investors, lead = [], []
        at = 0
        for piece in re.split("[" + re.escape(spec["separators"]) + "]", cell("counterparty")):
            marked = spec["lead_mark"] in piece
            arg = argument(piece.replace(spec["lead_mark"], ""), "counterparty", at, "Investor")
            at += len(piece) + 1
            if arg:
                (lead if marked else investors).append(arg)
        if not lead and len(investors) == 1:
            lead, investors = investors, []
        frame, roles = "FundingRound", {"fundedCompany": [company], **({"leadInvestor": lead} if lead else {}),
                                        **({"investor": investors} if investors else {})}
    elif "上市" in event:
        exchange = next((Argument(m.name, m.cls, m.key, m.start, m.end, "table") for m in find_mentions(event)
                         if m.cls == "Exchange"), None)
        if exchange is None:
            return None
        at = offsets[columns["event"]] + cells[columns["event"]].find(event)
        exchange = Argument(exchange.name, "Exchange", exchange.key, at + exchange.start, at + exchange.end, "table")
        frame, roles = "Listing", {"listedCompany": [company], "exchange": [exchange]}
    else:
        return None
    round_ = re.search(r"种子轮|天使\+?轮|Pre-?[A-Fa-f]\+{0,2}轮|[A-Fa-f][0-9]?\+{0,2}轮|战略融资", event)
    return FrameMatch(frame=frame, rule="deals.table_row", confidence=0.9, roles=roles, sentence=row, span=row,
                      date=when, amount=money[0] if money else None, currency=money[1] if money else None,
                      round=round_.group() if round_ and frame == "FundingRound" else None)


def _modal_words() -> list[str]:
    return [w for words in cues()["modality"].values() for w in words] + ["谈判中", "洽谈中"]


@Language.factory("sekg_tables")
def make_tables(nlp: Language, name: str) -> "TableReader":
    return TableReader()


class TableReader:
    """Adds the rows of policy and deal tables to `doc._.frames`."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        doc._.frames = list(doc._.frames or []) + table_rows(text) + deal_rows(text)
        return doc
