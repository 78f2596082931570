"""The `sekg_frames` component: trigger rules with argument slots fill event frames.

Each sentence is masked (every mention becomes ⟦n|Class⟧) and the rules of
``ontology/rules.toml`` run over it. One mechanism for every relation: a rule names a
frame and a pattern whose slots are the frame's roles.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extract import names
from extract.amounts import all_money, parse_money
from extract.dates import DateContext, day_of
from extract.mentions import STOCK_CODE, body_places, chronicle_subject, first_line, local_bodies, short_body
from extract.model import ACTOR_CLASSES, UNKNOWN, Argument, FrameMatch, Mention, doc_text
from extract.resources import cue_pattern, cues, rules

_SLOT = re.compile(r"\{([a-zA-Z]+)(\+?)\}")
_MASK = re.compile(r"⟦(\d+)\|(\w+)⟧")
_FREE = (r"(?<![0-9A-Za-z.])(?![万亿元轮年月日])(?:[^⟦⟧\s，。；！？,;!?：:、（）()《》“”\"「」«»【】%％的了在是和与及等将已于对被由把从向并或其该也以为]"
         r"|(?<=[A-Za-z]) (?=[A-Z])){2,24}")  # Latin names keep their spaces: "BlueHill Ventures"
# (not a comma: "收购X，并与Y合作", "旗下的平台，Y则…" are no lists)
_LIST_SEP = r"(?:、|和|及|以及|与|、以及| |　)"  # names spaced apart: a notice's issuers
# a name found by shape at the start of a pattern begins after punctuation, a mention or a
# function word, never inside a run of characters ("阅文收购新丽" holds no name "购新丽")
_BOUNDARY = r"(?<![^\s，。；！？,;!?：:、（）()《》“”\"「」«»【】⟧的了在是和与及等将已于对被由把从向并或其该也为])"
_LIST_END = r"(?:等?(?:[0-9一二两三四五六七八九十多]+家)[\u4e00-\u9fff]{0,6}?(?:机构|公司|企业|平台|投资方|品牌)|等(?:机构|公司|企业|平台|投资方|品牌)?)?"
ALLOWED = {
    "Actor": ACTOR_CLASSES + ("Product", UNKNOWN),
    "Party": ACTOR_CLASSES + ("Product",),  # an actor whose class is known, or a business line (美团优选)
    "Governed": tuple(c for c in ACTOR_CLASSES if c != "Regulator") + ("Product",),  # a Party, but no body
    "Organisation": tuple(c for c in ACTOR_CLASSES if c != "Person") + ("Product", UNKNOWN),  # no person partners or launches
    "Business": tuple(c for c in ACTOR_CLASSES if c not in ("Regulator", "Exchange", "Person")) + (UNKNOWN,),
    "Owned": tuple(c for c in ACTOR_CLASSES if c not in ("Regulator", "Exchange", "Person")) + ("Product", UNKNOWN),
    "Exchange": ("Exchange",),
    "Regulator": ("Regulator",),
    "Document": ("Document",),
    "Product": ("Product", "Brand", UNKNOWN),
}
_ROUND = cue_pattern("rounds", "pattern")
_CLAUSE = re.compile(r"[，。；！？;!?\n]|,(?![0-9]{3})")  # ("3,000万美元" is one number)
# from a date to a name: the clause that describes the name ("2021年领投A轮的医疗器械公司")
_ATTRIBUTIVE = re.compile(r"[^，。；！？,;\n]{0,20}的[^，。；！？,;\n的]{0,12}")
_DONE = re.compile(r"(?:在[^，。；]{1,24}?)?(?:正式)?(?:完成|交割|落地|上线|生效|获批|办理完毕|过户|办理完成|作出)")
# what stands between an owner and its product: a short description and an opening quote
_DESCRIBED = r"[^，。；！？⟦⟧“”]{0,%d}[“「«]?"
_OWNED = re.compile(r"旗下(?:的)?" + _DESCRIBED % 10)
_POSSESSED = re.compile(_DESCRIBED % 8)  # its own, told by 其 ("X宣布，其小程序“Y”正式上线")


_DAY_OF = day_of("作出|决定|落款|成文|印发|发布|签署|完成|交割|上市|成立")
# after a date right after a document: the day it was made public ("《规定》18日对外公布")
_TOLD = re.compile(r"(?:正式|对外|向社会)?(?:公布|印发|发布)")
_LICENCE = re.compile(r"(?:取得|领取)[^，。；！？]{0,30}?换发[^，。；！？]{0,6}?营业执照")  # (a renewed one: a change registered)
_UNTOLD = re.compile(r"[为均]?(?:未|暂未|尚未|暂不|不详|不予)")
# after an amount word: what is confiscated, no amount of the act ("作出行政处罚：没收违法所得2.6万元，并处罚款8万元")
_CONFISCATED = re.compile(r"(?:决定)?[：:，,]?\s*没收")
_INVESTED_IN = re.compile(r"(?:投资|领投|跟投|参与|入股|注资|加注)了?$")  # a verb whose object 其 is a funded company
_SUMMED = re.compile(r"累计|合计|共计|总计")  # "共完成五轮融资，累计融资额逾15亿元": the rounds' sum
_ROUND_ASIDE = re.compile(r"的?(?:投资方|领投方|投资人|股东|估值|时)")  # "本轮由A轮投资方X继续领投": no round told
_ROUND_COUNT = re.compile(r"(?<!第)[两二三四五六七八九十多数几]轮")  # "共完成四轮融资": rounds counted, none told
_REFERS_BACK = re.compile(r"此次|本次|本轮|该轮|这一?轮|该笔|这笔|交易|收购价|价款|根据[^，。；]{0,6}协议")
_TOPICAL = ACTOR_CLASSES + (UNKNOWN,)  # what a left-out subject can stand for
_NOT_COMPANIES = ("Investor", "Regulator", "Exchange", "Person", "Association")  # what "公司" never stands for
_CLAUSE_START = "，。；！？,;!?：:\n "
_LEDE = 200  # characters of a document's opening: where an announcement names its issuer
# roles that open their clause as its grammatical subject
_TOPIC_ROLES = {"listedCompany", "fundedCompany", "acquirer", "partner", "launcher", "child", "penalizedParty"}
SUBJECT_ROLES = {"listedCompany", "fundedCompany", "acquirer", "partner", "launcher", "issuer", "child",
                 "acquiredCompany", "penalizedParty", "regulated", "investor", "leadInvestor"}


@dataclass(frozen=True)
class Rule:
    id: str
    frame: str
    strict: re.Pattern  # slots take mentions only
    opening: re.Pattern | None  # the first slot also takes a name found by shape
    loose: re.Pattern | None  # every slot also takes names found by shape
    slots: dict[str, tuple[str, bool]]  # group name -> (role, is list)
    confidence: float
    attach: bool
    triggers: tuple[str, ...]
    bare: bool
    opens_with_agent: bool  # the pattern starts with a slot
    modal: bool  # False: the rule states a standing fact ("全资子公司X") that the clause's 拟/计划 does not touch
    implicit: tuple[tuple[str, str], ...]  # (role, referent): a role the sentence leaves unsaid ("被处以罚款": the body named last)
    not_after: tuple[str, ...]  # words the match may not follow ("由⟦我们⟧领投的…融资完成": no funded company)


_CUE_LIST = re.compile(r"⟨(\w+)\.(\w+)⟩")


def _cue_words(m: re.Match) -> str:
    """A word list of cues.toml as alternatives, so that a macro and the code share one list."""
    return "|".join(map(re.escape, cues()[m.group(1)][m.group(2)]))


@lru_cache(maxsize=None)
def compiled_rules() -> tuple[Rule, ...]:
    data = rules()
    macros = {name: _CUE_LIST.sub(_cue_words, text) for name, text in data["macros"].items()}
    # what an item of a list may say it is before its name, with no verb ("品牌“舸付”及海外仓品牌“越仓”")
    item_kind = rf"(?:(?:(?!{names.cut_pattern()})[^，。；！？、⟦⟧\s]){{0,8}}?{macros['ITEM_KIND']})?"
    out = []
    for spec in data["rule"]:
        frame = data["frames"][spec["frame"]]
        slots: dict[str, tuple[str, bool]] = {}

        def expand(free: bool, first_only: bool = False) -> str:
            slots.clear()

            def slot(m: re.Match) -> str:
                role, plural = m.group(1), bool(m.group(2))
                if role in macros:
                    return macros[role]
                allowed = ALLOWED[frame["roles"][role]]
                group = f"{role}__{len(slots)}"
                slots[group] = (role, plural)
                one = r"(?:老股东|新股东|原股东)?⟦\d+\|(?:%s)⟧" % "|".join(allowed)  # "、老股东⟦X⟧跟投"
                if free and (not first_only or m.start() == 0) and frame["roles"][role] in ("Actor", "Organisation", "Business", "Party", "Governed", "Product", "Owned"):
                    # a slot's free text does not start with a verb ("⟦证监会⟧决定对X立案")
                    one = f"(?:{one}|{_BOUNDARY if m.start() == 0 else ''}(?!{names.cut_pattern()}){_FREE})"
                body = f"{one}(?:{_LIST_SEP}{item_kind}{one})*{_LIST_END}" if plural else one
                return f"(?P<{group}>{body})"

            return _SLOT.sub(slot, spec["pattern"])

        strict = expand(free=False)
        opening = None if spec.get("mentions_only") else expand(free=True, first_only=True)
        loose = None if spec.get("mentions_only") else expand(free=True)
        out.append(Rule(spec["id"], spec["frame"], re.compile(strict),
                        re.compile(opening) if opening and opening != strict else None,
                        re.compile(loose) if loose and loose not in (strict, opening) else None,
                        dict(slots), spec["confidence"], spec.get("attach", False), tuple(frame["triggers"]),
                        spec.get("bare", False), bool(re.match(r"\{(?!(?:%s)\})" % "|".join(macros), spec["pattern"])),
                        spec.get("modal", True), tuple(spec.get("implicit", {}).items()), tuple(spec.get("not_after", ()))))
    return tuple(out)


class Masked:
    """A sentence with its mentions masked, and the way back to document offsets."""

    def __init__(self, text: str, start: int, end: int, mentions: list[Mention]):
        parts, self.pieces, self.mentions = [], [], mentions
        cursor, length = start, 0
        declaration = cue_pattern("names", "alias_declaration")
        for i, m in enumerate(mentions):
            if m.start < cursor:
                continue  # inside the alias declaration of the name before it
            if cursor < m.start:
                parts.append(text[cursor:m.start])
                self.pieces.append((length, cursor, m.start - cursor))
                length += m.start - cursor
            if cursor == m.start and i and m.source == mentions[i - 1].source == "quoted":
                parts.append("、")  # "“Mochi”“半岛”等品牌": quoted names side by side are a list
                length += 1
            token = f"⟦{i}|{m.cls}⟧"
            parts.append(token)
            length += len(token)
            cursor = m.end
            if m.stock_code:  # the code in brackets after a name belongs to its mask
                code = STOCK_CODE.match(text, cursor, end)
                cursor = code.end() if code else cursor
            if m.cls != "Document" and (alias := declaration.match(text, cursor, end)):
                cursor = alias.end()  # "X（以下简称“Y”）" is one slot
        if cursor < end:
            parts.append(text[cursor:end])
            self.pieces.append((length, cursor, end - cursor))
        self.text = "".join(parts)

    def to_doc(self, pos: int) -> int:
        for mstart, dstart, n in self.pieces:
            if mstart <= pos <= mstart + n:
                return dstart + pos - mstart
        for m in _MASK.finditer(self.text):  # inside or at a mask: the mention's edge
            if m.start() <= pos <= m.end():
                mention = self.mentions[int(m.group(1))]
                return mention.start if pos == m.start() else mention.end
        return self.pieces[-1][1] + self.pieces[-1][2] if self.pieces else 0


def _arguments(masked: Masked, group_start: int, group_text: str, role: str, frame: dict, bare: bool) -> list[Argument]:
    args: list[Argument] = []
    cursor = 0
    # "A、B和C等平台": the closing noun says what every name of the list is
    kind = re.search(r"等(?:[0-9一二三四五六七八九十多]+家)?[\u4e00-\u9fff]{0,6}?(机构|公司|企业|平台|投资方|品牌)$", group_text)
    hint = names.descriptor_class(kind.group(1)) if kind else None
    for m in _MASK.finditer(group_text):
        args.extend(_free(masked, group_start + cursor, group_text[cursor:m.start()], role, frame, bare, hint, cursor > 0))
        mention = masked.mentions[int(m.group(1))]
        cls = mention.cls if mention.cls != UNKNOWN else frame.get("defaults", {}).get(role, UNKNOWN)
        args.append(Argument(mention.name, cls, mention.key, mention.start, mention.end, mention.source,
                             mention.stock_code, typed=mention.cls != UNKNOWN))
        cursor = m.end()
    args.extend(_free(masked, group_start + cursor, group_text[cursor:], role, frame, bare, hint, cursor > 0))
    return args


def _free(masked: Masked, start: int, text: str, role: str, frame: dict, bare: bool,
          list_hint: str | None = None, after_name: bool = False) -> list[Argument]:
    """Names found by shape in a slot's text that is not a mention (several in a list); `after_name`:
    the text follows a name of the slot, whose list it may go on ("A、申椒与B")."""
    out = []
    opening = after_name and re.match(_LIST_SEP, text) is not None
    for m in re.finditer(_FREE, text):
        piece = m.group()
        if re.fullmatch(_LIST_SEP + "|" + _LIST_END, piece):
            continue
        piece = re.sub(_LIST_END + "(?:分别|均|各)?$", "", piece) or piece  # "A、B两家平台分别"
        if len(piece) > 2 and names.is_cut(piece[-1] + text[m.end():m.end() + 1]):
            piece = piece[:-1]  # "团蜂平台关|于": the verb runs on past the piece
        trimmed = names.trim(piece)
        if not trimmed:
            continue
        if list_hint and trimmed[2] is None:
            trimmed = (trimmed[0], trimmed[1], list_hint)
        # a short name that fills its slot exactly stands without any cue when the rule
        # says so, or when it opens a clause as the subject ("近日，鲸灵完成…融资")
        edges = names.strip_edges(piece)
        rest = edges[len(trimmed[0]):] if edges.startswith(trimmed[0]) else None
        # the slot may have taken the first half of its closing verb ("远洋优品立案|调查")
        exact = (rest == "" or (rest is not None and names.is_cut(rest))) and len(trimmed[0]) <= 6 \
            and not re.search(r"\d", trimmed[0])
        at_clause_start = start + m.start() == 0 or masked.text[start + m.start() - 1] in _CLAUSE_START
        # so do the names listed after it ("棣棠优选、栝楼好物和邻穗分别于…推出")
        opening = exact and (at_clause_start or opening) and role in SUBJECT_ROLES
        plausible = names.plausible(trimmed[0], trimmed[2]) or opening
        if not (plausible or (exact and bare)) or (not plausible and _in_cause(masked.text, start + m.start())):
            continue
        name, offset, hint = trimmed
        cls = names.class_of(name)
        if names.common_word(name) or (cls == UNKNOWN and (hint is None and names.common_noun(name)
                                                           or names.holds_function_word(name))) \
                or (not plausible and names.starts_mid_word(masked.text, start + m.start() + offset)):
            continue  # "收购完成交割": no name "成交割"; "经销商误认为": no name "误认"; "团长" names no one
        if _COUNT.match(name) and names.descriptor_before(name, len(name)) is not None:
            continue  # "两家地方产业基金跟投", "首批三款产品": how many of a kind, not who ("三个爸爸" is a name)
        if cls == UNKNOWN and len(name) <= 3 and names.clause_words(name):
            continue  # "曾有意收购": words of a clause
        if name in cues()["names"]["role_words"] or name in cues()["anaphora"]["first_person"]:
            continue  # "目标公司" names a role; it is a name only where the text declares it (释义); "我司" the writer
        if names.without_place(name) == "" and re.match(r"一家|某|一支|的一家", masked.text[start + m.start() + offset + len(name):]):
            continue  # "合肥一家国资平台参投": the place of an actor left unnamed
        if masked.text.startswith("旗下", start + m.start() + offset + len(name)):
            continue  # "X旗下的Y完成…": the owner takes no part
        if names.in_audience(masked.text, start + m.start() + offset):
            continue  # "推出面向品牌导购的工具“见单”": whom it serves is no name of it
        quoted = _MASK.match(masked.text, start + m.start() + offset + len(name))
        if quoted and masked.mentions[int(quoted.group(1))].source == "quoted":
            continue  # "推出海外仓管理系统“链驿通”": what it is, before its name
        wanted = frame["roles"][role]
        typed = cls != UNKNOWN or hint is not None
        if cls == UNKNOWN:
            cls = hint or frame.get("defaults", {}).get(role, UNKNOWN)
        if cls not in ALLOWED[wanted]:
            continue
        if wanted == "Product" and hint is None and names.class_of(name) != "Product" and not (exact and bare):
            continue  # a product named only by shape needs a product word ("App", "计划") or a named slot
        doc_start = masked.to_doc(start + m.start() + offset)
        out.append(Argument(name, cls, None, doc_start, doc_start + len(name), "shape" if plausible else "bare",
                            typed=typed))
    return out


_CAUSE = re.compile(r"(?:(?<![基原诱成起病主])因|由于)[^，。；！？]*$")
# after a name: it is where something happened ("快手直播中", "平台上")
_VENUE_AFTER = re.compile(r"(?:直播间?|平台|店铺)?(?:上|中|里|内)(?![\u4e00-\u9fff]{0,1}(?:市|国|海|心))")
# a count that opens a slot's words ("两家…", "首批三款…")
_COUNT = re.compile(r"(?:首批|[0-9一二两三四五六七八九十几多数]+)(?:家|款|个|位|只|批)")


def _named_in(name: str, text: str) -> bool:
    """Whether `text` names the actor `name` names, in full or by the stem of its legal name
    ("燧火传媒的五年" names 杭州燧火文化传媒有限公司)."""
    key = names.normal_key(name)
    return any(form and len(form) >= 2 and form in text for form in (name, key, names.trade_name(key)))


def _clause_start(text: str, lo: int, at: int, default: int | None) -> int | None:
    """Where the clause `at` stands in starts: after the last clause break in [lo, at), else `default`."""
    return max((m.end() for m in _CLAUSE.finditer(text, lo, at)), default=default)


def _clause_head(text: str, at: int, named: list[Mention]) -> Mention | None:
    """The name that opens the clause `at` stands in, if one does."""
    clause_start = _clause_start(text, max(0, at - 60), at, None)
    return next((x for x in named if x.start == clause_start), None)


def _other_round(text: str, start: int, at: int, target: FrameMatch) -> tuple[str, int] | None:
    """The round the clause before `at` names, and where that clause starts, when it is not
    the round `target` tells ("去年12月的A轮融资由Y投资" after a B round) or one of the rounds it
    counts ("共完成四轮融资。其中，2020年的B轮融资由Y领投"); else None."""
    clause_start = _clause_start(text, start, at, start)
    named = next((m for m in _ROUND.finditer(text, clause_start, at) if not _ROUND_ASIDE.match(text, m.end())), None)
    if target.frame != "FundingRound" or not named or named.group() == target.round or (
            not target.round and not _ROUND_COUNT.search(text, *target.span)):
        return None
    return named.group(), clause_start


def _in_cause(text: str, at: int) -> bool:
    """Whether `at` lies in a clause of cause ("因…使用未经证实的功效宣称，被处以罚款"): what
    stands there is the reason, not a party."""
    return _CAUSE.search(text, max(0, at - 40), at) is not None


def _learned_mentions(text: str, mentions: list[Mention], frames: list[FrameMatch]) -> list[Mention]:
    """Every occurrence, outside known mentions, of the names frames found by shape, or of
    the trade names they took where a name may end ("黛湄（DAIMEI）是…" and "让黛湄进入…")."""
    names_found: dict[str, str] = {}
    for f in frames:
        for args in f.roles.values():
            for a in args:
                if a.source in ("shape", "bare", "stem") and len(a.name) >= 2:
                    names_found.setdefault(a.name, a.cls)
    if not names_found:
        return []
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names_found, key=len, reverse=True)))
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    out = []
    for m in pattern.finditer(text):
        if not any(taken[m.start():m.end()]):
            out.append(Mention(m.start(), m.end(), m.group(), names_found[m.group()], None, "learned"))
    return out


@lru_cache(maxsize=None)
def _prepositions() -> tuple[str, ...]:
    return tuple(cues()["names"]["prepositions"])


def _after_preposition(text: str, start: int, at: int) -> bool:
    """Whether the name at `at` follows a preposition in the sentence from `start`: a venue ("在微信上…")."""
    return text.endswith(_prepositions(), start, at)


@lru_cache(maxsize=None)
def _words(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


@lru_cache(maxsize=None)
def _any_trigger() -> re.Pattern:
    words = {t for frame in rules()["frames"].values() for t in frame["triggers"]}
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


@lru_cache(maxsize=None)
def _anaphora() -> re.Pattern:
    spec = cues()["anaphora"]
    return re.compile(f"{spec['pattern']}|{'|'.join(spec['first_person'])}|{spec['zero_subject']}")


# what a case's party is: a business, not the product its title may name ("“X”小程序价格违法案")
_CASE_PARTIES = ("Company", "MCN", "Brand")


@dataclass
class Referents:
    """Who the anaphors of a document can stand for, besides the previous sentence's topic."""

    subject: Mention | None = None  # a chronicle's actor
    listed: Mention | None = None  # the first listed company named: an announcement's 公司
    body: Mention | None = None  # the last government body named: what 该局 stands for
    paragraph_body: Mention | None = None  # the last one named in this paragraph: who fined "X被罚款"
    speaker: Mention | None = None  # the last organisation whose officer speaks: "我们"
    author: Mention | None = None  # who writes the document in the first person, if it says
    coded: Mention | None = None  # the company named with its stock code in this paragraph (a digest item)
    announcer: Mention | None = None  # the company this paragraph says announces ("X晚间公告", "X今日宣布")
    company: Mention | None = None  # the last sentence's first company: what "公司" means when the topic is a fund
    group: Mention | None = None  # the last group named (X集团): what "集团" stands for
    own: tuple[Mention, ...] = ()  # the bodies the lede names: who "我局" is in a body's report
    party: Mention | None = None  # the company a case's title names ("案例一：X虚假宣传案"): who 当事人 is
    title: str = ""  # the document's first line
    _party_open: bool = False  # a case whose title names no company: its first company is the party
    _seen: int = 0

    def begin(self, text: str, start: int) -> None:
        """A sentence starts at `start`: a new paragraph forgets the last one's coded company."""
        if "\n" in text[self._seen:start]:
            self.coded = self.paragraph_body = self.announcer = None
        self._seen = start

    def update(self, local: list[Mention], text: str, start: int, end: int) -> None:
        company = next((m for m in local if m.source != "anaphor" and m.cls in _TOPICAL
                        and m.cls not in _NOT_COMPANIES and m.cls != UNKNOWN), None)
        if cue_pattern("anaphora", "case_title").fullmatch(text, start, end):
            # a title that names only its product ("“X”小程序价格违法案"): the case's first company
            self.party, self._party_open = company, company is None or company.cls not in _CASE_PARTIES
        elif self._party_open and company is not None and company.cls in _CASE_PARTIES:
            self.party, self._party_open = company, False
        self.company = next((m for m in local if m.cls in _TOPICAL and m.cls not in _NOT_COMPANIES
                             and m.cls != UNKNOWN), self.company)
        self.coded = next((m for m in reversed(local) if m.stock_code and m.source != "anaphor"), self.coded)
        self.announcer = next((m for m in local if m.source != "anaphor" and m.cls in _TOPICAL
                                and m.cls not in _NOT_COMPANIES and cue_pattern("anaphora", "announces").match(text, m.end)), self.announcer)
        self.body = next((m for m in reversed(local) if m.cls == "Regulator"), self.body)
        self.paragraph_body = next((m for m in reversed(local) if m.cls == "Regulator"), self.paragraph_body)
        self.group = next((m for m in reversed(local) if m.name.endswith("集团") and m.source != "anaphor"
                           and names.is_name(m.name)), self.group)
        speaking = [m for m in local if m.cls in ACTOR_CLASSES and m.cls != "Person"
                    and m.source != "anaphor" and _speaker_title().match(text, m.end)]
        self.speaker = speaking[-1] if speaking else self.speaker


@lru_cache(maxsize=None)
def _speaker_title() -> re.Pattern:
    return re.compile(cues()["anaphora"]["speaker_title"])


def _resolve_anaphora(text: str, start: int, end: int, local: list[Mention], antecedent: Mention | None,
                      pattern: re.Pattern, referents: Referents) -> list[Mention]:
    """Mentions of the sentence plus its anaphors (该公司, 其…), each standing for the
    previous sentence's topic under the anaphor's own offsets. In a chronicle, a left-out
    subject is the chronicle's subject; "我们" is the company whose officer speaks."""
    subject, body = referents.subject, referents.body
    sentence = text[start:end]
    extra = []
    for m in pattern.finditer(sentence):
        a, b = start + m.start(), start + m.end()
        if any(x.start < b and a < x.end for x in local) or any(x.start == a for x in local):
            continue
        left_out = a == b or m.group("connective") is not None  # a left-out subject ("，去年还推出…")
        if a == b and subject is None and re.search(r"[年月日\d]\u3000$", text[max(0, a - 2):a]) \
                and not (antecedent is not None and _named_in(antecedent.name, referents.title)):
            continue  # "8月　完成…": a date and a wide space open a timeline entry, about a chronicle's actor or the one its title names
        # a left-out subject after the first clause is the actor that opened the sentence
        # (not a venue: "在纽交所上市的X昨夜宣布，已于…完成对Y的收购")
        opener = next((x for x in sorted(local + extra, key=lambda x: x.start) if x.end <= a and x.cls in _TOPICAL
                       and not (x.start < x.end and _after_preposition(text, start, x.start))), None)
        # so is a bare 公司 there ("X公告，公司以…收购"); 该公司 points back past the sentence;
        # 后者 and 前者 are the last and the first actor named before them
        named = [x for x in local if x.end <= a and x.cls in _TOPICAL and x.source != "anaphor"]
        # the company this paragraph names with its stock code, even earlier in this sentence
        listed = next((x for x in reversed(named) if x.stock_code), None) or referents.coded or \
            referents.announcer or referents.listed
        if m.group() in cues()["anaphora"]["first_person"]:
            if m.group() == "我们" and cue_pattern("anaphora", "backed_by_us").match(text, b):
                continue  # "我们2021年领投A轮的X，…": the clause tells of X, which is what the sentence is about
            # the organisation whose officer speaks, or that writes the document; with neither, 本公司
            # is the document's company (a chronicle's, an announcement's), 本会 its association
            association = m.group() in cues()["anaphora"]["association_self"]
            # (the writer of the text, unless the words are quoted from a speaker: "X合伙人表示：“我们…”")
            quoted = text.count("“", start, a) > text.count("”", start, a)
            voices = (referents.speaker, referents.author) if quoted or referents.author is None else (referents.author,)
            fits = [x for x in voices if x is not None and (x.cls == "Association") == association]
            if m.group() != "我们":
                fits += [x for x in (subject, listed, antecedent) if x is not None
                         and (x.cls == "Association" if association else x.cls not in _NOT_COMPANIES)]
            ref = fits[0] if fits else None
        elif m.group() in ("我局", "我厅", "我委"):  # the speaking body, named first in the lede
            ref = next((x for x in referents.own if short_body(x.name).endswith(m.group()[1])), None)
        elif m.group() == "当事人" and referents.party is not None:
            ref = referents.party
        elif m.group() in ("该局", "本局", "税务机关"):  # the body named last (本局: the body whose decision this is)
            ref = next((x for x in reversed(named) if x.cls == "Regulator"), body)
        elif m.group() in ("后者", "前者"):
            ref = (named[-1] if m.group() == "后者" else named[0]) if named else None
        elif m.group() == "平台":  # "平台已于…与Y签署…" in a platform's own notice: the platform
            ref = referents.author if referents.author is not None and referents.author.cls not in _NOT_COMPANIES else None
        elif m.group() in ("公司", "集团", "其", "它") and (a == start or text[a - 1] in _CLAUSE_START):
            # the actor opening the nearest clause before it ("…】X（603528.SH）公告，公司以…")
            heads = [x for x in named if (x.start == start or text[x.start - 1] in _CLAUSE_START + "】")
                     and (m.group() in ("其", "它") or x.cls not in _NOT_COMPANIES)]  # 公司 is no fund ("，峦石资本跟投；公司…")
            # or whose officer speaks just before it ("…企业X负责人介绍，公司日前完成…")
            speaking = [x for x in named if x.cls not in _NOT_COMPANIES and _speaker_title().match(text, x.end)
                        and cue_pattern("anaphora", "speech").search(text, x.end, a)]
            # or who announces just before it ("服务商Shopverse（店汇）今日宣布，公司已被…收购")
            announcing = [x for x in named if x.cls not in _NOT_COMPANIES and cue_pattern("anaphora", "announces").match(text, x.end)]
            heads = heads or speaking or announcing
            ref = heads[-1] if heads else (subject or listed if m.group() in ("公司", "集团") else None) or opener or antecedent
        elif m.group() == "公司":  # "成为公司的控股子公司": the company this sentence's 公司 was, else the document's
            ref = next((x for x in reversed(extra) if text[x.start:x.end] == "公司"), None) or subject or listed or antecedent
        elif m.group() == "其" and re.search(r"(?:对|向|给予|责令|约谈|持有)$", text[a - 4:a]) and (
                parties := [x for x in named if x.cls != "Regulator" and not _after_preposition(text, start, x.start)
                            and not _VENUE_AFTER.match(text, x.end)]):
            # "针对平台“X”…，监管总局对其立案调查" (not a venue: "在快手直播中…"; nor a quoted phrase of
            # no class that a verb takes: "虚构“划线原价”")
            ref = next((x for x in reversed(parties) if not (x.source == "quoted" and x.cls == UNKNOWN
                                                             and names.descriptor_before(text, x.start - 1) is None)),
                       None)
            if text[a - 2:a] == "持有":  # "X成立于…，Y持有其100%股权": not the holder
                ref = next((x for x in reversed(parties) if _CLAUSE.search(text, x.end, a)), ref)
        elif m.group() == "其" and _INVESTED_IN.search(text, max(start, a - 5), a) and (
                funded := [x for x in named if x.cls not in _NOT_COMPANIES]):
            ref = funded[-1]  # "X此前已完成两轮融资：Y于2022年独家投资了其天使轮": the company, not the investor
        elif m.group() == "其" and opener is not None and opener.start >= start and opener.cls not in _NOT_COMPANIES \
                and _subsidiary_word().match(text, b) and (head := _clause_head(text, a, named)) is not None \
                and head.name != opener.name and head.start > opener.start \
                and not cue_pattern("anaphora", "speech").match(text, opener.end):
            ref = opener  # "X收购Y…，Y由此成为其控股子公司": the clause's own actor is the child
        elif m.group() == "其" and opener is not None and opener.start >= start and opener.cls not in _NOT_COMPANIES \
                and _subsidiary_word().match(text, b) and (
                    len({x.name for x in named if x.cls not in _NOT_COMPANIES}) == 1
                    or re.search(r"(?:后者|前者)[^，。；]*$", text[start:a])):
            # "X公告，建议分拆其附属公司Y", "A拿下B…，后者由此成为其全资子公司": the sentence's actor
            # (not where another company could be meant: "X收购了Y，并将其全资子公司Z…")
            ref = opener
        elif m.group().startswith("该") and (before := [x for x in named if x.cls not in _NOT_COMPANIES
                                                      and re.search(r"[：:；;]", text[x.end:a])]) \
                and not any(x.start > before[-1].end and x.cls not in _NOT_COMPANIES for x in named):
            # "X…开启外延扩张：6月，该公司以…收购": a clause of its own, about X (unless the clause
            # after the colon names a company of its own: "X发布公告：Y完成…，该公司…")
            ref = before[-1]
        elif left_out and opener is None and cue_pattern("anaphora", "speech").search(text, start, a):
            continue  # the speaker is who it stands for, and the speaker is no name found
        else:
            ref = opener if (opener is not None and left_out) else \
                subject if (left_out and subject is not None) else antecedent
        if m.group() == "集团" and referents.group is not None and not (ref and ref.name.endswith("集团")):
            ref = referents.group  # "栝楼集团…；宁波栝链供应链有限公司…。2021年，集团推出…": the group named last
        if m.group() in ("公司", "集团", "该公司", "该企业") and ref is not None and ref.cls in _NOT_COMPANIES:
            ref = referents.company or ref  # "…，峦石资本跟投；2023年12月，公司完成…"
        if ref is None:
            continue
        extra.append(Mention(a, b, ref.name, ref.cls, ref.key, "anaphor", ref.stock_code))
    return sorted(local + extra, key=lambda x: x.start) if extra else local


def _announcer(text: str, mentions: list[Mention]) -> Mention | None:
    """Who an announcement's 公司 is: the company its lede names with a stock code, else the one
    its lede says announces ("X（以下简称“Y”）昨晚发布公告") or whose report it is ("X\n2025年年度报告")."""
    lede = [m for m in mentions if m.start < _LEDE and m.cls in _TOPICAL and m.cls not in _NOT_COMPANIES
            and m.source != "anaphor"]  # (not the exchange of a disclaimer: "香港交易及结算所有限公司…对本公告…")
    return next((m for m in lede if m.stock_code), None) or next(
        (m for m in lede if cue_pattern("anaphora", "lede_announces").match(text, m.end)
         or cue_pattern("anaphora", "own_report").match(text, m.end)
         or cue_pattern("anaphora", "code_below").match(text, m.end)), None)


def _author(text: str, mentions: list[Mention]) -> Mention | None:
    """The organisation a document's heading says writes it ("原创　缶鸣传媒　…"): its "我们"."""
    for line in cue_pattern("anaphora", "author").finditer(text, 0, _LEDE):
        if line.group("desk"):  # a platform's notice desk: the platform, named there if nowhere else
            desk = line.group("desk")
            return next((m for m in mentions if m.name == desk), None) or Mention(
                line.start("desk"), line.end("desk"), desk, "Platform", None, "org")
        # (the name as the text names it anywhere: "对话垄上优选裴知禾" and "“垄上优选”"); on a
        # 原创 line the writer may come before the account ("原创　椒小编　椒语官方号　2025年…")
        line_end = text.find("\n", line.end("name"))
        words = [line.group("name")] + (text[line.end("name"):line_end if line_end >= 0 else len(text)].split()
                                        if line.group().lstrip().startswith("原创") else [])
        for word in words:
            named = [m for m in mentions if word.startswith(m.name) and len(m.name) >= 2
                     and m.cls in _TOPICAL and m.cls not in ("Person", "Regulator")]
            if named:
                return max(named, key=lambda m: len(m.name))  # the whole name, not a stem of it
            account = _ACCOUNT.fullmatch(word)
            if account and names.is_name(own := account.group(1)) and (at := text.find(own, line.end())) >= 0:
                return Mention(at, at + len(own), own, "Brand", None, "org")  # an account named again in the text
    return None


# an official account's name: its owner and the kind of account ("椒语官方号")
_ACCOUNT = re.compile(r"(.{2,12}?)(?:官方号|官方账号|官方公众号|公众号|官微|服务号|订阅号)")


@lru_cache(maxsize=None)
def _subsidiary_word() -> re.Pattern:
    """A subsidiary word of rules.toml's SUBSIDIARY macro ("全资子公司", "附属公司")."""
    return re.compile(rules()["macros"]["SUBSIDIARY"])


@lru_cache(maxsize=None)
def _operated() -> re.Pattern:
    """After a name: its operator or owner follows ("“X”平台的运营方Y"), who is meant, not X."""
    words = "|".join(cues()["names"]["operators"])
    return re.compile(rf"(?:平台|App|APP|小程序|网店|店铺|品牌)?的?(?:{words})")


def _agents(text: str, start: int, local: list[Mention]) -> list[Mention]:
    """The mentions that may be what a sentence is about: not a venue ("在微信上…") and not a
    name whose operator follows it."""
    return [m for m in local if not _after_preposition(text, start, m.start)
            and not _operated().match(text, m.end)]


def _carry(frames: list[FrameMatch], last_of_frame: dict[str, FrameMatch], text: str, start: int,
           local: list[Mention]) -> Mention | None:
    """What a sentence's frames leave to the next sentences: each is the last of its kind,
    and their topic, if any, is what the next anaphor stands for."""
    for f in sorted(frames, key=lambda f: f.span[0]):
        last_of_frame[f.frame] = f
    return _topic(frames, _agents(text, start, local))


def _topic(frames: list[FrameMatch], local: list[Mention]) -> Mention | None:
    """What a sentence is about, for anaphors in the next one: the first argument of its
    first frame, else its first named actor."""
    # an event's actor before an ownership's ("推出自有品牌“芊岚”": the topic is who launched it)
    for f in sorted(frames, key=lambda f: not rules()["frames"][f.frame]["event"]):
        # the company the frame is about comes before its investors, regulators and parents
        for role in sorted(f.roles, key=lambda r: r not in _TOPIC_ROLES):
            a = f.roles[role][0]
            if a.cls in _TOPICAL and (role in _TOPIC_ROLES or a.cls not in _NOT_COMPANIES):
                return Mention(a.start, a.end, a.name, a.cls, a.key, a.source, a.stock_code)
    if any(m.source == "anaphor" and m.cls != "Regulator" for m in local):
        return None  # the sentence is still about the previous topic (not so after "该局发现X…")
    # a regulator is what a sentence is about only when it names no other actor
    topical = [m for m in local if m.cls in _TOPICAL and not (m.source == "quoted" and m.cls == UNKNOWN)]
    return next((m for m in topical if m.cls not in _NOT_COMPANIES), topical[0] if topical else None)


def _money(spec: dict, sentence_rest: str, scope: str, following: str):
    """The amount of a frame: after one of its amount words ("罚款", "募资") when it has
    them, in its sentence or in the next one when that speaks of it ("此次…募集资金约8.6亿港元");
    else, or when the frame says so, the first amount in the clause (or that first, and the
    amount words only when the clause has none: "完成A轮融资，金额为2000万元")."""
    cues_ = spec.get("amount_after")
    if cues_ is None:
        return None
    if not cues_ or spec.get("amount_in_clause") == "first":
        money = parse_money(scope)
        if money or not cues_:
            return money
    # its own clause first: "对A处以150万元罚款，对B处以50万元罚款"; the words the frame
    # prefers first ("罚款" before "罚没款合计")
    goes_on = (_REFERS_BACK.search(following[:12]) or ("amount_next" in spec and re.match(spec["amount_next"], following))) \
        and not re.search("此前|曾|增资|将以", following[:40])  # (not an earlier fine nor another deal)
    for rest in (scope, sentence_rest, following if goes_on else ""):
        for words in filter(None, (spec.get("amount_first"), cues_)):
            # (not "金额未披露，估值10亿元": a cue that says the amount is not told)
            found = [m.end() for m in _words(tuple(words)).finditer(rest)
                     if not _UNTOLD.match(rest, m.end()) and not _CONFISCATED.match(rest, m.end())]
            for pos in reversed(found):
                money = parse_money(rest[pos:pos + 24])
                if money:
                    return money
    return parse_money(scope) if spec.get("amount_in_clause") is True else None


def _status(text: str, clause_start: int, trigger_end: int, clause_end: int, local: list[Mention]) -> str:
    window = _without_names(text, clause_start, trigger_end, local)  # "启动“千店计划”" plans nothing
    after = _without_names(text, trigger_end, clause_end, local)
    if any(w in after for w in cues()["modality"]["terminated"]):
        return "terminated"  # "对Glowie的收购终止"
    if any(w in after for w in cues()["modality"]["pending"]):
        return "planned"  # "IPO收到第二轮审核问询函"
    for status in ("terminated", "denied", "rumoured", "planned"):
        if any(w in window for w in cues()["modality"][status]):
            return status
    return "completed"


def _dates_what_precedes(text: str, d) -> bool:
    """A date after an event that is its date: in brackets, or when it was done."""
    before = text[max(0, d.start - 2):d.start]
    # (a share transfer is done the day the company gets its new licence: "X于8月25日取得…换发的《营业执照》")
    done = (_DONE.match(text, d.end) or _LICENCE.match(text, d.end)) if before.endswith("于") else None
    # (not what describes a noun: "原因是其于2023年9月完成的对X的收购…" tells an earlier deal)
    return "（" in before or "(" in before or (done is not None and not text.startswith("的", done.end())) \
        or _TOLD.match(text, d.end) is not None or _DAY_OF.search(text, max(0, d.start - 12), d.start) is not None


_ROUND_LIST = re.compile(rf"({_ROUND.pattern})(?:和|及|与|、)({_ROUND.pattern})")


def _respective_amount(text: str, sentence: tuple[int, int], round_name: str) -> tuple | None:
    """The amount a sentence gives a round it lists with another, amounts in the same order
    ("完成A轮和A+轮融资，金额分别为6,000万元和1.2亿元")."""
    listed = _ROUND_LIST.search(text, *sentence)
    respectively = text.find("分别", listed.end(), sentence[1]) if listed else -1
    if respectively < 0 or not re.search("金额|融资额|规模", text[listed.end():respectively + 2]) \
            or "估值" in text[listed.end():respectively + 2]:
        return None
    rounds = [listed.group(1), listed.group(2)]
    amounts = all_money(text[respectively:sentence[1]])
    return amounts[rounds.index(round_name)] if round_name in rounds and len(amounts) >= 2 else None


def _minority_stake(frame: FrameMatch, text: str, local: list[Mention]) -> FrameMatch:
    """An acquisition of less than half a company with no word of control in its sentence
    ("受让萸茴电商15%股权") as the investment it is: a relation, and no Acquisition event."""
    bought = frame.roles.get("acquiredCompany") if frame.frame == "Acquisition" else None
    share = bought and cue_pattern("stakes", "share").match(text, bought[-1].end)
    if not share or float(share.group(1)) >= 50 or cue_pattern("stakes", "control").search(
            _without_names(text, *frame.sentence, local)):  # (not 岚秧控股's 控股)
        return frame
    return dataclasses.replace(frame, frame="Investment", roles={"investor": frame.roles.get("acquirer", []), "investee": bought},
                   amount=None, currency=None)


def _respectively(frame: FrameMatch, text: str, dates: DateContext) -> list[FrameMatch]:
    """"A、B分别于3月、5月推出X、Y": one frame per position (A–X in March, B–Y in May),
    not every pairing."""
    if "分别" not in text[frame.span[0]:frame.span[1]]:
        return [frame]
    lists = {role: args for role, args in frame.roles.items() if len(args) > 1}
    sizes = {len(args) for args in lists.values()}
    if not lists or len(sizes) != 1:
        return [frame]
    n = sizes.pop()
    money = all_money(text[frame.span[0]:frame.span[1]]) or all_money(text[frame.span[1]:frame.sentence[1]])  # "…分别被处以罚款86万元、52万元"
    if len(lists) < 2 and len(money) != n:
        return [frame]  # one list: split only to give each its own amount ("对A、B分别处以35万元和12万元")
    when = [d.when.iso() for d in dates.in_span(*frame.span)]
    return [dataclasses.replace(frame, roles={**frame.roles, **{r: [args[i]] for r, args in lists.items()}},
                                date=when[i] if len(when) == n else frame.date,
                                amount=money[i][0] if len(money) == n else frame.amount,
                                currency=money[i][1] if len(money) == n else frame.currency, attached=[])
            for i in range(n)]


def _last_partnership(here: list[FrameMatch], last_of_frame: dict[str, FrameMatch], text: str,
                      start: int) -> FrameMatch | None:
    """The partnership this sentence states last, else the one its paragraph stated before,
    or the previous paragraph when this sentence opens its own ("签约仪式上，双方联合推出…")."""
    deal = next((f for f in reversed(here) if f.frame == "Partnership"), None) or last_of_frame.get("Partnership")
    if deal is None or not {"partner", "copartner"} <= deal.roles.keys():
        return None
    between = text[deal.sentence[1]:start].split("\n")
    return deal if all(not line.strip() for line in between[1:]) else None


def _owner_of(text: str, product: Argument, owners: list[Mention], local: list[Mention]) -> Mention | None:
    """The owner named before 旗下 just ahead of a product ("拼多多旗下跨境电商平台Temu…上线"),
    or the 其 whose product it is ("X宣布，其小程序“Y”正式上线"): who launched what the
    sentence launches without naming a launcher."""
    for owner in reversed(owners):
        if owner.end <= product.start and _OWNED.fullmatch(text, owner.end, product.start):
            return owner
    possessor = next((m for m in reversed(local) if m.source == "anaphor" and text[m.start:m.end] == "其"
                      and m.end <= product.start), None)
    return possessor if possessor and _POSSESSED.fullmatch(text, possessor.end, product.start) else None


# after a sentence's opener: it acts ("X（…）成立，首款产品“Y”上线", "X正式推出…"),
# or owns what is launched ("X的自有品牌“Y”已于上月推出")
_OPENER_ACTS = re.compile(r"(?:[（(][^）)]*[）)])?(?:正式|今日|近日|于[^，。；]{0,12}?)?(?:成立|推出|上线|发布|宣布|首发)"
                          r"|的[^，。；“「]{0,8}[“「]")
# a timeline entry: a line that opens with a date and a wide space ("2021.08　获…", "3月　推出…")
_ENTRY_LINE = re.compile(r"(?m)^[ \t]*(?:(?:19|20)\d\d(?:[.年-]\d{1,2}月?)?|\d{1,2}月)[ \t]*\u3000")


def _sole_opener(text: str, start: int, local: list[Mention], products: list[Argument]) -> Mention | None:
    """The business that opens the sentence when it is the only one the sentence names besides
    what it launches ("X（…）成立，首款产品“Y”上线"): whose launch it is."""
    made = {p.name for p in products}
    opener = next((m for m in local if m.name not in made), None)
    if opener is None or opener.cls in _NOT_COMPANIES or not (
            opener.start == start or text[opener.start - 1] in _CLAUSE_START + "\u3000\t") \
            or not _OPENER_ACTS.match(text, opener.end):
        return None  # (not a venue: "天猫618期间，新品“X”首发")
    # (its legal name in brackets is the same business: "鲸序云（上海鲸序信息科技有限公司）")
    bracket = re.match(r"[（(][^）)]*[）)]", text[opener.end:])
    others = {m.name for m in local if m.name not in made and m.cls not in ("Product", "Document")
              and not (bracket and opener.end < m.start < opener.end + bracket.end())}
    return opener if others == {opener.name} else None


def _argument(m: Mention) -> Argument:
    return Argument(m.name, m.cls, m.key, m.start, m.end, m.source, m.stock_code, typed=True)


def _without_names(text: str, start: int, end: int, local: list[Mention]) -> str:
    """text[start:end] with the names in it blanked out."""
    chars = list(text[start:end])
    for m in local:
        for i in range(max(m.start, start), min(m.end, end)):
            chars[i - start] = " "
    return "".join(chars)


def _restated_dates(found: list[FrameMatch], text: str, dates: DateContext, sentences: list[tuple[int, int]],
                    mentions: list[Mention]) -> None:
    """Date the events of a sentence by the next sentence (of two, in its paragraph) that says
    when they happened and points back to them, unless it tells events of its own; a
    penalty that sentence or its own says was revoked did not stand, and one whose fine it
    changed has the changed fine."""
    spec = cues()["restated"]
    refer, revoked = re.compile(spec["refer"]), re.compile(spec["revoked"])
    by_sentence: dict[tuple[int, int], list[FrameMatch]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence, []).append(f)
    index = {span: i for i, span in enumerate(sentences)}
    for span, frames in by_sentence.items():
        for kind in {f.frame for f in frames if f.frame in spec["verbs"]}:
            ours = [f for f in frames if f.frame == kind]
            names_ = {a.name for f in ours for args in f.roles.values() for a in args}
            verbs = "|".join(spec["verbs"][kind])
            for start, end in [span] + sentences[index.get(span, len(sentences)) + 1:][:2]:
                # (a sentence that tells events of its own dates them, not ours)
                if (start, end) != span and ("\n" in text[span[1]:start] or any(
                        rules()["frames"][f.frame]["event"] for f in by_sentence.get((start, end), []))):
                    break
                if kind == "Penalty" and revoked.search(text, start, end):
                    for f in ours:
                        f.status = "terminated"
                    break
                others = [m for m in mentions if start <= m.start < end and m.cls != "Regulator" and m.name not in names_]
                if kind == "Penalty" and (changed := re.search(spec["changed_fine"], text[start:end])) and not others \
                        and re.search("复议|复核", text[start:end]) and (money := parse_money(text[start + changed.end():end])):
                    for f in ours:
                        f.amount, f.currency = money
                if (start, end) == span:
                    continue
                told = [m for m in mentions if start <= m.start < end]
                if not (refer.search(text, start, end) or any(m.name in names_ for m in told)
                        or (kind == "PolicyIssuance" and any(m.cls == "Document" for m in told))):
                    continue
                when = next((d for d in dates.in_span(start, end)
                             if re.match(rf"(?:正式|已经|已)?(?:{verbs})", text[d.end:end])
                             or day_of(verbs).search(text, start, d.start)), None)
                if when is not None and when.when.iso():
                    for f in ours:
                        f.date = when.when.iso()
                    break


def _overlap(a: set[str], b: set[str]) -> bool:
    """Whether two sets of names share an actor, a short name standing in a legal one ("铱途冷链" in
    "杭州铱途冷链物流有限公司")."""
    return any(x in y or y in x for x in a for y in b if min(len(x), len(y)) >= 2)


def _same_parties(a: dict[str, list[Argument]], b: dict[str, list[Argument]],
                  meet=lambda x, y: bool(x & y)) -> bool:
    """Whether two frames' arguments meet (by `meet`) in every role both of them fill."""
    return all(meet({x.name for x in a[r]}, {x.name for x in b[r]}) for r in set(a) & set(b))


def _amount_from_plan(found: list[FrameMatch]) -> None:
    """A deal done whose sentence gives no amount takes the amount of the plan it carries out
    ("董事会同意公司以16,500万元收购X 55%股权" … "收购X股权事项已办理完毕工商变更登记")."""
    for f in found:
        if f.status != "completed" or f.amount is not None or not rules()["frames"][f.frame].get("amount_after"):
            continue
        plan = next((g for g in found if g.frame == f.frame and g.status == "planned" and g.amount is not None
                     and g.span[0] < f.span[0] and _same_parties(f.roles, g.roles, _overlap)), None)
        if plan is not None:
            f.amount, f.currency = plan.amount, plan.currency


def _told_before(found: list[FrameMatch], frame: str, roles: dict, round_: re.Match | None) -> bool:
    """Whether an event of `frame` with the same parties (and, for a round, the round named) was found
    already: "X则在完成B轮融资后…", "收购Y后，X…"."""
    if (frame == "FundingRound" and round_ is None) or not roles.get(rules()["frames"][frame].get("primary")):
        return False  # ("完成新一轮融资后" may tell a new one)
    return any(f.frame == frame and (round_ is None or f.round == round_.group()) and _same_parties(f.roles, roles)
               for f in found)


def is_headline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends with no sentence end: a headline or a heading line."""
    return not text[start:end].rstrip().endswith(("。", "！", "？"))


_EXPLICIT_DATE = re.compile(r"(?:19|20)\d\d年|\d{1,2}月")


def _date_headline(found: list[FrameMatch], text: str, dates: DateContext, sentences: list[tuple[int, int]]) -> None:
    """A headline's event that the body tells again takes the body's date (a repost's headline may
    say 今日 of the day it was reposted); one that no sentence of the body tells again takes the
    date an undated event of the document takes (its month)."""
    if not sentences or not is_headline(text, *sentences[0]):
        return
    def told(f: FrameMatch) -> set[str]:
        return {a.name for args in f.roles.values() for a in args}

    for f in found:
        if f.sentence != sentences[0]:
            continue
        again = next((g for g in found if g.sentence != f.sentence and g.frame == f.frame and _overlap(told(g), told(f))
                      and (f.round is None or g.round in (None, f.round))
                      and (f.amount is None or g.amount in (None, f.amount))), None)
        if again is not None and again.date is not None and not _EXPLICIT_DATE.search(text, *f.sentence):
            f.date = again.date  # (a date the headline writes out is its own: "X2025年7月完成B轮融资")
        elif again is None and f.date is None:
            f.date = dates.undated(f.span[0])


@Language.factory("sekg_frames")
def make_frames(nlp: Language, name: str) -> "FrameFinder":
    return FrameFinder()


class FrameFinder:
    """Sets `doc._.frames`: the frame matches of every sentence not seen before in the doc."""

    def __init__(self) -> None:
        if not Doc.has_extension("frames"):
            Doc.set_extension("frames", default=None)
        if not Doc.has_extension("dates"):
            Doc.set_extension("dates", default=None)  # the document's dates, for the components after

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        dates = doc._.dates = DateContext(text)
        found = self._run(doc, text, dates, doc._.mentions)
        # names the rules found by shape are names everywhere in the document: a second
        # pass reads the sentences that hold them again, with them as mentions
        learned = _learned_mentions(text, doc._.mentions, found)
        if learned:
            doc._.mentions = local_bodies(sorted(doc._.mentions + learned, key=lambda m: m.start))
            starts = [a for a, _ in doc._.sentences]
            again = {bisect.bisect_right(starts, m.start) - 1 for m in learned}
            # so are the sentences after them whose anaphors may now stand for another topic
            for i in sorted(again):
                while i + 1 < len(starts) and _anaphora().search(text, *doc._.sentences[i + 1]):
                    i += 1
                    again.add(i)
            again_spans = {doc._.sentences[i] for i in again if i >= 0}
            # a sentence that added roles to a frame read again is read again too
            again |= {starts.index(span[0]) for f in found if f.sentence in again_spans for span, *_ in f.attached}
            again_spans = {doc._.sentences[i] for i in again if i >= 0}
            found = [f for f in found if f.sentence not in again_spans]
            found = sorted(found + self._run(doc, text, dates, doc._.mentions, again, found), key=lambda f: f.sentence)
        _restated_dates(found, text, dates, doc._.sentences, doc._.mentions)
        _date_headline(found, text, dates, doc._.sentences)
        _amount_from_plan(found)
        # a frame may hold a body it found without its place ("市商务局"): the document names its place
        if full := body_places({a.name for f in found for args in f.roles.values() for a in args
                                if a.cls == "Regulator"} | {m.name for m in doc._.mentions if m.cls == "Regulator"}):
            for f in found:
                for role, args in f.roles.items():
                    f.roles[role] = [dataclasses.replace(a, name=full[a.name], key=None)
                                     if a.cls == "Regulator" and a.name in full else a for a in args]
        doc._.frames = found
        return doc

    def _run(self, doc: Doc, text: str, dates: DateContext, mentions: list[Mention],
             only: set[int] | None = None, kept: list[FrameMatch] = ()) -> list[FrameMatch]:
        """The frames of the sentences in `only` (all when None); `kept` are the frames of the
        others, found before, which still say what each of them is about."""
        frames_spec = rules()["frames"]
        kept_by_sentence: dict[tuple[int, int], list[FrameMatch]] = {}
        for f in kept:
            kept_by_sentence.setdefault(f.sentence, []).append(f)
        found: list[FrameMatch] = []
        last_of_frame: dict[str, FrameMatch] = {}
        antecedent: Mention | None = None
        anaphora = _anaphora()
        chronicle = chronicle_subject(text)
        # who the document is about: a chronicle's actor, else the listed company it names
        # first (an announcement's 公司 is the announcer)
        # (named in full or in short: "关于浒川 > 发展历程" is about 浙江浒川控股集团有限公司)
        subject = next((m for m in mentions if m.name == chronicle), None) or next(
            (m for m in mentions if chronicle in m.name and m.cls in _TOPICAL), None) if chronicle else None
        if subject is not None and subject.cls == UNKNOWN:
            subject = dataclasses.replace(subject, cls="Company")  # a chronicle is a company's history
        author = _author(text, mentions)
        title = first_line(text)
        if subject is None and author is not None and (names.trade_name(author.name) or author.name) in title \
                and len(_ENTRY_LINE.findall(text)) >= 3:
            subject = author  # an organisation's own timeline, which its title names ("鲸序云五岁了" / "2021.08　获…投资")
        referents = Referents(subject=subject, title=title,
                              # (in the lede: a comparable company's code further on is not the announcer's)
                              listed=_announcer(text, mentions), author=author,
                              own=tuple(m for m in mentions if m.start < _LEDE and m.cls == "Regulator"))
        mi = 0
        for si, (start, end) in enumerate(doc._.sentences):
            while mi < len(mentions) and mentions[mi].start < start:
                mi += 1
            if si in doc._.repeated:
                continue
            referents.begin(text, start)
            local = []
            j = mi
            while j < len(mentions) and mentions[j].end <= end:
                local.append(mentions[j])
                j += 1
            if names.withheld(text, start, end) and not any(m.cls in _TOPICAL for m in local):
                antecedent = None  # "某某公司…。该公司…": the text withholds who 该公司 is
            if (only is not None and si not in only) or not _any_trigger().search(text, start, end):
                # nothing to extract: keep the topic and the last frame of each kind; a venue is
                # no topic ("该公司在微信社群中宣称…")
                antecedent = _carry(kept_by_sentence.get((start, end), []), last_of_frame, text, start, local) or antecedent
                referents.update(local, text, start, end)
                continue
            if antecedent is not None or local:
                local = _resolve_anaphora(text, start, end, local, antecedent, anaphora, referents)
            referents.update(local, text, start, end)
            whole = Masked(text, start, end, local)
            # a body this sentence names stands for its left-out subject ("X局对A处以…，对B处以…")
            given = {m.name for m in local if m.source not in ("anaphor", "bare") and m.cls == "Regulator"}
            following_end = doc._.sentences[si + 1][1] if si + 1 < len(doc._.sentences) else end
            # "与⟦美团⟧旗下即时配送平台⟦美团配送⟧签署…": the owner named before 旗下 takes part in no event
            owners = [m for m in local if text.startswith("旗下", m.end)]
            for_events = Masked(text, start, end, [m for m in local if m not in owners]) if owners else whole
            sentence_dates = dates.in_span(start, end)
            here: list[FrameMatch] = []
            sentence = text[start:end]
            tried: dict[tuple[str, ...], bool] = {}
            for rule in compiled_rules():
                if rule.triggers not in tried:
                    tried[rule.triggers] = any(t in sentence for t in rule.triggers)
                if not tried[rule.triggers]:
                    continue
                taken: list[tuple[int, int]] = []
                masked = for_events if frames_spec[rule.frame]["event"] else whole
                for regex in (rule.strict, rule.opening, rule.loose):
                    if regex is None:
                        continue
                    pos = 0
                    while (m := regex.search(masked.text, pos)) is not None:
                        pos = m.start() + 1
                        if any(a < m.end() and m.start() < b for a, b in taken):
                            continue  # a reading with known mentions came first
                        before = masked.text[:m.start()]
                        if rule.not_after and before.endswith(rule.not_after):
                            continue
                        if rule.opens_with_agent and before.endswith(
                                _prepositions() if frames_spec[rule.frame]["event"] else ("在", "于")) \
                                and not before.endswith(tuple(cues()["names"]["not_prepositions"])):
                            continue  # "在⟦微信⟧上线", "在香港设立子公司": the name is a place, not the agent
                        if rule.opens_with_agent and frames_spec[rule.frame]["event"] and _in_cause(masked.text, m.start()):
                            continue  # "X因…宣称产品“零添加”…，被…罚款": what a cause names takes no part in the event
                        roles: dict[str, list[Argument]] = {}
                        for group, (role, _) in rule.slots.items():
                            if m.group(group) is None:
                                continue  # a slot in an optional part of the pattern ("X(会同Y)约谈Z")
                            args = _arguments(masked, m.start(group), m.group(group), role, frames_spec[rule.frame], rule.bare)
                            roles.setdefault(role, []).extend(args)
                        for role, referent in rule.implicit:
                            if referent == "partners":  # "…签署合作协议，双方联合推出X": both partners
                                if (deal := _last_partnership(here, last_of_frame, text, start)) is not None:
                                    roles[role] = deal.roles["partner"] + deal.roles["copartner"]
                            elif (said := getattr(referents, referent)) is not None:
                                roles[role] = [_argument(said)]
                        if any(not v for v in roles.values()) or any(role not in roles for role, _ in rule.implicit):
                            continue
                        if not rule.attach and any(a.source == "bare" for v in roles.values() for a in v) and not any(
                                a.source not in ("shape", "bare", "anaphor") or a.name in given
                                for v in roles.values() for a in v):
                            continue  # a bare name stands only beside a name the text gives
                        taken.append(m.span())
                        pos = m.end()
                        span = (masked.to_doc(m.start()), masked.to_doc(m.end()))
                        if rule.attach:
                            # the nearest frame of its kind before it in the sentence, else the last one before
                            before = [f for f in here if f.frame == rule.frame and f.span[0] < span[0]]
                            target = max(before, key=lambda f: f.span[0], default=None) or last_of_frame.get(rule.frame)
                            if target is not None and "\n" in text[target.sentence[1]:start]:
                                target = None  # not across paragraphs: a round-up's items are separate rounds
                            if target is not None and (named := _other_round(text, start, span[0], target)):
                                # "…完成B轮融资。去年12月的A轮融资由Y独家投资": an earlier round of the same
                                # company, told from the clause that names it (its amount too)
                                primary = frames_spec[rule.frame]["primary"]
                                frame = self._frame(rule, {primary: target.roles[primary], **roles}, (start, end),
                                                    (named[1], span[1]), text, sentence_dates, local, None,
                                                    following_end)
                                frame.round = named[0]
                                if frame.amount is None and (money := _respective_amount(text, target.sentence, named[0])):
                                    frame.amount, frame.currency = money
                                here.append(frame)
                                continue
                            if target is not None:
                                # "共完成四轮融资，其中2023年11月完成的C轮由Y领投": the round it names is dated
                                if target.sentence == (start, end) and (named := [
                                        d for d in sentence_dates if target.span[1] <= d.start and d.end <= span[0]]):
                                    target.date = named[-1].when.iso()
                                for role, args in roles.items():
                                    target.roles.setdefault(role, []).extend(args)
                                target.attached.append(((start, end), rule.id, rule.confidence))
                            continue
                        if text.startswith(("后", "之后", "以后"), span[1]) and (_REFERS_BACK.search(text, *span) or _told_before(
                                found, rule.frame, roles, _ROUND.search(text, *span))):
                            continue  # "完成本轮融资后，…", "X则在完成B轮融资后的同年8月…": the event told before
                        undated = (rule.frame == "PolicyIssuance" and dates.notice_day) or dates.undated(span[0])
                        if si == 0 and is_headline(text, start, end):
                            undated = None  # a headline gives no date: its event takes the body's
                        if si and "\n" not in text[doc._.sentences[si - 1][1]:start] and (any(
                                a.source == "anaphor" for args in roles.values() for a in args)
                                or "partners" in dict(rule.implicit).values()
                                or cue_pattern("restated", "parallel").match(text, start)):
                            # "X今日通报，…。税务机关依法对该公司…": a sentence that goes on about the last one's
                            # actor or partners ("…达成合作。双方联合推出…"), or tells a parallel one ("…上市。Y则登陆…", "另一起案件中，…"), and names no
                            # time of its own, is of the last one's time
                            # (the last time its paragraph told, before it)
                            told = dates.in_span(text.rfind("\n", 0, start) + 1, start)
                            undated = told[-1].when.iso() if told and told[-1].when.iso() else undated
                        frame = self._frame(rule, roles, (start, end), span, text, sentence_dates, local, undated,
                                            following_end)
                        here.extend(_respectively(_minority_stake(frame, text, local), text, dates))
            for f in here:
                if f.frame == "Launch" and "launcher" not in f.roles:
                    maker = _owner_of(text, f.roles["launchedProduct"][0], owners, local) or referents.subject \
                        or _sole_opener(text, start, local, f.roles["launchedProduct"])
                    if maker is not None:
                        f.roles["launcher"] = [_argument(maker)]
            found.extend(here)
            antecedent = _carry(here, last_of_frame, text, start, local) or antecedent
        # "共完成四轮融资" with nothing more than their sum: a count of rounds, none of them told; a motion
        # (《关于收购…的议案》) is a title no one publishes
        motions = tuple(cues()["documents"]["motions"])
        return [f for f in found if not (f.frame == "FundingRound" and len(f.roles) == 1 and _ROUND_COUNT.search(text, *f.span)
                                         and (f.amount is None or _SUMMED.search(text, f.span[0], f.sentence[1])))
                and not any(a.name.endswith(motions) for a in f.roles.get("policyDocument", []))]

    @staticmethod
    def _frame(rule: Rule, roles, sentence, span, text, sentence_dates, local, undated: str | None,
               following_end: int) -> FrameMatch:
        clause_end = _CLAUSE.search(text, span[1], sentence[1])
        clause_end = clause_end.start() if clause_end else sentence[1]
        clause_start = _clause_start(text, sentence[0], span[0], sentence[0])
        titles = [(m.start, m.end) for m in local if m.cls == "Document"]
        sentence_dates = [d for d in sentence_dates if not any(a <= d.start < b for a, b in titles)]  # "（2023年版）"
        inside = [d for d in sentence_dates if d.end > span[0] and d.end <= span[1]]
        before = [d for d in sentence_dates if d.end <= span[0] and not _in_cause(text, d.start)]  # (not "因公司2022年年报…")
        if len(before) > 1 and _ATTRIBUTIVE.fullmatch(text, before[-1].end, span[0]):
            before.pop()  # "10月9日，我们2021年领投的X在纳斯达克上市": that year tells of the name, not the event
        # else a date after it that dates it: in brackets ("（10月16日）") or when it was done ("于5月20日完成交割")
        after = [d for d in sentence_dates if d.start >= span[1] and _dates_what_precedes(text, d)]
        # when it was done outranks when it was told ("4月25日公告…已于4月24日办理完毕")
        done = [d for d in after if text[d.start - 1] == "于" or _DAY_OF.search(text, max(0, d.start - 12), d.start)]
        date = (done[:1] or inside or before[-1:] or after[:1] or [None])[0]
        scope = text[span[0]:clause_end]
        round_ = _ROUND.search(scope) if rule.frame == "FundingRound" else None
        rest_end = sentence[1]
        if round_ and (other := next((m for m in _ROUND.finditer(text, span[0] + round_.end(), sentence[1])
                                      if m.group() != round_.group() and not _ROUND_ASIDE.match(text, m.end())), None)):
            rest_end = other.start()  # "2020年的B轮由X领投，2022年的C轮则由Y投资，金额为…": that amount is the C round's
        money = _money(rules()["frames"][rule.frame], text[span[0]:rest_end], scope, text[sentence[1]:following_end]) \
            or (_respective_amount(text, sentence, round_.group()) if round_ else None)
        return FrameMatch(
            frame=rule.frame, rule=rule.id, confidence=rule.confidence, roles=roles,
            sentence=sentence, span=span,
            # an undated event: the year heading of its timeline entry, or in a dated news item the item's month
            date=date.when.iso() if date else undated if rules()["frames"][rule.frame]["event"] else None,
            amount=money[0] if money else None, currency=money[1] if money else None,
            round=round_.group().replace("战略投资", "战略融资") if round_ else None,
            status=_status(text, clause_start, span[1], clause_end, local) if rule.modal else "completed",
        )
