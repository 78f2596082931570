"""What the extractor hands on: mentions, arguments and frame matches, by character offsets."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

ACTOR_CLASSES = ("Platform", "Brand", "MCN", "Regulator", "ServiceProvider", "Investor",
                 "Exchange", "Company", "Association", "Person")
ENTITY_CLASSES = ACTOR_CLASSES + ("Product", "Document", "Sector")
UNKNOWN = "X"  # class of a mention whose class the text has not told yet


@dataclass(frozen=True)
class Mention:
    """A name in a document: offsets into the cleaned text, the name without quotes."""

    start: int
    end: int
    name: str
    cls: str = UNKNOWN
    key: str | None = None  # canonical zh name of the lexicon entry, when it is one
    source: str = "lexicon"
    stock_code: str | None = None


@dataclass(frozen=True)
class Argument:
    """A filler of a frame role: a mention, or a name found by its shape in the slot."""

    name: str
    cls: str
    key: str | None
    start: int
    end: int
    source: str
    stock_code: str | None = None


@dataclass
class FrameMatch:
    """One rule firing on one sentence."""

    frame: str
    rule: str
    confidence: float
    roles: dict[str, list[Argument]]
    sentence: tuple[int, int]
    span: tuple[int, int]
    date: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    round: str | None = None
    status: str = "completed"
    extra: dict = field(default_factory=dict)
