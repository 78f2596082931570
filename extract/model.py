"""What the extractor hands on: mentions, arguments and frame matches, by character offsets."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

ACTOR_CLASSES = ("Platform", "Brand", "MCN", "Regulator", "ServiceProvider", "Investor",
                 "Exchange", "Company", "Association", "Person")
ENTITY_CLASSES = ACTOR_CLASSES + ("Product", "Document", "Sector")
EVENT_CLASSES = ("Listing", "FundingRound", "Acquisition", "Partnership", "PolicyIssuance", "Penalty", "Launch")
RELATIONS = ("investedIn", "listedOn", "regulates", "partnersWith", "acquired", "issued", "penalized", "launched",
             "subsidiaryOf")
UNKNOWN = "X"  # class of a mention whose class the text has not told yet


def doc_text(doc) -> str:
    """`doc.text`, computed once per doc (spaCy joins every token on each access)."""
    text = doc.user_data.get("sekg_text")
    if text is None:
        text = doc.user_data["sekg_text"] = doc.text
    return text


def token_starts(doc) -> list[int]:
    """Character offset of every token, read in one array call."""
    from spacy.attrs import IDX
    return doc.to_array([IDX]).ravel().tolist() if len(doc) else []


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
    typed: bool = True  # False when the class is only the role's default


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
    # sentences whose rules added roles to this frame ("本轮融资由A领投" after the round)
    attached: list[tuple[tuple[int, int], str, float]] = field(default_factory=list)


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: offsets of the sentence in the decoded source document."""

    doc: str
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float
    date: str | None = None  # the date this sentence gives the fact (a fact stated twice may get two)


@dataclass
class Entity:
    key: str
    label: str  # canonical Chinese name
    cls: str
    label_en: str | None = None
    names: set[str] = field(default_factory=set)
    stock_codes: set[str] = field(default_factory=set)
    in_lexicon: bool = False

    @property
    def alt_labels(self) -> list[str]:
        return sorted(n for n in self.names if n not in (self.label, self.label_en))


@dataclass
class Event:
    cls: str
    roles: dict[str, list[str]]  # role -> entity keys
    date: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    round: str | None = None
    status: str = "completed"
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        return max(e.confidence for e in self.evidence)


@dataclass
class Fact:
    subject: str  # entity key
    predicate: str
    object: str
    date: str | None = None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        """Noisy-or of the evidence: two independent statements make a fact surer."""
        doubt = 1.0
        for e in self.evidence:
            doubt *= 1 - e.confidence
        return round(1 - doubt, 4)
