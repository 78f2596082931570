"""Names by their shape: trimming a candidate span to a name and guessing its class."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from extract.model import UNKNOWN
from extract.resources import cue_pattern, cues, lexicon

_LEGAL_TAIL = "(?:股份有限公司|有限责任公司|有限公司|集团|控股)"
_ORG_TAIL = re.compile(rf"^(.*?{_LEGAL_TAIL}{_LEGAL_TAIL}*)")
_BAD = re.compile(r"^[一二三四五六七八九十两多数几]+(?:个|家|大|块|项|条)?(?:部委|部门|机构|企业|平台|公司|业务)|(?:性|然|速|断|极|步|力|效|面|时)地$|^(?:[.%％元轮年月日号]|[万亿](?:元|美元|港元|欧元|人民币|股|份|平|家|人|名|个|次|吨|件|单))|[0-9]+(?:余|多)?(?:年|月|日|%|％|万|亿|元|家|个|名|人|次|倍|款|项|位|种)|[<>{}=@#$]|(?i:\bmillion\b|\bbillion\b)|^第[一二三四五六七八九十0-9]{1,3}[章节部篇代]|某|(?:另一|这|该|一)家|[一二三四五六七八九十两几多]+(?:年|个月|天|家|个)$|之一$|^一(?:位|名|个)")  # 某: withheld
# a place in brackets inside a legal name ("汐品国际（新加坡）有限公司")
PLACE_IN_NAME = r"[（(][\u4e00-\u9fff]{2,3}[）)]"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TIME_TAIL = re.compile(r"(?:(?:19|20)\d\d年|[0-9]{1,2}月|[0-9]{1,2}日|[0-9]{1,2}号)+$")
_STOCK_CODE = re.compile(r"\d{4,6}(?:\.[A-Z]{1,2})?")  # "02593.HK" is a listing, not its company
# an actor left unnamed: "一" or "某" and a kind of actor ("广州一MCN机构", "某电商平台")
_UNNAMED = re.compile(r"(?:(?:(?:一|某)(?:家|个|名|些)?|[那这](?:家|个|些))[^\s]{0,8}|(?:部分|若干|多家|数家|众多|其他|其余)[^\s]{0,4})"
                      r"(?:机构|公司|企业|平台|商家|商户|网店|店铺|门店|品牌|集团|经销商|供应商|服务商|客户)$")
# heads after which a stem of kind words names a kind of thing, not one ("跨境直播频道")
_KIND_HEAD = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团|公司|机构|频道|专区|栏目|App|APP|小程序|平台|商城|基金)$")


@lru_cache(maxsize=None)
def _lists() -> dict:
    n = cues()["names"]
    return {
        "lead": sorted(n["lead_words"], key=len, reverse=True),
        "trail": sorted(n["trail_words"], key=len, reverse=True),
        "descriptors": sorted(((d, c) for d, c in n["descriptors"]), key=lambda x: -len(x[0])),
        "nouns_after": [tuple(x) for x in n["nouns_after"]],
        "descriptor_run": re.compile(f"(?:{_alternation(d for d, _ in n['descriptors'])})+"),  # "电商服务商"
        "cut": re.compile("|".join(map(re.escape, sorted(_cut_words(n), key=len, reverse=True)))
                          + "|[" + re.escape(n["stop_chars"]) + "]"),
        "generic": set(n["generic"]),
        "verb_exceptions": tuple(n["verb_exceptions"]),
        "modality": tuple(w for words in cues()["modality"].values() for w in words if len(w) > 1),
        "generic_heads": tuple(n["generic_heads"]),
        "name_tails": tuple(n["name_tails"]),
        "kind_stem": re.compile(n["kind_stem"]),
        "bullets": re.compile(f"^(?:[{n['bullets']}]+|\\d{{1,2}}[.．](?!\\d))"),  # ("1.余杭区商务局…": an item's number)
        # tails that are all a name found by shape would leave: legal and organisational
        # forms ("…控股集团|有限公司" is one name)
        "suffix_only": re.compile(rf"(?:{_LEGAL_TAIL}|{'|'.join(n['organisation_tails'])})+$"),
        "class_cues": [(re.compile(c["pattern"]), c["class"]) for c in cues()["class_cue"]],
        "legal_suffixes": tuple(sorted(n["legal_suffixes"], key=len, reverse=True)),  # the longest tail first
        "places": re.compile(n["places"]),
        "exchange_board": re.compile(n["exchange_board"]),
        "sector_stems": frozenset(cues()["orgs"]["sector_stems"]),
    }


def _cut_words(n: dict) -> set[str]:
    """Words no name holds: the verbs of cues.toml and the triggers of the rules, but for
    those that known names or describing nouns contain (市场监管总局, 自有品牌)."""
    from extract.resources import rules
    known = [name for entry in lexicon() for name in (entry["zh"], *entry.get("aliases", []))]
    known += [d for d, _ in n["descriptors"]]
    triggers = {t for frame in rules()["frames"].values() for t in frame["triggers"]
                if len(t) > 1 and not any(t in name for name in known)}
    return set(n["verbs"]) | triggers


def _alternation(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


def _name_ends() -> str:
    """What may follow a name: a verb, a trailing word, punctuation ("获", "正式", "（")."""
    n = cues()["names"]
    return _alternation([*n["verbs"], *n["trail_words"], *n["described_ends"]])


@lru_cache(maxsize=None)
def described_pattern() -> re.Pattern:
    """A name after a describing noun and before what it does ("冷链物流企业霜驿物流本周一宣布")."""
    n = cues()["names"]
    return re.compile(r"(?<=[\u4e00-\u9fffA-Za-z]{2})(?<!有限)(?<!责任)(?<!股份)(?<![该本此这各其每])"
                      rf"(?P<noun>{_alternation(n['described_nouns'])})(?!{_alternation(d for d, _ in n['descriptors'])})"
                      rf"(?P<name>[\u4e00-\u9fffA-Za-z0-9·]{{2,6}}?)(?={_name_ends()})")


@lru_cache(maxsize=None)
def name_end() -> re.Pattern:
    """Matches where a name may end: before a verb or trailing word, an amount ("1.8亿元B轮"), or no
    character of a name."""
    return re.compile(rf"(?:{_name_ends()}|(?:约|近|逾|超)?[0-9][0-9.,]*[万亿]|[^\u4e00-\u9fffA-Za-z0-9·]|$)")


def definitions(text: str) -> list[tuple[str, str]]:
    """(short name, full name) of each line of a definitions section ("蘼芜电商　指　杭州蘼芜电子商务有限公司")
    whose full name is a name, and of an announcement's stock short name: the short names are the
    actor's in the whole document."""
    out = []
    for m in cue_pattern("names", "definition").finditer(text):
        full = m.group("full").strip()
        if is_name(full) and not re.search(r"\d", full):
            out += [(short.strip(), full) for short in re.split("[、/]", m.group("short"))
                    if short.strip() != full and _declared_name(short.strip())]
    short = cue_pattern("names", "stock_short").search(text, 0, 600)
    full = cue_pattern("names", "legal_line").search(text, 0, 600)
    if short and full and is_name(short.group("short")):
        out.append((short.group("short"), full.group("full")))  # "证券简称：澄岳股份" over "浙江澄岳新材料股份有限公司"
    return out


def _declared_name(short: str) -> bool:
    """A short name the text declares: a name, or a name's stem and trade ("络纬数据") that only a
    generic word or a number is not."""
    return is_name(short) or (2 <= len(short) <= 12 and short not in _lists()["generic"]
                              and not re.search(r"\d", short))


def joined_name_start(name: str) -> int:
    """Where a legal name opened by a place starts after a copula or a describing noun before it
    ("拼团喵为深圳喵力科技有限公司", "美术外包团队成都墨鲤数字科技有限公司"), else 0."""
    for m in _joints().finditer(name):
        if m.start() >= 2 and _lists()["places"].match(name[m.end():]):
            return m.end()
    return 0


@lru_cache(maxsize=None)
def _joints() -> re.Pattern:
    return re.compile(_alternation(["为", "是", "系", "团队", *cues()["names"]["described_nouns"]]))


def has_cut(text: str) -> bool:
    """Whether `text` holds a verb or function word, so cannot lie inside one name."""
    return _lists()["cut"].search(text) is not None


_WITHHELD = re.compile(r"某(?:某|[\u4e00-\u9fff]{0,8}?(?:公司|企业|平台|品牌|机构|商家|集团|商行|商店|经营部|工作室|门店|网店|店铺|主播))")


def withheld(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names a party the text withholds (某某公司, 某电商平台)."""
    return _WITHHELD.search(text, start, end) is not None


def descriptor_before(text: str, end: int) -> str | None:
    """The class hinted by a describing noun that ends at `end` ("…工具" before a name)."""
    return next((c for w, c in _lists()["descriptors"] if text.endswith(w, max(0, end - len(w)), end)), None)


def descriptor_class(word: str) -> str | None:
    """The class a describing noun hints at (平台 -> Platform; 直播间 after a quoted name -> Company)."""
    return next((c for w, c in _lists()["descriptors"] + _lists()["nouns_after"] if w == word), None)


def nouns_after() -> list[str]:
    """The nouns that type only the quoted name before them."""
    return [w for w, _ in _lists()["nouns_after"]]


def has_legal_suffix(name: str) -> bool:
    return name.endswith(_lists()["legal_suffixes"]) and len(name) > 4


def is_kind(words: str) -> bool:
    """Whether `words` only say what trade ("物流", "网络科技"), naming no one."""
    return bool(words) and _lists()["kind_stem"].match(words) is not None


def trade_name(key: str) -> str | None:
    """The name in a legal name's key before the words of its trade (黛湄日化 -> 黛湄), unless
    jieba's dictionary has it as a word other than a proper noun: a word (电子商务 -> 电子) names no one."""
    for i in range(2, min(len(key) - 1, 5)):
        if is_kind(key[i:]):
            stem = key[:i]
            tag = _word_tags().get(stem)
            ok = re.fullmatch(r"[\u4e00-\u9fff]+", stem) and (tag is None or tag in cues()["names"]["proper_noun_tags"]) \
                and is_name(stem)
            return stem if ok else None
    return None


def cut_pattern() -> str:
    """The regex of the verbs and function words no name holds."""
    return _lists()["cut"].pattern


def is_cut(text: str) -> bool:
    """Whether `text` is one verb or function word and nothing more ("立案" in "远洋优品立案")."""
    return _lists()["cut"].fullmatch(text) is not None


def strip_edges(span: str) -> str:
    """`span` without clause openers and closers ("近日", "正式") at its ends."""
    lists = _lists()
    span = lists["bullets"].sub("", span)  # "▍岑羽互娱": a list's bullet
    changed = True
    while changed:
        changed = False
        if (time := _TIME_TAIL.search(span)) and time.start() >= 2:
            span, changed = span[:time.start()], True  # "箫韶文化今年7月|以…拿下"
        for word in lists["lead"]:
            if span.startswith(word) and len(span) > len(word):
                span, changed = span[len(word):], True
        for word in lists["trail"]:
            if span.endswith(word) and len(span) > len(word):
                rest = span[: -len(word)]
                if word in ("控股", "股份") and not _ORG_TAIL.fullmatch(rest):
                    continue  # "潮汐控股" is a name; "金穗集团控股" is a name and a verb
                span, changed = rest, True
    return span


def trim(span: str) -> tuple[str, int, str | None] | None:
    """Trim a candidate span to a name: (name, offset of the name in span, class hint).

    Strips clause openers and closers ("近日", "正式"), and a describing noun before the
    name ("电商聚合公司Rainforest" -> "Rainforest", hint Company). None if nothing
    name-like is left.
    """
    lists = _lists()
    offset, hint = 0, None
    cuts = [m for m in lists["cut"].finditer(span)
            if not any(span.startswith(e, m.start()) or span[:m.end()].endswith(e) for e in lists["verb_exceptions"])]
    if cuts:  # a name starts after the last verb or function word, and ends before the next
        last = cuts[-1]
        if last.end() < len(span):
            offset, span = last.end(), span[last.end():]
        else:
            prev = cuts[-2].end() if len(cuts) > 1 else 0
            offset, span = prev, span[prev:last.start()]
    stripped = strip_edges(span)
    offset += span.find(stripped)
    span = stripped
    # the name is what follows the last describing noun that leaves a name after it
    best = max(((end, w, c) for w, c in lists["descriptors"] if w in span for end in _ends(span, w)
                if len(span) - end >= 2 and not lists["suffix_only"].match(span, end)
                # (nor a trade and a legal tail: "长沙沅湘农产品|供应链有限公司" is one name; nor a
                # describing noun and an organisation's tail: "长三角品牌电商|服务商联盟")
                and not is_kind(core := lists["suffix_only"].sub("", span[end:]))
                and not (core != span[end:] and lists["descriptor_run"].fullmatch(core))), default=None)
    if best:
        end, word, hint = best
        if _UNNAMED.match(without_place(span[:end])) and class_of(span[end:]) == UNKNOWN and not trade_name(span[end:]):
            return None  # "青岛一电商公司虚构原价被罚": a company left unnamed; what follows is no name
        offset, span = offset + end, span[end:]
        stripped = strip_edges(span)  # "投资方|为|芥子天使基金"
        offset, span = offset + max(span.find(stripped), 0), stripped
    m = _ORG_TAIL.match(span)
    if m:
        span = m.group(1)
    span = re.sub(r"(?<=[\u4e00-\u9fff])[0-9.]+$", "", span)  # "某某公司100" (…100%股权)
    span = re.sub(r"(?<=[\u4e00-\u9fff])(?:[A-Fa-f][0-9]?\+{0,2}|天使|种子|Pre-?[A-Fa-f])轮?$", "", span)  # "集好物A轮"
    span = span.strip(" ·-_.")
    if not is_name(span):
        return None
    return span, offset, hint


def _ends(span: str, word: str) -> list[int]:
    return [m.end() for m in re.finditer(re.escape(word), span)]


def plausible(name: str, hint: str | None) -> bool:
    """Whether a name found by shape alone can stand: it is Latin script (Temu, SHEIN), its
    form tells its class (…有限公司, …资本), or a describing noun introduced it."""
    if re.search(r"[A-Za-z]{2}", name) or class_of(name) != UNKNOWN or trade_name(name):
        return True
    if hint in ("Brand", "Product"):  # "自有品牌专妍", "App国美美店": a naming noun
        return True
    return hint is not None  # "社交电商平台鲸灵": the noun introduces the name


@lru_cache(maxsize=None)
def _word_tags() -> dict[str, str]:
    """jieba's dictionary: word -> part of speech."""
    import jieba.posseg
    return jieba.posseg.dt.word_tag_tab


def common_word(word: str) -> bool:
    """Whether `word` is a word of the dictionary of a class no name is in (a verb, an
    adjective, an adverb, a numeral or measure word, a pronoun, a function word)."""
    tag = _word_tags().get(word)
    return tag is not None and tag[0] in cues()["names"]["common_word_tags"]


def common_noun(word: str) -> bool:
    """Whether `word` is a common noun of jieba's dictionary ("视野", "团长")."""
    return _word_tags().get(word) == "n"


def clause_words(name: str) -> bool:
    """Whether `name` is words of a clause: common words only, an adverb and a verb among them ("曾|有意")."""
    import jieba
    tags = [_word_tags().get(w, "") for w in jieba.cut(name)]
    return all(t[:1] in cues()["names"]["common_word_tags"] for t in tags) \
        and any(t.startswith("d") for t in tags) and any(t.startswith("v") for t in tags)


def holds_function_word(name: str) -> bool:
    """Whether `name` holds a word of two or more characters that only a clause holds, of the parts
    of speech cues.toml lists (a pronoun: "这笔钱几乎"): a name found by shape alone never does."""
    import jieba
    tags = _word_tags()
    return any(len(w) > 1 and tags.get(w, " ")[0] in cues()["names"]["function_word_tags"] for w in jieba.cut(name))


def starts_mid_word(text: str, start: int) -> bool:
    """Whether a common word runs across `start` from before it ("完|成交割", "一|条路径"):
    a name found by shape alone never begins inside a word."""
    return any(common_word(text[a:b]) for a in range(max(0, start - 3), start) for b in range(start + 1, start + 4))


def in_audience(text: str, start: int) -> bool:
    """Whether `start` lies in the words that say whom something serves ("面向品牌导购的工具")."""
    return _audience().search(text, max(0, start - 12), start) is not None


@lru_cache(maxsize=None)
def _audience() -> re.Pattern:
    return re.compile(f"(?:{'|'.join(cues()['names']['audience'])})[^，。；！？的⟦⟧]*$")


def is_name(name: str, heads: bool = True) -> bool:
    """Whether `name` may be a name; `heads=False` lets it end in a generic head ("余杭好主播" as
    what a launch verb names in quotes)."""
    lists = _lists()
    if not 2 <= len(name) <= 24 or _BAD.search(name) or len(re.findall(r"\w", name)) < 2:
        return False
    if name in lists["generic"] or heads and name.endswith(lists["generic_heads"]) and not name.endswith(
            lists["name_tails"]) and not _trade_short(name) or name in lists["lead"] or name in lists["trail"]:
        return False
    if name.startswith(lists["modality"]):  # "计划…", "传出拟…": no name begins with a modal word
        return False
    if any(_CJK.search(name, name.index(w) + len(w)) for w in lists["modality"] if w in name):
        return False  # "檀集计划择机": nor holds one before more words ("…计划2.0" is a name)
    core = re.sub(r"(App|APP|app|小程序|平台|网站)$", "", name)
    if core != name and (len(core) < 2 or core in lists["generic"] or core.endswith(lists["generic_heads"])):
        return False  # "社交电商App" names a kind of app, not one
    if re.fullmatch(r"[A-Za-z]", name) or re.fullmatch(r"[\W\d_]+", name) or _STOCK_CODE.fullmatch(name):
        return False
    stem = lists["suffix_only"].sub("", name)
    if stem != name and (not stem or stem in lists["generic"] or len(stem) == 1 and _CJK.match(stem)):
        return False  # "公司控股" in "成为公司控股子公司"; "人控股" in "实际控制人控股的企业"
    if name.endswith("股份") and common_word(name[:-2]):
        return False  # "新增股份" are shares, not a company
    if _UNNAMED.match(without_place(name)):
        return False  # "广州一MCN机构", "某电商平台": an actor the text leaves unnamed
    tail = _KIND_HEAD.search(name)
    if tail and lists["kind_stem"].match(name[: tail.start()] or "-"):
        return False  # "零售集团", "直播频道": a kind of thing, not one
    return True


def _trade_short(name: str) -> bool:
    """Whether `name` is a trade name and a trade word that no describing noun ends ("青禾数据",
    not "茶饮品牌"): a short company name, though its last word is often a generic head."""
    return trade_name(name) is not None and not name.endswith(tuple(d for d, _ in _lists()["descriptors"]))


def short_trade_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], two characters and a trade word, is a name: its two characters are
    not in the dictionary or are a proper noun there, name no sector (`sector_stems`: 具身智能, 私域电商)
    and open with no preposition (以大数据), no dictionary word runs into it from before
    ("商务部电子…"), the whole is no word ("保健食品"), and a name may end after it."""
    stem, name, tags = text[start:start + 2], text[start:end], _word_tags()
    if stem in tags and tags[stem] not in cues()["names"]["proper_noun_tags"] or name in tags \
            or stem in _lists()["sector_stems"] or stem[0] in cues()["orgs"]["not_first"]:
        return False
    if any(text[a:b] in tags for a in range(max(0, start - 3), start) for b in range(start + 1, start + 4)):
        return False
    return is_name(name) and not has_cut(name) and name_end().match(text, end) is not None


def class_of(name: str) -> str:
    """The class a name's own form tells (人民政府 -> Regulator), or UNKNOWN."""
    for pattern, cls in _lists()["class_cues"]:
        if pattern.search(name):
            return cls
    return UNKNOWN


def without_place(name: str) -> str:
    """`name` without the place it opens with (上海芩溪集团 -> 芩溪集团)."""
    return _lists()["places"].sub("", name)


def normal_key(name: str) -> str:
    """The key under which two surface names of one actor meet: 北京快手科技有限公司 -> 快手."""
    key = re.sub(r"\s*[（(][^）)]*[）)]$", "", name)
    key = cue_pattern("names", "latin_legal_tail").sub("", key)  # Corvella S.r.l. -> Corvella
    key = re.sub(r"[\s·\"“”「」«»]", "", key).lower()
    key = re.sub(rf"(?<=.){PLACE_IN_NAME}(?=.)", "", key)  # 潮汐云仓（深圳）科技有限公司: its place
    key = _lists()["exchange_board"].sub(r"\1", key)
    key = re.sub(r"^(?:中国证监会|中国证券监督管理委员会)(.{2,4}?)监管局$", r"\1证监局", key)  # 浙江证监局
    key = key.replace("市场监督管理", "市场监管")  # 杭州市市场监管局 = 杭州市市场监督管理局
    base = key
    for suffix in _lists()["legal_suffixes"]:
        if base.endswith(suffix) and len(base) - len(suffix) >= 2:
            base = base[: -len(suffix)]
            break
    if base != key:
        stripped = _lists()["places"].sub("", base)
        if len(stripped) >= 2:
            base = stripped
    return base


@lru_cache(maxsize=None)
def lexicon_index() -> dict[str, dict]:
    """Every lexicon name (and its normal key) -> its entry."""
    index: dict[str, dict] = {}
    for entry in lexicon():
        for name in [entry["zh"], entry.get("en") or "", *entry.get("aliases", [])]:
            if name:
                index.setdefault(name, entry)
                index.setdefault(normal_key(name), entry)
    return index
