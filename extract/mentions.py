"""The `sekg_mentions` component: actor, product and document names in a doc.

Names come from the lexicon (matched on characters, so jieba's segmentation cannot split
them) and from their shape: 《titles》, quoted names, government bodies, organisation
suffixes. Shape-found names of unknown class become entities only if a rule uses them.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract import names
from extract.model import UNKNOWN, Mention, doc_text, token_starts
from extract.resources import cue_pattern, cues, lexicon

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_QUOTED = re.compile(r"[“\"「«]([^“”\"「」«»\n，。；,;]{1,24})[”\"」»]")
# a stock code in brackets right after a name: "万象零售（603528.SH）", "（股票代码：9683.HK）"
# the label a bracketed stock code may have ("（股票代码：…）", "（股份代号：1986）")
_CODE_LABEL = r"(?:(?:股票|证券)?代码[:：]?\s*|股份代号[:：]?\s*)?"
STOCK_CODE = re.compile(r"\s*[（(]\s*" + _CODE_LABEL + r"((?:NYSE|NASDAQ|HK|SH|SZ)[:：]\s*\w+|\d{4,6}(?:\.(?:HK|SH|SZ|BJ))?|[A-Z]{2,5}(?:\.[A-Z]{1,2})?)\s*[)）]")
_CODE_BRACKET = re.compile(r"[（(][^（()）\n]{0,14}?(?:(?:NYSE|NASDAQ|Nasdaq|HK|SH|SZ|BJ)[:：]\s*[A-Za-z0-9.]+|\d{4,6}(?:\.(?:HK|SH|SZ|BJ))?)\s*[)）]")
# a run of name characters before a suffix, which may hold its place in brackets
# ("汐品国际（新加坡）有限公司", "菡星（上海）信息技术有限公司")
_NAME_RUN = re.compile(rf"[A-Za-z0-9\u4e00-\u9fff]{{2,}}(?:{names.PLACE_IN_NAME}[A-Za-z0-9\u4e00-\u9fff]{{0,6}})?$")
_PLACE_INSIDE = re.compile(rf"{names.PLACE_IN_NAME}(?=[A-Za-z0-9\u4e00-\u9fff]{{0,6}}$)")
# where a listed company's stock code follows its name: "万象零售（603528.SH）"
_CODE_AHEAD = re.compile(r"(?=[（(]\s*" + _CODE_LABEL + r"(?:(?:NYSE|NASDAQ|HK|SH|SZ)[:：]\s*[A-Z0-9]+|\d{4,6}\.(?:HK|SH|SZ|BJ)|[0-9]\d{5}|0\d{4})\s*[)）])")
# after a name: what makes it a news outlet ("新京报贝壳财经讯", "新浪科技讯")
_OUTLET = re.compile(r"(?:财经|科技|新闻|网)?讯|获悉[，,]")  # ("消费界Daily获悉，…")
_HEARD_FROM = re.compile(r"从[^，。；！？\n]{0,16}$")  # ("记者从…品牌Pawsome获悉": the source, not the outlet)
_SOURCE_RANK = {"lexicon": 0, "title": 1, "body": 2, "quoted": 3, "org": 4, "stem": 4, "trade": 4, "latin": 5, "described": 6}


@lru_cache(maxsize=None)
def _lexicon_pattern() -> re.Pattern:
    surface = set()
    for entry in lexicon():
        surface.update([entry["zh"], *entry.get("aliases", [])])
        if entry.get("en"):
            surface.add(entry["en"])
    # ASCII names only as whole words: "RED" is not in "REDUCE"
    ascii_names = sorted((a for a in surface if a.isascii()), key=len, reverse=True)
    cjk = _trie_regex([a for a in surface if not a.isascii()])
    latin = "|".join(re.escape(a) for a in ascii_names)
    return re.compile(f"{cjk}|(?<![A-Za-z])(?:{latin})(?![A-Za-z])")


def _trie_regex(words: list[str]) -> str:
    """One regex for many names, as a character trie: far faster than a flat alternation,
    and still longest-first (greedy branches before the end of a shorter name)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@lru_cache(maxsize=None)
def _latin() -> tuple[re.Pattern, frozenset[str]]:
    spec = cues()["latin"]
    return re.compile(spec["pattern"]), frozenset(spec["not_names"])


@lru_cache(maxsize=None)
def _trade_pattern() -> re.Pattern:
    spec = cues()["orgs"]
    tails = "|".join(sorted(spec["trade_tails"], key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=[{spec['trade_after']}]))[\u4e00-\u9fff]{{2}}(?:{tails})")


@lru_cache(maxsize=None)
def _shape_patterns() -> tuple[re.Pattern, re.Pattern]:
    c = cues()
    body = re.compile(c["bodies"]["pattern"])
    org = re.compile("(?:" + c["orgs"]["suffix"] + ")+")
    return body, org


def find_mentions(text: str) -> list[Mention]:
    """All names in `text`, non-overlapping, longest first, the lexicon winning ties."""
    index = names.lexicon_index()
    found: list[Mention] = []
    extension = cue_pattern("extension", "pattern")
    for m in _lexicon_pattern().finditer(text):
        entry = index[m.group()]
        longer = extension.match(text, m.end())
        if longer and not _lexicon_pattern().match(text, m.end()) and not names.has_cut(longer.group()):
            name = m.group() + longer.group()
            cls = names.class_of(name)  # 美团优选: a platform of its own, of its parent's kind
            found.append(Mention(m.start(), longer.end(), name, entry["class"] if cls == UNKNOWN else cls, None, "org"))
        elif entry["class"] == "Regulator" and text[m.start() - 1:m.start()] in _PLACE_ENDS:
            continue  # "湖北省委网信办" is a province's office, not the national one
        else:
            found.append(Mention(m.start(), m.end(), m.group(), entry["class"], entry["zh"], "lexicon"))
    papers, agreements = tuple(cues()["documents"]["case_papers"]), tuple(cues()["documents"]["agreements"])
    for m in _TITLE.finditer(text):
        title = m.group(1).strip()
        # 《行政处罚决定书》 is served and 《合作协议》 signed: not published (but "发布《平台服务协议》" is)
        published = cue_pattern("documents", "published").search(text, max(0, m.start() - 4), m.start()) is not None
        if not title.endswith(papers) and (published or not title.endswith(agreements)):
            found.append(Mention(m.start(), m.end(), title, "Document", None, "title"))
    for m in cue_pattern("documents", "bare_title").finditer(text):
        found.append(Mention(m.start(1), m.end(1), m.group(1).strip(), "Document", None, "title"))
    for m in _QUOTED.finditer(text):
        inner = m.group(1).strip()
        entry = index.get(inner) or index.get(names.normal_key(inner))
        if entry:
            found.append(Mention(m.start(), m.end(), inner, entry["class"], entry["zh"], "lexicon"))
        elif names.is_name(inner, heads=not cue_pattern("names", "launched").search(text, max(0, m.start() - 4), m.start() + 1)):
            found.append(Mention(m.start(), m.end(), inner, names.class_of(inner), None, "quoted"))
    latin, not_names = _latin()
    for m in latin.finditer(text):
        if len(m.group()) >= 3 and m.group() not in not_names and m.group() not in index:
            cls = names.class_of(m.group())  # a Latin name in Chinese text names an organisation or brand,
            if cls == UNKNOWN:  # unless the noun before it says otherwise ("人工智能工具SellerPilot")
                cls = names.descriptor_before(text, m.start()) or "Company"
            found.append(Mention(m.start(), m.end(), m.group(), cls, None, "latin"))
            if text[m.start() - 1:m.start()] in ("（", "(") and text[m.end():m.end() + 1] in ("）", ")"):
                # "同赛道的亿航智能（EHang）": the Chinese name the bracket gives in English
                found.extend(n for n in _name_before(text, m.start() - 1, cls)
                             if names.is_name(n.name) and not names.common_word(n.name))
        if cue_pattern("latin", "mixed_tails").match(m.group()):  # "云帆Cloud": a mixed name, longer than its Latin part
            head = _name_before(text, m.start(), "Company")
            if head and 2 <= len(head[0].name) <= 6:
                name = head[0].name + m.group()
                cls = names.class_of(name)
                found.append(Mention(head[0].start, m.end(), name, "Company" if cls == UNKNOWN else cls, None, "latin"))
    body, org = _shape_patterns()
    body_ends = []
    for m in body.finditer(text):
        cls = names.class_of(m.group())  # (a consumer council is a place's body but no regulator)
        found.append(Mention(m.start(), m.end(), m.group(), cls if cls == "Association" else "Regulator", None, "body"))
        body_ends.append(m.end())
    for m in org.finditer(text):  # a suffix, and the run of name characters before it
        # (not from inside a body: "…市场监督管理局召集峦山传媒")
        reach = max([e for e in body_ends if m.start() - 14 < e <= m.start()], default=max(0, m.start() - 14))
        left = _NAME_RUN.search(text, reach, m.start())
        if left is None:
            continue
        candidate = text[left.start():m.end()]
        # a place in brackets inside the name ("瀚屿投资（深圳）有限公司") is read past, then put back
        place = _PLACE_INSIDE.search(candidate)
        trimmed = names.trim(candidate[:place.start()] + candidate[place.end():] if place else candidate)
        if trimmed and place:  # (a name that starts after the place is none)
            at = place.start() - trimmed[1]
            trimmed = (trimmed[0][:at] + place.group() + trimmed[0][at:], trimmed[1], trimmed[2]) if at > 0 else None
        if trimmed and trimmed[0].endswith(m.group()):
            name, offset, hint = trimmed
            copula = _COPULA.match(name)  # "闪驿科技为快驿集团": two names, the second one here
            cut = copula.end() if copula else names.joined_name_start(name)  # "拼团喵为深圳喵力科技有限公司"
            if cut:
                offset, name = offset + cut, name[cut:]
            start = left.start() + offset
            found.append(Mention(start, start + len(name), name, names.class_of(name) or hint or UNKNOWN, None, "org"))
    for m in _trade_pattern().finditer(text):  # "我们领投的栎庐医疗，6月在港交所挂牌"
        if names.short_trade_name(text, m.start(), m.end()):
            cls = names.class_of(m.group())
            found.append(Mention(m.start(), m.end(), m.group(), "Company" if cls == UNKNOWN else cls, None, "trade"))
    for m in names.described_pattern().finditer(text):
        name, start, kind = m.group("name"), m.start("name"), names.descriptor_class(m.group("noun"))
        if m.group("noun").startswith("旗下") and (own := names.trim(name)) and own[0] != name and name.endswith(own[0]) \
                and not re.match(r"[0-9一二两三四五六七八九十几多数各]", name):  # (not "旗下三家公司整体入驻")
            # "X旗下调味品牌椒语": the owner's noun is followed by the name's own
            name, start, kind = own[0], start + len(name) - len(own[0]), own[2]
        if names.is_name(name) and not names.has_cut(name) and names.strip_edges(name) == name \
                and not names.in_audience(text, m.start()) and not names.common_word(name) \
                and not (names.common_noun(name) and not m.group("noun").startswith("旗下")):
            cls = names.class_of(name)
            found.append(Mention(start, start + len(name), name, (kind or UNKNOWN) if cls == UNKNOWN else cls, None,
                                 "described"))
    subject = chronicle_subject(text)
    if subject:  # the actor a chronicle is about is a name wherever it stands
        for m in re.finditer(re.escape(subject), text):
            cls = names.class_of(subject)
            found.append(Mention(m.start(), m.end(), subject, "Company" if cls == UNKNOWN else cls, None, "org"))
    for m in _CODE_AHEAD.finditer(text):  # (a stock forum's board is its company's: "岑浦科技吧(300947)")
        found.extend(_name_before(text, m.start() - (text[m.start() - 1:m.start()] == "吧"), "Company"))
    for m in cue_pattern("names", "announcer").finditer(text):  # "4. 蔻町美妆公告，…": a company
        name = m.group("name")
        trimmed = names.trim(name)
        if trimmed and trimmed[0] == name and not names.has_cut(name) and name not in index:
            cls = names.class_of(name)
            found.append(Mention(m.start("name"), m.end("name"), name, "Company" if cls == UNKNOWN else cls, None, "described"))
    for m in cue_pattern("names", "officer").finditer(text):  # "邻穗创始人兼CEO乔望舒": 邻穗 is an organisation
        found.extend(Mention(n.start, n.end, n.name, n.cls, None, "described") for n in _name_before(text, m.start(), "Company")
                     if n.cls not in ("Person", "Regulator") and names.is_name(n.name)
                     and not names.holds_function_word(n.name))  # (not "店里只有创始人X")
    codes = [m.span() for m in _CODE_BRACKET.finditer(text)]  # "（NYSE: YULN）" names a ticker, not a company
    # "新浪科技讯 4月19日消息": the outlet a story comes from is no actor in it
    found = [m for m in found if not any(a <= m.start and m.end <= b for a, b in codes)
             and not (_OUTLET.match(text, m.end) and m.cls != "Regulator"
                      and not _HEARD_FROM.search(text, max(0, m.start - 16), m.start))]
    found += _recurrences(text, found)
    return _attach_stock_codes(text, local_bodies(_boards_joined(_typed_by_context(text, _non_overlapping(found)))))


def _recurrences(text: str, found: list[Mention]) -> list[Mention]:
    """Names a cue found once, wherever else they stand: the name a describing noun or a stock
    code introduced ("矽澜微电子（688617.SH）" and the headline's "矽澜微电子"), a declared short
    name, and a legal name's short form ("晟芯半导体" after "深圳晟芯半导体有限公司")."""
    recurring: dict[str, str] = {}
    placed: dict[str, str] = {}  # a name without its place -> the name with it
    stems: set[str] = set()  # trade names, which recur only where a name may end ("黛湄正式…", not "鹤屿邻里")
    shorts = {m.name for m in found if m.source == "trade"}  # short trade names take no trade word after ("栎庐医疗|发展迅速")
    declaration = cue_pattern("names", "alias_declaration")
    for m in found:
        if m.cls == "Document":
            continue
        if m.source in ("described", "trade") or STOCK_CODE.match(text, m.end, m.end + 30):
            recurring.setdefault(m.name, m.cls)
        if (alias := declaration.match(text, m.end)) and names.is_name(short := alias.group("short").strip()):
            recurring.setdefault(short, m.cls)  # "苏州颐霁医疗科技股份有限公司（简称“颐霁医疗”）"
        elif m.source == "org" and names.has_legal_suffix(m.name):
            short = names.normal_key(m.name)
            if short != m.name.lower() and len(short) >= 3 and short[0] >= "\u4e00" and names.is_name(short):
                recurring.setdefault(short, m.cls)
            stem = names.trade_name(short)  # "杭州黛湄日化有限公司" and "黛湄"
            if stem is None and len(short) == 2 and short[0] >= "\u4e00" and names.is_name(short) \
                    and not names.common_word(short):
                stem = short  # "湖南瓴选电子商务有限公司" and "瓴选"
            if stem is not None:
                stems.add(stem)
                recurring.setdefault(stem, m.cls)
            unplaced = names.without_place(m.name)  # "上海芩溪集团" -> "芩溪集团"
            if unplaced != m.name and len(unplaced) >= 4 and names.is_name(unplaced):
                recurring.setdefault(unplaced, m.cls)
                placed[unplaced] = m.name
    for short, full in names.definitions(text):  # "发行人、公司　指　杭州蘼芜生活科技股份有限公司"
        cls = names.class_of(full)
        recurring.setdefault(short, cls if cls != UNKNOWN else "Company")
    if not recurring:
        return []
    pattern = re.compile("|".join(map(re.escape, sorted(recurring, key=len, reverse=True))))
    out = []
    for m in pattern.finditer(text):
        if m.group() in placed and text.endswith(placed[m.group()], 0, m.end()):
            continue  # (not the tail of the full name where it stands: "由浙江金穗集团控股")
        # a trade word after it makes another name of the same stem ("藜原股份" recurs as 藜原, but
        # "藜原乳业" is a name of its own)
        trade = next((k for k in (4, 3, 2) if names.is_kind(text[m.end():m.end() + k])), 0) if m.group() not in shorts else 0
        bare_stem = m.group() in stems and not trade
        if bare_stem and not names.name_end().match(text, m.end()):
            continue
        out.append(Mention(m.start(), m.end() + trade, text[m.start():m.end() + trade], recurring[m.group()], None,
                           "stem" if bare_stem else "org"))
    return out


def _boards_joined(mentions: list[Mention]) -> list[Mention]:
    """"深圳证券交易所创业板": a board right after its exchange is part of that one name."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev and prev.cls == m.cls == "Exchange" and prev.end == m.start and m.name.endswith("板"):
            out[-1] = Mention(prev.start, m.end, prev.name, prev.cls, prev.key, prev.source, prev.stock_code)
        else:
            out.append(m)
    return out


_PLACE_ENDS = ("省", "市", "区", "县", "委")
_BARE_BODY = re.compile(r"[省市区县][局厅委]")  # "市局", "省厅"
_DISTRICT = re.compile(r"[\u4e00-\u9fff]{2}(?:区|县)(?!域)")


def local_bodies(mentions: list[Mention]) -> list[Mention]:
    """"省商务厅" after "湖北省商务厅" is that body: a body named without its place takes the
    place of a body of the same name in the document."""
    full = body_places({m.name for m in mentions if m.cls == "Regulator"})
    return [Mention(m.start, m.end, full[m.name], m.cls, None, m.source, m.stock_code) if m.name in full else m
            for m in mentions]


def short_body(name: str) -> str:
    """A body's name in its short form: 市监局 = 市场监管局 = 市场监督管理局, 商务委 = 商务委员会,
    市委网信办 = 中共…市委网络安全和信息化委员会办公室."""
    return name.removeprefix("中共").replace("网络安全和信息化委员会办公室", "网信办").replace("监督管理", "监管") \
        .replace("市场监管", "市监").replace("委员会", "委")


def body_places(bodies: set[str]) -> dict[str, str]:
    """Each body named without its place ("市商务局") -> the one body of that name with its
    place among `bodies` ("成都市商务局"), when there is exactly one; and each body's shorter name
    -> its fullest one."""
    def level(name: str) -> str | None:  # the last place word: "杭州市西湖区…局" is a district's
        found = re.findall(r"省|市(?!场)|区|县", name)
        return found[-1] if found else None

    out = {}
    for b in bodies:  # one body under two names ("…市委网信办", "…市委网络安全和信息化委员会办公室"): the fuller
        fullest = max((c for c in bodies if short_body(c) == short_body(b)), key=lambda c: (len(c), c))
        if fullest != b:
            out[b] = fullest
    partial = {b for b in bodies if b.startswith(_PLACE_ENDS) or _DISTRICT.match(b)}  # "余杭区…局": no city
    for name in partial:
        full = [b for b in bodies if b != name and short_body(b).endswith(short_body(name)) and not b.startswith(_PLACE_ENDS)]
        if _BARE_BODY.fullmatch(name):  # "市局": the one bureau of that level the document names in full
            full = [b for b in bodies if b not in partial and b.endswith(name[-1]) and level(b) == name[0]]
        if len(full := {out.get(b, b) for b in full}) == 1:
            out[name] = full.pop()
    return out


def _typed_by_context(text: str, mentions: list[Mention]) -> list[Mention]:
    """Quoted names of no known class take the class of the noun before them (社交电商平台
    “乐购圈”) or after their run ("“趣分享”“拼团喵”两家平台", "“秒杀鸭”等5款App")."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.cls != UNKNOWN or m.source != "quoted":
            continue
        launched = cue_pattern("names", "launched").search(text, max(0, m.start - 4), m.start)
        cls = "Product" if launched else names.descriptor_before(text, m.start)
        j = i
        while cls is None and j + 1 < len(out) and re.fullmatch(r"[、和与及]?", text[out[j].end:out[j + 1].start]):
            j += 1  # the run of names this one opens or sits in
        if cls is None:
            after = _type_after().match(text, out[j].end)
            cls = names.descriptor_class(after.group(1)) if after else None
        if cls:
            out[i] = Mention(m.start, m.end, m.name, cls, m.key, m.source, m.stock_code)
    return out


# a name with a suffix, then 为/是: "X科技为Y集团" holds two names
_COPULA = re.compile(r".{2,}?(?:科技|集团|控股|公司|传媒|网络|资本|平台)(?:为|是)(?=.{2,})")
# a noun after a quoted name (or the run it ends) that says what it names (its class is that
# of the describing noun in cues.toml)
@lru_cache(maxsize=None)
def _type_after() -> re.Pattern:
    nouns = ["平台", "App", "APP", "小程序", "应用", "品牌", "公司", "企业", "机构", "商城", *names.nouns_after()]
    return re.compile(r"(?:等)?(?:[0-9一二两三四五六七八九十几多]+(?:家|款|个))?[\u4e00-\u9fff]{0,4}?(%s)" % "|".join(nouns))


# a Chinese name's Latin form after it in a title ("鹛语传媒 MEIYU MEDIA ｜ 发展历程")
_LATIN_TAIL = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+[A-Za-z][A-Za-z .&'-]*$")


def first_line(text: str) -> str:
    """A document's first line that holds anything: its title."""
    return next((line for line in text[:300].splitlines() if line.strip()), "")


def chronicle_subject(text: str) -> str | None:
    """The actor a chronicle is about, named by its title ("予木集团大事记"), by the page path
    that leads to it ("关于茭团 > 发展历程") or by the lede that opens it ("茭团（…）是一家…。以下为
    公司发展大事记。")."""
    first = first_line(text)

    def found():  # (lazily, in order: most pages stop at their first line)
        yield cue_pattern("chronicle", "title").match(first)
        yield cue_pattern("chronicle", "title_after").match(first)
        yield cue_pattern("chronicle", "path").search(text, 0, 300)
        yield cue_pattern("chronicle", "lede").search(text, 0, 600)
        # a title further down: "【链接】X大事记", "关于我们 > 发展历程" / "X · 发展大事记"
        yield from (cue_pattern("chronicle", "title").match(line) for line in text[:1500].splitlines())
    for m in filter(None, found()):
        if names.is_name(name := _LATIN_TAIL.sub("", (m.group("name") or m.group("tagged")).strip())):
            return name
    # a title after a headline ("七年，一瓶辣酱走出苗岭｜X大事记") names the actor only if the text names it
    # again and it tells no time ("…｜十年大事记") nor only a trade ("36氪｜跨境电商大事记")
    headline = cue_pattern("chronicle", "title_headline").match(first)
    if headline and names.is_name(name := headline.group("name").strip()) and not re.search(r"[\d年]", name) \
            and not names.is_kind(name) and name in text[len(first):]:
        return name
    # a page whose history follows under a heading ("发展历程", "关于我们 > 发展历程"): about the
    # company its title names, else the one its lede declares ("X（以下简称“货郎集”）是…")
    if not cue_pattern("chronicle", "heading").search(text, 0, 1500):
        return None
    if names.has_legal_suffix(first.strip()):
        return first.strip()
    alias = cue_pattern("names", "alias_declaration").search(text, 0, 600)
    short = alias.group("short") if alias else ""
    return short if names.is_name(short) and names.without_place(short) else None  # (not "槐帆（海南）…")



def _name_before(text: str, end: int, cls: str) -> list[Mention]:
    """The name that ends at `end`, trimmed of the clause words before it."""
    left = _NAME_RUN.search(text, max(0, end - 24), end)
    trimmed = names.trim(text[left.start():end]) if left else None
    if not trimmed or left.start() + trimmed[1] + len(trimmed[0]) != end:
        return []
    name, offset, hint = trimmed
    own = names.class_of(name)
    return [Mention(left.start() + offset, end, name, own if own != UNKNOWN else hint or cls, None, "org")]


def _non_overlapping(found: list[Mention]) -> list[Mention]:
    found.sort(key=lambda m: (-(m.end - m.start), _SOURCE_RANK[m.source], m.start))
    taken: list[Mention] = []
    used = bytearray(max((m.end for m in found), default=0))
    for m in found:
        if not any(used[m.start:m.end]):
            taken.append(m)
            used[m.start:m.end] = b"\x01" * (m.end - m.start)
    return sorted(taken, key=lambda m: m.start)


def _attach_stock_codes(text: str, mentions: list[Mention]) -> list[Mention]:
    out = []
    for m in mentions:
        code = STOCK_CODE.match(text, m.end, min(len(text), m.end + 30)) if m.cls != "Document" else None
        if code:
            m = Mention(m.start, m.end, m.name, m.cls, m.key, m.source, code.group(1))
        out.append(m)
    return out


@Language.factory("sekg_mentions")
def make_mentions(nlp: Language, name: str) -> "MentionFinder":
    return MentionFinder()


class MentionFinder:
    """Sets `doc._.mentions` and, where they align with tokens, `doc.spans["sekg"]`."""

    def __init__(self) -> None:
        if not Doc.has_extension("mentions"):
            Doc.set_extension("mentions", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = find_mentions(doc_text(doc))
        starts = token_starts(doc)
        spans = []
        for m in doc._.mentions:  # token span covering the mention (doc.char_span is O(n) per call)
            first = bisect.bisect_right(starts, m.start) - 1
            last = bisect.bisect_left(starts, m.end)
            if 0 <= first < last:
                spans.append(Span(doc, first, last, label=m.cls))
        doc.spans["sekg"] = spans
        return doc
