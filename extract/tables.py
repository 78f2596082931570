"""The `sekg_tables` component: rows of tables as frames.

A table is a header line whose tab-separated cells name its columns (words in
``ontology/cues.toml``); the lines after it with as many cells are rows, until a line that
is not. Repeated headers ("续 表") start a new run. Policy tables (issuer, date, title) give
policy issuances; deal tables (date, company, event, amount, investors) give funding rounds,
acquisitions and listings; penalty tables and blocks of "label：value" lines (当事人名称：…
处罚机关：…) give penalties.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extract import names
from extract.amounts import all_money, parse_money
from extract.dates import DateContext, parse_date
from extract.mentions import find_mentions
from extract.model import Argument, FrameMatch, doc_text
from extract.resources import cue_pattern, cues


def _known(name: str) -> tuple[str, str | None]:
    """A cell's name: its class and lexicon key when the lexicon knows it, else the class its form tells."""
    entry = names.lexicon_index().get(name) or names.lexicon_index().get(names.normal_key(name))
    return (entry["class"], entry["zh"]) if entry else (names.class_of(name), None)


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


# (the first field of a numbered record may follow its number: "1．决定书文号：…")
_FIELD = re.compile(r"[ \t\u3000]*(?:\d{1,3}[．.、]|[（(]\d{1,3}[）)])?[ \t\u3000]*(?P<label>[\u4e00-\u9fff（）()、]{2,24})[：:][ \t\u3000]*(?P<value>.*?)[ \t\u3000]*[。；;]?$")
# a record on one line: "公司：芽仓｜轮次：A轮｜金额：2,000万美元", or a numbered one split by ；
# ("1．决定书文号：…；当事人：X；处罚机关：Y"; unnumbered, "违法事实：…；处罚依据：…" is one field)
_INLINE = re.compile(r"[｜|]")
_NUMBERED = re.compile(r"[ \t\u3000]*(?:\d{1,3}[．.、]|[（(]\d{1,3}[）)])")


def _fields(line: str, start: int) -> list[tuple[str, str, int]]:
    """The "label：value" fields of a line (one, or several split by ｜, or by ； after a record's
    number), with the offset of each value."""
    fields, at = [], start
    for piece in (re.split(r"[｜|；;]", line) if _NUMBERED.match(line) else _INLINE.split(line)):
        field = _FIELD.fullmatch(piece)
        if field is None:  # one field whose value holds a ｜ ("投资方：红杉|高瓴"), or none
            whole = _FIELD.fullmatch(line)
            return [(whole.group("label"), whole.group("value"), start + whole.start("value"))] if whole else []
        fields.append((field.group("label"), field.group("value"), at + field.start("value")))
        at += len(piece) + 1
    return fields


def _records(text: str, words: dict[str, list[str]], optional: dict[str, list[str]]):
    """The blocks of "label：value" lines that hold a label of each key in `words` (and maybe
    of those in `optional`), shaped as the rows of `_rows`. A block ends at a line of another
    kind, or where its first key's label comes again (the next record); a line of fields
    split by ｜ is a record of its own."""
    first = words[next(iter(words))]
    block: list[tuple[str, str, int]] = []  # label, value, offset of the value
    span = (0, 0)

    def record():
        columns = {}
        for key, labels in {**words, **optional}.items():
            index = next((i for i, (label, _, _) in enumerate(block) if label in labels), None)
            if index is not None:
                columns[key] = index
        if all(key in columns for key in words):
            yield [value for _, value, _ in block], [at for _, _, at in block], columns, span

    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        fields = _fields(line, start)
        if len(fields) == 1 and not (block and fields[0][0] in first):
            if not block:
                span = (start, start)
            block.append(fields[0])
            span = (span[0], start + len(line))
            continue
        yield from record()
        block, span = fields, (start, start + len(line))
        if len(fields) > 1:
            yield from record()
            block = []
    yield from record()


def penalty_rows(text: str) -> list[FrameMatch]:
    """Penalties (and supervisions) of penalty tables and of "label：value" penalty records."""
    spec = cues()["tables"]["penalties"]
    required = {key: spec[key] for key in ("party", "body")}
    optional = {key: spec[key] for key in ("content", "date", "status")}
    found: list[FrameMatch] = []
    for rows in (_rows(text, {**required, "content": spec["content"]}, {"date": spec["date"]}),
                 _records(text, required, optional)):
        for cells, offsets, columns, row in rows:
            found.extend(_penalty(spec, cells, offsets, columns, row))
    return found


def _penalty(spec: dict, cells: list[str], offsets: list[int], columns: dict[str, int], row: tuple[int, int]):
    def arguments(key: str) -> list[Argument]:
        cell, out = cells[columns[key]], []
        for m in re.finditer("[^" + re.escape(spec["separators"]) + "]+", cell):
            name = m.group().strip()
            if not names.is_name(name) or names.withheld(name, 0, len(name)):
                continue  # "绍兴某文化传媒有限公司": withheld
            cls, known = _known(name)
            start = offsets[columns[key]] + m.start() + m.group().find(name)
            out.append(Argument(name, "Company" if cls == "X" else cls, known, start, start + len(name), "table"))
        return out

    if any(re.search(spec["revoked"], cells[columns[key]]) for key in ("content", "status") if key in columns):
        return []  # "公示状态：该处罚决定已被…撤销": a record of a decision that no longer stands
    decision = cells[columns["content"]].strip() if "content" in columns else ""
    bodies = [a for a in arguments("body") if a.cls == "Regulator"]
    parties = [a for a in arguments("party") if a.cls != "Regulator"]
    if not bodies or not parties or any(w in decision for w in _modal_words() + spec["not_imposed"]):
        imposed = False
    else:
        imposed = re.search(spec["penalty"], decision) is not None
    if not bodies or not parties or not (imposed or re.search(spec["supervision"], decision)):
        return []
    when = parse_date(re.sub(r"[（(].*$", "", cells[columns["date"]])) if "date" in columns else None
    if not imposed:
        return [FrameMatch(frame="Supervision", rule="penalties.record", confidence=0.85,
                           roles={"regulator": bodies, "regulated": parties}, sentence=row, span=row, date=when)]
    # the fines, as against what is confiscated: "没收违法所得…，罚款人民币200,000.00元"; "分别罚款30万元、10万元"
    fines = [money for clause in re.split("[，。；;]", decision) if re.search(spec["fine"], clause)
             for money in all_money(clause)]
    out = []
    for i, party in enumerate(parties):
        money = fines[i] if len(fines) == len(parties) else fines[0] if len(fines) == 1 and len(parties) == 1 else None
        out.append(FrameMatch(frame="Penalty", rule="penalties.record", confidence=0.9,
                              roles={"penalizingBody": bodies, "penalizedParty": [party]}, sentence=row, span=row,
                              date=when, amount=money[0] if money else None, currency=money[1] if money else None))
    return out


def table_rows(text: str) -> list[FrameMatch]:
    spec = cues()["tables"]
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
            cls, known = _known(name)
            if cls in ("X", "Company", "Product"):
                cls = "Regulator" if names.class_of(name) == "Regulator" else cls
            issuers.append(Argument(name, cls, known, issuer_start + m.start(), issuer_start + m.end(), "table"))
        title_start = offsets[columns["title"]] + cells[columns["title"]].find(title_cell)
        document = Argument(title_cell, "Document", None, title_start, title_start + len(title_cell), "table")
        found.append(FrameMatch(
            frame="PolicyIssuance", rule="policy.table_row", confidence=0.95,
            roles={"issuer": issuers, "policyDocument": [document]}, sentence=row, span=row,
            date=parse_date(date_cell),
        ))
    return found


def deal_rows(text: str, dates: DateContext) -> list[FrameMatch]:
    spec = cues()["tables"]["deals"]
    found: list[FrameMatch] = []
    # the company and the event make a deal table or record; date, amount and investors are read when there
    required = {key: spec[key] for key in ("company", "event")}
    optional = {key: spec[key] for key in ("date", "amount", "counterparty")}
    for rows in (_rows(text, required, optional), _records(text, required, optional)):
        for cells, offsets, columns, row in rows:
            frame = _deal(spec, cells, offsets, columns, row, dates)
            if frame:
                found.append(frame)
    return found


def _deal(spec: dict, cells: list[str], offsets: list[int], columns: dict[str, int], row: tuple[int, int],
          dates: DateContext):
    """The frame of one deal-table row, or None when its event is none the tables know."""
    def cell(key: str) -> str:
        return cells[columns[key]].strip() if key in columns else ""

    def argument(name: str, key: str, at: int, default: str) -> Argument | None:
        name = name.strip()
        if not name or name in spec["empty"] or not names.is_name(name):
            return None
        cls, known = _known(name)
        start = offsets[columns[key]] + cells[columns[key]].find(name, at)
        return Argument(name, default if cls == "X" else cls, known, start, start + len(name), "table")

    company = argument(cell("company"), "company", 0, "Company")
    event = cell("event")
    if company is None or any(w in event for w in _modal_words()):
        return None
    money = parse_money(cell("amount"))
    # (a date without its year, "10月15日", is read in the document's own time)
    raw = cells[columns["date"]] if "date" in columns else ""
    when = (parse_date(cell("date")) or dates.iso_at(offsets[columns["date"]] + len(raw) - len(raw.lstrip()))) \
        if cell("date") else None
    roles: dict[str, list[Argument]] = {}
    acquired = re.match(r"(?:全资|控股)?(?:收购|并购)(.+)", event)
    if acquired:
        target = names.trim(re.sub(r"[0-9.]+[%％](?:的)?(?:股权|股份)?$", "", acquired.group(1)))
        target_arg = argument(target[0], "event", 0, "Company") if target else None
        if target_arg is None:
            return None
        frame, roles = "Acquisition", {"acquirer": [company], "acquiredCompany": [target_arg]}
    elif "融资" in event or "投资" in event or _ROUND.fullmatch(event):
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
    round_ = _ROUND.search(event)
    return FrameMatch(frame=frame, rule="deals.table_row", confidence=0.9, roles=roles, sentence=row, span=row,
                      date=when, amount=money[0] if money else None, currency=money[1] if money else None,
                      round=round_.group() if round_ and frame == "FundingRound" else None)


_ROUND = cue_pattern("rounds", "pattern")


def _modal_words() -> list[str]:
    return [w for words in cues()["modality"].values() for w in words] + ["谈判中", "洽谈中"]


@Language.factory("sekg_tables")
def make_tables(nlp: Language, name: str) -> "TableReader":
    return TableReader()


class TableReader:
    """Adds the rows of policy and deal tables to `doc._.frames`."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        # (the dates the frames component read, in the document's own time)
        dates = doc._.dates or DateContext(text)
        doc._.frames = list(doc._.frames or []) + table_rows(text) + deal_rows(text, dates) + penalty_rows(text)
        return doc
