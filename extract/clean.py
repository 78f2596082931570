"""Cleaning scraped documents without losing the way back to the original text.

The cleaned text is a concatenation of slices of the original, so every character
offset in it maps back to the original (``CleanText.to_original``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from extract.dates import TIMESTAMP
from extract.resources import cue_pattern, cues

_CHUNK_MARK = re.compile(r"(\d{1,3})、")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# a prose line (it holds a clause break) that stops mid-sentence on a character of a word
_WRAPPED = re.compile(r"^(?:(?=.{24}).*[，。；].*[\u4e00-\u9fff]|(?=.{16}).*[，。；].*[A-Za-z]-)$")
# a "label：value" line (当事人名称：…, 发布时间：…): a field, never prose wrapped at a width
_LABELLED_LINE = re.compile(r"[^：:，。]{1,12}[：:]")
# a timeline entry's relative date and the space after it ("同月　与…签署…"): a line of its own
# (entries that open with digits never go on a wrapped line)
_ENTRY = re.compile(r"(?:同月|次月|当月|同年|次年|年初|年底|年末)[ \t\u3000]")
# and the line that goes on with it: words up to a clause break
_WRAPPED_ON = re.compile(r"^[\u4e00-\u9fffA-Za-z《“「«][^，。；！？]{0,40}[，。；！？]")


@dataclass
class CleanText:
    text: str
    clean_starts: list[int] = field(default_factory=list)
    orig_starts: list[int] = field(default_factory=list)

    def to_original(self, offset: int) -> int:
        i = bisect.bisect_right(self.clean_starts, offset) - 1
        if i < 0:
            return offset
        return self.orig_starts[i] + offset - self.clean_starts[i]


def clean(original: str) -> CleanText:
    """Drop junk lines, repeated lines and page-chunk markers; join chunks split mid-sentence."""
    junk = cues()["junk"]
    junk_res = [re.compile(p) for p in junk["line_patterns"]]
    strip_res = re.compile("|".join(map(re.escape, junk["strip_tokens"])))
    min_share = junk["min_cjk_share"]
    history = cue_pattern("chronicle", "heading")

    lines = _lines(original)
    chunked = _page_chunk_lines(original, lines)
    width = _wrap_width(original, lines)
    seen: set[str] = set()
    slices: list[tuple[int, int]] = []
    wrapped = False  # whether the last line kept is prose cut off mid-sentence
    prose = False  # whether a line of prose has been kept: the header is over
    for start, end in lines:
        line = original[start:end]
        body = line.strip()
        if not body:
            continue
        stamped = TIMESTAMP.search(body) is not None
        # a junk line is dropped, but not a header's byline with the date ("编辑：X　2024年11月8日")
        # nor a page path that says the page is a company's history ("首页 ＞ 关于我们 ＞ 发展历程")
        if any(r.search(body) for r in junk_res) and not (stamped and not prose) and not history.fullmatch(body):
            continue
        prose = prose or len(body) > 40
        if len(body) > 20 and len(_CJK.findall(body)) < min_share * len(body) and not stamped:
            continue  # English debris, but not a byline's date stamp ("晚点LatePost｜2025-04-15")
        if len(body) > 10 and not _record_field().match(body):  # (each record names its body again)
            if body in seen:
                continue
            seen.add(body)
        if start in chunked:
            start += chunked[start]
            if slices and slices[-1][1] == -1:
                slices.pop()  # page chunks join without a line break
        elif wrapped and _WRAPPED_ON.match(body) and not _ENTRY.match(body) and not stamped and slices and slices[-1][1] == -1:
            slices.pop()  # a prose line hard-wrapped mid-word ("泠界科" / "技上月底发布…", "Live-" / "streaming")
        # (a line that stops on an enumeration's or a clause's comma; in a text wrapped at a fixed
        # width, a full-width line that does not end a sentence)
        wrapped = not stamped and (_WRAPPED.match(body) is not None or body[-1] in "、，" or (
            width is not None and len(body) >= width - 1 and body[-1] not in "。！？；：”」）)" and _CJK.match(body[-1])
            and not _LABELLED_LINE.match(body)))
        for piece_start, piece_end in _without(original, start, end, strip_res):
            slices.append((piece_start, piece_end))
        slices.append((end, -1))  # a line break, kept from the original
    return _assemble(original, slices)


@lru_cache(maxsize=None)
def _record_field() -> re.Pattern:
    """A "label：value" line of a penalty record, which repeats from record to record."""
    spec = cues()["tables"]["penalties"]
    labels = [w for key in ("party", "body", "content", "date") for w in spec[key]]
    return re.compile("(?:%s)[：:]" % "|".join(map(re.escape, sorted(labels, key=len, reverse=True))))


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int | None:
    """The width a text was hard-wrapped at (a WeChat repost at 22 characters a line): the length
    that at least half of its longer lines share, give or take one, when at least five do."""
    lengths = [len(text[a:b].strip()) for a, b in lines
               if len(text[a:b].strip()) > 12 and not _LABELLED_LINE.match(text[a:b].strip())]
    if len(lengths) < 5:
        return None
    width = max(set(lengths), key=lambda n: sum(abs(n - m) <= 1 for m in lengths))
    near = sum(abs(width - m) <= 1 for m in lengths)
    return width if near >= 5 and near * 2 >= len(lengths) and width < 40 else None


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer("\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _page_chunk_lines(text: str, lines: list[tuple[int, int]]) -> dict[int, int]:
    """Line starts of a scraped PDF's numbered page chunks ("1、…", "2、…") -> marker length."""
    marks: dict[int, tuple[int, int]] = {}
    for start, end in lines:
        m = _CHUNK_MARK.match(text, start, end)
        if m:
            marks[start] = (int(m.group(1)), m.end() - start)
    numbers = [n for n, _ in marks.values()]
    in_sequence = sum(1 for a, b in zip(numbers, numbers[1:]) if b == a + 1)
    if in_sequence < 5:
        return {}
    return {start: length for start, (_, length) in marks.items()}


def _without(text: str, start: int, end: int, pattern: re.Pattern) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for m in pattern.finditer(text, start, end):
        pieces.append((cursor, m.start()))
        cursor = m.end()
    pieces.append((cursor, end))
    return [(a, b) for a, b in pieces if b > a]


def _assemble(original: str, slices: list[tuple[int, int]]) -> CleanText:
    out = CleanText("")
    parts: list[str] = []
    length = 0
    for start, end in slices:
        if end == -1:  # line break: keep the original newline character where there is one
            piece = "\n"
            end = start + 1
        else:
            piece = original[start:end]
        out.clean_starts.append(length)
        out.orig_starts.append(start)
        parts.append(piece)
        length += len(piece)
    out.text = "".join(parts)
    return out
