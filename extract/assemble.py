"""From frame matches of many documents to one set of entities, events and facts.

Entity resolution: a name resolves to its lexicon entry (by any of its names, or by its
normal key: 北京快手科技有限公司 -> 快手), else to the new actor of the same normal key.
Statements of one event (same class and primary participant, compatible date, amount
and round) merge into one event with several pieces of evidence; so do facts.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from extract import names
from extract.document import DocumentExtraction
from extract.frames import ALLOWED, is_headline
from extract.model import UNKNOWN, Argument, Entity, Event, Evidence, Fact, Mention
from extract.resources import cue_pattern, cues, rules

# what a relation demands of its ends (the SPEC table); others take any actor
RANGE = {"listedOn": {"Exchange"}, "issued": {"Document"}, "launched": {"Product", "Brand"}}
DOMAIN = {"penalized": {"Regulator"}, "regulates": {"Regulator"}}
NOT_ACTOR = {"Document", "Sector"}
# relations whose object must be an actor: a product owns, takes and is given no capital
ACTOR_OBJECT = {"investedIn", "acquired", "subsidiaryOf"}


@dataclass
class Extraction:
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    documents: list = field(default_factory=list)  # Source objects


@lru_cache(maxsize=None)
def _sectors() -> list[dict]:
    return cues()["sector"]


def _regulatory(title: str) -> bool:
    return any(w in title + "》" for w in cues()["documents"]["regulatory_words"])


def _policy_title(title: str) -> bool:
    heads = cues()["documents"]["policy_heads"]
    core = re.sub(r"[（(][^（）()]*[）)]\s*$", "", title).strip()
    return core.endswith(tuple(heads))


# a line's bracketed headline, up to a name in it ("【瀚艉海洋今日登陆科创板】宁波瀚艉海洋科技股份有限公司…")
_LEAD_BRACKET = re.compile(r"[ \t\u3000]*【[^】\n]*$")


class Resolver:
    """Names -> entity keys, collecting every surface name and class vote."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._aliases: dict[str, tuple[str, str]] = {}  # declared short name's key -> (full name's key, full name)
        self._declared: dict[str, set[str]] = defaultdict(set)  # full name's key -> short names declared for it
        self._votes: dict[str, Counter] = defaultdict(Counter)
        self._surface: dict[str, Counter] = defaultdict(Counter)

    def key(self, arg: Argument) -> str:
        """The entity key `arg` resolves to, without recording it."""
        if arg.cls == "Document":
            return "doc:" + re.sub(r"\s+", "", arg.name)
        entry = self._entry(arg)
        return "lex:" + entry["zh"] if entry else "new:" + self._declared_as(arg)[0]

    def _declared_as(self, arg: Argument) -> tuple[str, str | None]:
        """The key of the full name `arg` was declared short for, and that name; else its own key."""
        own = names.normal_key(arg.name)
        return self._aliases.get(own, (own, None))

    @staticmethod
    def _entry(arg: Argument) -> dict | None:
        index = names.lexicon_index()
        return (index.get(arg.key) if arg.key else None) or index.get(arg.name) or index.get(names.normal_key(arg.name))

    def resolve(self, arg: Argument) -> str:
        key = self.key(arg)
        if arg.cls == "Document":
            self._add(key, arg.name, "Document", None)
            return key
        if key.startswith("lex:"):
            entry = self._entry(arg)
            self._add(key, arg.name, entry["class"], entry)
        else:
            full_key, full_name = self._declared_as(arg)
            self._add(key, arg.name, arg.cls, None, 2 if arg.typed else 1)
            if full_name:
                self.entities[key].names.add(full_name)
            self.entities[key].names.update(self._declared.get(full_key, ()))
        if arg.stock_code:
            self.entities[key].stock_codes.add(arg.stock_code)
        return key

    def resolve_apart(self, arg: Argument) -> str:
        """The entity of exactly this surface name, not of the names it shares a key with."""
        key = "new:=" + re.sub(r"\s+", "", arg.name)
        self._add(key, arg.name, arg.cls, None)
        return key

    def learn_aliases(self, text: str, mentions: list[Mention]) -> None:
        """Names declared as another name of the actor just named: "X（下称“Y”）", "X（Y）"."""
        declaration = cue_pattern("names", "alias_declaration")
        index = names.lexicon_index()
        for m in mentions:
            found = declaration.match(text, m.end) if m.cls != "Document" else None
            if not found or not names.is_name(short := found.group("short").strip()):
                continue
            long_key, short_key = names.normal_key(m.name), names.normal_key(short)
            if short_key != long_key and short_key not in index and m.name not in index:
                self._aliases.setdefault(short_key, (long_key, m.name))
                self._declared[long_key].add(short)
        for short, full in names.definitions(text):  # a definitions section (释义)
            long_key, short_key = names.normal_key(full), names.normal_key(short)
            if short_key != long_key and short_key not in index:
                self._aliases.setdefault(short_key, (long_key, full))
                self._declared[long_key].add(short)
        # a short name, after a legal name or in a heading above it, that is the legal name less its
        # trade words ("冰川冷链" for "宁波冰川冷链物流有限公司") refers to that company (in prose before
        # it, "丙示是杭州丙示日化有限公司旗下品牌", the two stay apart)
        legal: dict[str, tuple[str, int]] = {}
        for m in mentions:
            if m.source == "org" and names.has_legal_suffix(m.name):
                legal.setdefault(names.normal_key(m.name), (m.name, m.end))
        for m in mentions:
            key = names.normal_key(m.name)
            if key in index or m.name in index or key in legal or key != m.name:
                continue  # known names, legal names and names with a suffix of their own stand alone
            line_end = text.find("\n", m.start)  # (a heading: "5. 渡埠供应链完成收购", "【X今日登陆科创板】…")
            heading = is_headline(text, m.start, len(text) if line_end < 0 else line_end) \
                or _LEAD_BRACKET.match(text, text.rfind("\n", 0, m.start) + 1, m.start) is not None
            for long_key, (long_name, end) in legal.items():
                if (end <= m.start or heading) and long_key.startswith(key) and len(key) >= 2 \
                        and names.is_kind(long_key[len(key):]):
                    self._aliases.setdefault(key, (long_key, long_name))
                    break

    def sector(self, sector: dict, surface: str) -> str:
        key = "sector:" + sector["zh"]
        # every word the sector goes by is one of its names (直播电商 = 网络直播营销)
        self._add(key, surface, "Sector", {"zh": sector["zh"], "en": sector["en"], "class": "Sector",
                                           "aliases": sector["match"]})
        return key

    def _add(self, key: str, surface: str, cls: str, entry: dict | None, weight: int = 2) -> None:
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = Entity(key, entry["zh"] if entry else surface, entry["class"] if entry else cls,
                                                 entry.get("en") if entry else None, in_lexicon=entry is not None)
        entity.names.add(surface)
        if entry:
            entity.names.update(a for a in entry.get("aliases", []) if not a.isascii())
        else:
            self._surface[key][surface] += 1
            if cls != UNKNOWN:  # the text's own word for the class outweighs a role's default
                self._votes[key][cls] += weight

    def finish(self) -> dict[str, Entity]:
        for key, entity in self.entities.items():
            if entity.in_lexicon or key.startswith(("doc:", "sector:")):
                continue
            surfaces = self._surface[key]
            # (a role a text declares as a name, 发行人, is never the label)
            role = cues()["names"]["role_words"]
            named = [s for s in surfaces if s not in role] or [n for n in entity.names if n not in role] or list(surfaces)
            entity.label = max(named, key=lambda s: (surfaces.get(s, 0), -len(s), s))
            votes = self._votes[key]
            entity.cls = max(votes, key=lambda c: (votes[c], c)) if votes else "Company"
            if re.fullmatch(r"[A-Za-z0-9 .&'-]+", entity.label):
                entity.label_en = entity.label
        return self.entities


def assemble(docs: list[DocumentExtraction]) -> Extraction:
    frames_spec = rules()["frames"]
    resolver = Resolver()
    raw_events: list[Event] = []
    raw_facts: list[Fact] = []
    for doc in docs:
        resolver.learn_aliases(doc.clean.text, doc.mentions)
    for doc in docs:
        for frame in doc.frames:
            start, end = doc.original_span(*frame.sentence)
            evidence = Evidence(doc.source.name, doc.source.text[start:end], start, end, frame.rule, frame.confidence,
                                frame.date)
            more = []
            for sentence, rule, confidence in frame.attached:
                if sentence != frame.sentence:  # a role added from another sentence is evidenced there too
                    a, b = doc.original_span(*sentence)
                    more.append(Evidence(doc.source.name, doc.source.text[a:b], a, b, rule, confidence, frame.date))
            if frame.frame == "Launch" and "launcher" not in frame.roles:
                maker = _maker(frame.roles["launchedProduct"][0])
                if maker is None:
                    continue
                frame.roles["launcher"] = [maker]
            if frame.frame == "Ownership":
                # "汐品科技…全资子公司杭州汐品网络科技有限公司": the text keeps apart what names alone would merge
                # (each such child, not the others named with it)
                parents = {resolver.key(a) for a in frame.roles["parent"]}
                parent_names = {a.name for a in frame.roles["parent"]}
                roles = {"parent": _unique(resolver.resolve(a) for a in frame.roles["parent"]),
                         "child": _unique(resolver.resolve_apart(a) if resolver.key(a) in parents and a.name not in parent_names
                                          else resolver.resolve(a) for a in frame.roles["child"])}
            else:
                roles = {role: _unique(resolver.resolve(a) for a in args) for role, args in frame.roles.items()}
            spec = frames_spec[frame.frame]
            event_roles: dict[str, list[str]] = {}
            for role, keys in roles.items():  # rule-only roles (copartner) are ontology roles (partner)
                name = spec.get("aliases", {}).get(role, role)
                event_roles[name] = _unique(event_roles.get(name, []) + keys)
            if frame.frame == "Partnership" and len(event_roles.get("partner", [])) < 2:
                continue
            event_cls = frame.frame
            if frame.frame == "PolicyIssuance":
                title = frame.roles["policyDocument"][0].name
                if not _policy_title(title):
                    event_cls = None  # a report: issued, but no policy event
                elif _regulatory(title):
                    for sector in _sectors():
                        word = next((w for w in sector["match"] if w in title), None)
                        if word:
                            sector_key = resolver.sector(sector, word)
                            for issuer in roles.get("issuer", []):
                                raw_facts.append(Fact(issuer, "regulates", sector_key, frame.date,
                                                      [dataclasses.replace(evidence, rule=f"{frame.rule}+sector")]))
                            break
            if spec["event"] and event_cls:
                primary = spec.get("primary")
                each = event_roles.get(primary, []) if spec.get("split") else []
                for roles_of_one in ([{**event_roles, primary: [k]} for k in each] if len(each) > 1 else [event_roles]):
                    raw_events.append(Event(event_cls, roles_of_one, frame.date, frame.amount, frame.currency,
                                            frame.round, frame.status, [evidence, *more]))
            if frame.status != "completed":
                continue
            for predicate, subject_role, object_role in spec["relations"]:
                for s in roles.get(subject_role, []):
                    for o in roles.get(object_role, []):
                        if s != o:
                            raw_facts.append(Fact(s, predicate, o, frame.date, [evidence, *more]))
    entities = resolver.finish()
    facts = _merge_facts([f for f in raw_facts if _fits(f, entities)])
    events = _merge_events([e for e in (_apart_from_primary(e, frames_spec[e.cls]) for e in raw_events)
                            if e is not None and _roles_fit(e, entities, frames_spec[e.cls])])
    used = {k for f in facts for k in (f.subject, f.object)} | {k for e in events for ks in e.roles.values() for k in ks}
    extraction = Extraction({k: v for k, v in entities.items() if k in used}, events, facts, [d.source for d in docs])
    return extraction


def _maker(product: Argument) -> Argument | None:
    """The known actor a product is named after (京东拼购 -> 京东, 苏宁拼购App -> 苏宁)."""
    index = names.lexicon_index()
    for k in range(len(product.name) - 1, 1, -1):
        entry = index.get(product.name[:k])
        if entry and entry["class"] != "Product":
            return Argument(product.name[:k], entry["class"], entry["zh"], product.start, product.start + k, "lexicon")
    return None


def _unique(keys) -> list[str]:
    return list(dict.fromkeys(keys))


def _fits(fact: Fact, entities: dict[str, Entity]) -> bool:
    s, o = entities[fact.subject].cls, entities[fact.object].cls
    if fact.predicate in RANGE and o not in RANGE[fact.predicate]:
        return False
    if fact.predicate in DOMAIN and s not in DOMAIN[fact.predicate]:
        return False
    if fact.predicate != "regulates" and o in NOT_ACTOR and fact.predicate != "issued":
        return False
    if fact.predicate in ACTOR_OBJECT and o == "Product":
        return False
    return s not in NOT_ACTOR


# what each role type admits once classes are settled (a new name's class is never unknown)
ROLE_CLASSES = {kind: set(classes) - {UNKNOWN} for kind, classes in ALLOWED.items()}


def _apart_from_primary(event: Event, spec: dict) -> Event | None:
    """The event without what it is about in its other roles (a company is not its own investor:
    "由Y领投，公司及Z跟投" where 公司 was misread), or None when a role is left empty ("邻箩收购邻箩")."""
    primary = spec.get("primary")
    own = set(event.roles.get(primary, ()))
    roles = {role: keys if role == primary else [k for k in keys if k not in own] for role, keys in event.roles.items()}
    roles = {role: keys for role, keys in roles.items() if keys}
    if len(roles) < min(2, len(event.roles)):
        return None
    return dataclasses.replace(event, roles=roles) if roles != event.roles else event


def _roles_fit(event: Event, entities: dict[str, Entity], spec: dict) -> bool:
    """An event stays only if each participant has a class its role admits."""
    for role, keys in event.roles.items():
        wanted = spec["roles"].get(role, "Actor")
        for key in keys:
            cls = entities[key].cls
            if cls not in ROLE_CLASSES[wanted]:
                return False
    return True


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _finer(a: str | None, b: str | None) -> str | None:
    return max((x for x in (a, b) if x), key=len, default=None)


def _merge_facts(facts: list[Fact]) -> list[Fact]:
    merged: dict[tuple, Fact] = {}
    for fact in facts:
        s, o = fact.subject, fact.object
        if fact.predicate == "partnersWith" and o < s:
            s, o = o, s  # symmetric: one fact per pair
        key = (s, fact.predicate, o)
        if key not in merged:
            merged[key] = Fact(s, fact.predicate, o, fact.date, [])
        target = merged[key]
        target.date = _finer(target.date, fact.date) if _compatible(target.date, fact.date) else min(target.date, fact.date)
        for ev in fact.evidence:
            if ev not in target.evidence:
                target.evidence.append(ev)
    return sorted(merged.values(), key=lambda f: (f.predicate, f.subject, f.object))


def _merge_events(events: list[Event]) -> list[Event]:
    primary = {name: spec.get("primary") for name, spec in rules()["frames"].items()}
    out: list[Event] = []
    for event in events:
        ident = tuple(sorted(event.roles.get(primary[event.cls], [])))
        for other in out:
            if (other.cls == event.cls and tuple(sorted(other.roles.get(primary[other.cls], []))) == ident
                    and other.status == event.status and _compatible(other.date, event.date)
                    and (other.amount is None or event.amount is None or other.amount == event.amount)
                    and (other.round is None or event.round is None or other.round == event.round)):
                other.date = _finer(other.date, event.date)
                other.amount = other.amount if other.amount is not None else event.amount
                other.currency = other.currency or event.currency
                other.round = other.round or event.round
                for role, keys in event.roles.items():
                    other.roles[role] = _unique(other.roles.get(role, []) + keys)
                other.evidence.extend(e for e in event.evidence if e not in other.evidence)
                break
        else:
            out.append(event)
    return sorted(out, key=lambda e: (e.cls, event_id(e)))


def event_id(event: Event) -> str:
    primary = rules()["frames"][event.cls].get("primary")
    ident = "|".join([event.cls, *sorted(event.roles.get(primary, [])), event.date or "", str(event.amount or ""),
                      event.round or "", event.status])
    return hashlib.sha1(ident.encode()).hexdigest()[:16]


def fact_id(fact: Fact) -> str:
    return hashlib.sha1(f"{fact.subject}|{fact.predicate}|{fact.object}".encode()).hexdigest()[:16]
