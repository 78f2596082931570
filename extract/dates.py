"""Dates in Chinese text, kept at the precision the text gives.

A `When` is (year, month, day) with None for what the text leaves open. Dates without a
year take it only from context that makes it certain: an explicit year earlier in the
same line (timelines: "2018年3月…；12月…"), or the document's dateline/timestamp for the
block they stand in when nothing in that block names another year.
"""
from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import cn2an

_CN_DIGITS = "〇零一二三四五六七八九"
_YEAR = rf"(?P<y>(?:19|20)\d\d|[{_CN_DIGITS}]{{4}})"
_MONTH_DAY = r"(?P<m>1[0-2]|0?[1-9])\s*月\s*(?:(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号])?"
# a year word ("今年3月" is one date: its month must not borrow the year of another date)
# (a season or half of the year opening a clause is this year's: "年初，X推出…", "上半年，…")
_YEAR_WORD = "今年|去年|前年|明年|同年|当年|次年|翌年|(?<!连续)(?<!的)(?<!成立)(?<!创立)(?<!上市)第二年(?!度)|那年|那一年|这一年|(?:(?<=^)|(?<=[，。；！？\\n]))(?:年(?=初|底|末)|[上下]半年|年内(?=[，,]))"
# the day the document itself came out ("本文发布当天", "本批案例发布当日")
_OWN_DAY = "本(?:文|批[^，。！？\\n]{0,6}?|次通报|通报)(?:发布|刊发|发稿|公布)(?:当天|当日|之日)"
# words that name a month or a day relative to the document's date or the date before
_REL_WORDS = ("(?:本|上)?(?:周|星期)[一二三四五六日天]|(?:本)?(?:公告|通知)?发布之日|" + _OWN_DAY + "|次月|上个?月[底末初]?|本月初|本月|当月|同月|那个月|今日|今天|今晚|昨日|昨天|昨晚|前日|前天"
              "|(?:本)?报告期内|当天|当晚|同一天|此前一天|前一天|后一天|第二天|同日|同期|(?:几乎)?同一时间|当日|即日|次日|翌日|近日|日前|近期|上周末|本周末|本周|上周"
              # at the meeting or ceremony the text just dated: its day ("今日…举办大会。会上，…")
              "|(?:(?<=^)|(?<=[。！？\n]))[^，。！？\n\\d]{0,24}?(?:大会|发布会|签约仪式|仪式|会议|活动|论坛|峰会|开幕式|会)(?:上|现场)(?=[，,])"
              "|(?<=(?<!现)在)(?:本次|此次|当天的?)?(?:大会|发布会|签约仪式|仪式|开幕式|会)(?:上|现场)")  # ("X也在会上发布了…")
# words that keep the month only
_VAGUE = ("本月", "本月初", "当月", "近日", "日前", "近期", "本周")
# what comes right before a date that opens a clause
_CLAUSE_OPEN = "\n，。；：,;:、 \t\u3000（("
# the day before or after the last day named
_DAY_AROUND = {"次日": 1, "翌日": 1, "第二天": 1, "后一天": 1, "此前一天": -1, "前一天": -1}
# a day without its month, in news of the dateline's month: "记者15日获悉", "已于本月10日完成"
# (not a range's end, a count or a deadline: "11日至13日", "第3日", "30日内")
_BARE_DAY = r"(?:本月(?=\d)|(?<![\d月年至到~\-—－第每数几]))(?P<bd>3[01]|[12]\d|[1-9])日(?![内起前后以之])"
DATE = re.compile(
    # the shopping festivals: "去年双11当天" is a day, "2020年双11期间" its month
    rf"(?P<fest>(?:(?P<fy>(?:19|20)\d\d)年|(?P<fry>今年|去年|前年))?(?:双11|双十一|双12|双十二)(?P<fday>当天|当日|零点|0点)?)"
    # so many years before the document, so many months or years after the date before
    r"|(?P<ago>[一两二三四五六七八九十]|\d{1,2})年前|(?P<later>[一两二三四五六七八九十]|\d{1,2}|半)(?:个月|(?<=半)年)(?:后|之后|以后)"
    r"|(?P<years_on>[一两二三四五六七八九十]|\d{1,2})年(?:后|之后|以后)"
    # (the lookahead keeps the all-optional first form from matching empty, which would hide a bare day)
    rf"|(?=(?:19|20)\d\d\s*年|[{_CN_DIGITS}]{{4}}年|{_YEAR_WORD}|(?:1[0-2]|0?[1-9])\s*月)"
    rf"(?:(?:{_YEAR}\s*年|(?P<ry>{_YEAR_WORD}))\s*)?(?:{_MONTH_DAY})?"
    r"|(?P<iy>(?:19|20)\d\d)[-/.](?P<im>1[0-2]|0?[1-9])(?:[-/.](?P<id>3[01]|[12]\d|0?[1-9]))?(?!\d)"
    r"|(?<![^\n])(?P<ey>(?:19|20)\d\d)(?=[\t\u3000]| {2})(?![\t\u3000 ]*[元万亿])"  # a timeline entry's bare year ("2024　　推出…")
    rf"|{_BARE_DAY}"
    rf"|(?<!前的)(?<!直到)(?P<rel>{_REL_WORDS})(?!达|送达)"  # ("次日达" is a delivery service; "五年前的今天" is five years ago; "直到今天" no event's day)
    r"|(?P<same>(?:(?<=^)|(?<=[。！？\n]))(?:(?:与此)?同时|其中)(?=[，,]))"  # the time of the sentence before
)
# a date stamp: a line that is only a date, or a labelled one ("发布时间：2023-04-20 15:30　来源：…")
_STAMP = (r"((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ \tT]+(?:上午|下午|晚上|早上)?\d{1,2}:\d\d(?::\d\d)?)?"
          r"(?:[ \t]*[\[（(]?(?:GMT|UTC)[+\-−]\d{1,2}[\]）)]?)?")  # "2026年2月26日 上午9:40 [GMT+8]"
# a labelled stamp may stop at the month ("发布日期：2023年7月")
_LABELLED = r"((?:19|20)\d\d)[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?|月)(?:[ \tT]+\d{1,2}:\d\d(?::\d\d)?)?"
# (a bare stamp may carry its source: "2024年10月18日 09:12 新浪财经"; a labelled one may follow a byline)
# or sit in a byline with its time of day ("原创 老K 老K说电商 2024-03-08 21:30 发表于浙江",
# "界面新闻快讯｜2025-03-12 10:41")
_BYLINE = r"((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ \t]+\d{1,2}:\d\d"
TIMESTAMP = re.compile(rf"^[ \t\u3000]*(?:{_STAMP}(?:[ \t\u3000]+[^\s，。；！？,;!?]{{1,12}})?[ \t\u3000]*$"
                       # a repost's header line may give the original's date too: that one dates the text
                       rf"|[^\n，。；！？]{{0,60}}?原文(?:发布|发表|刊发)(?:时间|日期)[:：][ \t]*{_LABELLED}(?=[ \t\u3000]|$)"
                       rf"|(?:[^\n，。；！？]{{0,30}}?[ \t\u3000|｜])?(?:(?:报告)?发布(?:时间|日期)?|成文日期|发文日期|印发日期|更新时间|时间|日期|Published|Updated|Date)[:：][ \t]*{_LABELLED}(?=[ \t\u3000]|$)"
                       rf"|(?:[^\n，。；！？]{{0,30}}?[ \t\u3000|｜])?{_BYLINE}(?::\d\d)?(?:[ \t\u3000][^\n，。；！？]{{0,60}})?$"
                       # or end a short heading line: "财联社电报　2024年11月5日 星期二", "【港股IPO快讯】2025年7月10日",
                       # or a newspaper's issue line, with its page ("《四明商报》2025年1月8日　A4版")
                       rf"|[^\n，。；！？]{{0,30}}?[ \t\u3000|｜】》]{_STAMP}(?:[ \t\u3000]*(?:星期|周)[一二三四五六日天])?"
                       r"(?:[ \t\u3000]*(?:第[0-9一二三四五六七八九十]{1,3}版|第?[A-Z]{0,2}[0-9]{1,2}版))?[ \t\u3000]*$"
                       # or tell where a repost first appeared ("本文转载自《澄溪商报》2025年6月3日A06版，…")
                       rf"|^[^\n，。；！？]{{0,10}}?(?:转载自|转自|原载于|原文刊发于|原文发表于|首发于)[^\n，。；！？]{{0,30}}?{_STAMP}"
                       # (a note about the article, maybe labelled, may name its source first: "【转载说明】本文转载自微信公众号“X”（ID：…），首发于2025年7月25日")
                       rf"|^[ \t\u3000]*(?:【[^】\n]{{1,8}}】)?(?:本文|原文|该文)[^\n。；！？]{{0,60}}?(?:原载于|刊发于|发表于|首发于|发布于)[^\n，。；！？]{{0,30}}?{_STAMP}"
                       # or sign off an announcement with its place ("香港，2024年6月11日")
                       rf"|^[ \t\u3000]*[\u4e00-\u9fff]{{2,4}}[，,][ \t\u3000]*{_STAMP}[ \t\u3000]*$"
                       # or stand in a bracketed footer line ("（本栏目更新于2025年3月12日 18:30，仅供参考）")
                       rf"|^[ \t\u3000]*[（(][^\n（()）]{{0,40}}?{_STAMP}[^\n（()）]{{0,40}}[）)][ \t\u3000]*$)", re.M)
# the label of a stamp ("发布时间：")
_LABEL = re.compile(r"(?:时间|日期|Published|Updated|Date)[:：]")
# a notice's signature date in Chinese numerals, on a line of its own ("二〇二四年十二月三十日")
SIGNED = re.compile(rf"^[ \t\u3000]*([{_CN_DIGITS}]{{4}})年([一二三四五六七八九十]{{1,2}})月([一二三四五六七八九十]{{1,3}})日[ \t\u3000]*$", re.M)
# a line that is only a year heads the timeline entries below it ("2020年" / "5月，…")
YEAR_HEADING = re.compile(r"^[ \t\u3000]*[【\[（(■▍▌▎█●◆★▶►#—－=~-]*[ \t]*((?:19|20)\d\d)[ \t]*年?[ \t]*[】\]）)—－=~-]*[ \t\u3000]*$", re.M)  # "【2020】", "—— 2021年 ——"
# what may follow the date of a line that is only a date: its quarter or half ("2023年Q3"), or a
# short label after a bar or a bracket ("2017年6月｜A轮", "【1月】规则先行")
_HEADING_REST = re.compile(r"(?:Q[1-4]|[上下]半年|第?[一二三四1-4]季度)?(?:[】\]][ \t\u3000]*[^\n，。；,;\d]{0,16}"
                           r"|[ \t\u3000]*(?:[｜|丨][^\n，。；,;\d]{1,16})?)(?:\n|$)")
# a notice that issues the document it names
_NOTICE = re.compile(r"关于(?:印发|发布|公布)[^\n]{0,80}?的(?:通知|公告)")
# a text that declares the year of its bare months: "文中月份均指2025年", "以下日期均为2024年",
# "本章所述月份，除特别注明外，均指2024年", "本大事记…所列事项均发生于2025年"
DECLARED_YEAR = re.compile(r"(?:(?:文中|本文|下文|以下|下列|本章|本节)[^。\n]{0,6}?(?:月份|日期|时间)[^。\n]{0,12}?均(?:指|为|系)"
                           r"|所列事项均发生(?:于|在))((?:19|20)\d\d)年(?=[，。；,;）)\s]|$)")
# a repost's note of when the original came out ("转自公众号“X”，原文发布于2024年9月10日")
_ORIGINAL = re.compile(r"原文(?:发布|发表|首发|刊发)(?:于|时间[:：]?)[ \t]*((?:19|20)\d\d)[年/.-](\d{1,2})[月/.-](\d{1,2})")
# a title that says which year it chronicles ("潍坊市2025年直播电商监管工作大事记", "2025年终盘点"): the
# year of the bare months below it, though it comes out the next January
CHRONICLE_YEAR = re.compile(r"\A[^\n]{0,24}?((?:19|20)\d\d)\s*年(?:度)?(?![至到—－~-]|以来)[^\n，。]{0,24}?(?:大事记|盘点|回顾|纪事|记事|复盘)[ \t\u3000]*$", re.M)
# a wire dateline ("财联社4月16日电", "中新社合肥3月18日讯"): the date of the item it opens, which
# its 今日 and 昨日 count from, not the date of what the item reports
DATELINE = re.compile(r"(?<![\d年])(1[0-2]|0?[1-9])月(3[01]|[12]\d|0?[1-9])日(?:电|讯|[ \t]*[-–—][ \t])")  # "路透上海10月16日 - "
_YEAR_MONTH = re.compile(r"((?:19|20)\d\d)年\d{1,2}月")
_TITLE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d年万亿元%％.])")
# a year that ends a heading line: bracketed or with its month ("…蓝皮书（2024）", "…编　2024年12月")
_HEADING_YEAR = re.compile(r"[（(]((?:19|20)\d\d)[）)][ \t\u3000]*$|(?<![\d.])((?:19|20)\d\d)年\d{1,2}月[ \t\u3000]*$", re.M)
# what joins the dates of a list or a range ("3月、6月和9月", "3月至5月")
_LISTED = re.compile(r"(?:、|和|及|以及|与|至|到|—|－|-|~)")
_SAME_SENTENCE = re.compile(r"[^。！？\n]*")
# a part of a year after it, in a table cell ("2025Q1", "2025年二季度", "2024H2")
_PART_OF_YEAR = re.compile(r"(?<=\d)(?:年)?(?:Q[1-4]|H[12]|[上下]半年|第?[一二三四1-4]季度)$")
# a round-up's heading of a week and its days ("第四周（12月22日—28日）", "第五周（12月29日—1月4日）")
_WEEK_HEADING = re.compile(r"(?m)^[^\n]{0,10}?第[一二三四五六1-6]周[（(](1[0-2]|0?[1-9])月(\d{1,2})日?[—–~\-至到]+"
                           r"(?:(1[0-2]|0?[1-9])月)?(\d{1,2})日?[^）)\n]{0,8}[）)]")
# after a date: it bounds a period ("2022年至2023年期间")
_PERIOD = re.compile(r"(?:[至到—－~-]\s*(?:(?:19|20)\d\d年)?(?:\d{1,2}月)?(?:\d{1,2}日)?)?期间")
# a periodic report's title ("2024年年度报告", "2025年第三季度报告"): the year its 报告期内 is in
_REPORT_YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?:年度报告|年报|半年度报告|半年报|第[一二三四]季度报告)")
# a line that is only a time of day (a live blog's entry; a flash page's items keep their month,
# as they do not say they happened that day), and a headline that ends with its item's day in brackets
_TIME_LINE = re.compile(r"[ \t\u3000]*\d{1,2}[:：]\d\d[ \t\u3000]*")
_LIVE_BLOG = re.compile(r"图文直播|文字直播|直播日期|实时滚动更新")
_DATED_HEADLINE = re.compile(r"^[ \t\u3000]*(?:[一二三四五六七八九十]+、|\d{1,2}[.、．]|[·•▍■【])(?!相关|延伸|推荐)[^\n]*?"
                             r"[（(]((?:1[0-2]|0?[1-9])月(?:3[01]|[12]\d|0?[1-9])日)[）)][ \t\u3000]*$")
# a monthly round-up's title ("2025年10月投融资月报"): the month its undated items are of
_REPORT_MONTH = re.compile(r"(?m)^[^\n，。；]{0,24}?((?:19|20)\d\d)年(1[0-2]|0?[1-9])月份?[^\n，。；]{0,12}?(?:月报|月度|盘点|回顾|汇总|复盘)[^\n，。；]{0,30}$")
# after a month: the week of it that a round-up covers ("7月第5周")
_WEEK_OF = re.compile(r"第[0-9一二三四五]周")
# from a date on: what was done on it ("已于12月30日完成工商变更登记")
_DONE_WORDS = "完成|交割|过户|签署|签订|上线|推出|成立|作出|收到"
_DONE_LATE = re.compile(rf"[^，。；]{{0,10}}?(?:{_DONE_WORDS}|办理)")
# from a month that opens a clause: what its sentence says was done ("12月下旬，X完成A轮融资")
_DONE_IN_SENTENCE = re.compile(rf"[^。；！？\n]{{0,30}}?(?:{_DONE_WORDS}|获得|上市|挂牌|登陆|收购|并购|领投|发布|印发|约谈|处以|罚款)")
@lru_cache(maxsize=None)
def day_of(verbs: str) -> re.Pattern:
    """Before a date: the day of the act it names ("…处以罚款325万元，处罚决定作出日期为9月16日",
    "《规范》成文于2月26日")."""
    return re.compile(rf"(?:{verbs})(?:的)?(?:日期|时间)(?:为|是)$|(?:成文|落款|完成|交割)于$")


# the day a decision was made or signed ("决定书的落款日期为12月29日"): a day already past
_ACT_DAY = day_of("作出|决定|落款|签署|签发")
# words of a plan around a month and its verb ("计划于6月在港交所挂牌", "3月，公司将在港交所上市")
_PLANNED = re.compile(r"将|拟|计划|预计|有望|准备|争取|力争")
# after a year: the name it is part of ("2026年“618”网络集中促销…指导会", "2025年度")
_LABEL_AFTER = re.compile(r"[“\"《「«]|度")
# after a date: the day rules take effect ("自2025年5月1日起施行"), not one an event happened on
_TAKES_EFFECT = re.compile(r"起?(?:正式)?(?:施行|实施|生效|执行)")
# a news item opening with its full date: "2023年3月5日，…" dates the document
OPENING_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")


@dataclass(frozen=True)
class When:
    year: int | None
    month: int | None = None
    day: int | None = None

    def iso(self) -> str | None:
        """ISO text at the known precision; None when the year is unknown."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    when: When


class DateContext:
    """All dates of one (cleaned) document, resolved as far as the document allows."""

    def __init__(self, text: str):
        self.text = text
        original = _ORIGINAL.search(text, 0, 400)  # (near the top, before anything asks for a reference)
        self._original = (original.end(), When(*map(int, original.groups()))) if original else None
        self._blocks = _timestamp_blocks(text)
        self._datelines: list[tuple[int, When]] = []  # (read with the page's stamps alone first)
        datelines = []
        for m in DATELINE.finditer(text):
            month, day = int(m.group(1)), int(m.group(2))
            page = self.reference(m.start())
            if page is not None:
                year = page.year - 1 if page.month and month > page.month else page.year
            elif dated := _YEAR_MONTH.search(text, m.end()) or _TITLE_YEAR.search(text, 0, m.start()):
                # no stamp: the year of the first full month the item names, else a year the
                # text before the dateline names ("2025丽水山货直播电商合作大会举行")
                year = int(dated.group(1))
            else:
                continue
            datelines.append((m.start(), When(year, month, day)))
        self._datelines = datelines
        # a text with no stamp of its own may still say its year in its heading lines ("…蓝皮书（2024）" /
        # "…研究中心 编　2024年12月"): the year its bare months and 今年 are in
        # (a title or byline: no clause in it, and no date opening it as a timeline entry does)
        heading = "\n".join(line for line in text[:300].splitlines()[:4]
                             if not re.search(r"[，。；]", line) and not re.match(r"\s*(?:19|20)\d\d", line))
        years = [a or b for a, b in _HEADING_YEAR.findall(heading)]
        self._heading_year = int(years[-1]) if years else None
        dateline_at = dict(datelines)
        self._headings = [(m.start(1), int(m.group(1))) for m in YEAR_HEADING.finditer(text)]
        self._heading_starts = {start for start, _ in self._headings}  # (lines that are only a year)
        # "文中月份均指2025年": the year the text says its bare months are in
        self._headings += [(m.end(), int(m.group(1))) for m in DECLARED_YEAR.finditer(text)]
        self._headings += [(m.end(), int(m.group(1))) for m in CHRONICLE_YEAR.finditer(text)]
        self._headings.sort()
        self.mentions: list[DateMention] = []
        self._line_year: dict[int, int] = {}  # line start -> last explicit year seen on it
        self._entry: When | None = None  # the last date that opened a line (a timeline entry)
        self._last_day: When | None = None  # the last date down to the day ("同日", "次日")
        self._last_day_end = -1  # where it ends
        self._vague_last = False  # whether the last date was a vague word ("近日")
        self._last_year: int | None = None  # the year of the last date named
        self._last_end = -1  # where it ends
        self._last_word = ""  # and its words
        self._last_explicit = False  # whether it says its year, opening its clause
        last: When | None = None
        for m in DATE.finditer(text):
            if m.end() == m.start() or _WEEK_OF.match(text, m.end()) or (
                    m.group("y") and not m.group("m") and _LABEL_AFTER.match(text, m.end())):
                continue  # ("7月第5周" names a week, which may end in the next month; "2026年“618”…" a name)
            when = dateline_at.get(m.start()) or self._resolve(m, last)
            if when is None:
                continue
            if m.start() not in dateline_at:
                self.mentions.append(DateMention(m.start(), m.end(), when))
            if self._opens_line(m.start()) and when.year is not None and not m.group("rel"):
                self._entry = when  # (not "本周，…" opening a round-up's item: no entry of a timeline)
            if when.year is not None and not _PERIOD.match(text, m.end()):
                # (a period's bounds are no time an event of the text happened at: "在2022年至2023年
                # 期间偷逃税款。…同年5月，X被处罚" is not 2023)
                last = when
                self._last_year, self._last_end, self._last_word = when.year, m.end(), m.group()
                # (a year of its own that opens its clause: not "成立于2016年3月，…9月12日，…")
                self._last_explicit = bool(m.group("y") or m.group("iy") or m.group("ry") in ("这一年", "那一年", "那年")) \
                    and (m.start() == 0 or text[m.start() - 1] in _CLAUSE_OPEN)
                self._vague_last = m.group("rel") in _VAGUE
                if when.day is not None and not _TAKES_EFFECT.match(text, m.end()):
                    self._last_day = when  # (a day rules take effect on is not the day 当日 points back to)
                    self._last_day_end = m.end()
                # a date that opens a clause dates the bare months after it on its line ("2018年3月…；
                # 12月…", "两个月后，即10月"); one inside a clause ("提出到2027年培育…"), a year word
                # ("去年12月印发的…"), a weekday ("上周五") or a bracketed day ("（1月9日）") is an aside
                said = any(m.group(g) for g in ("y", "iy", "ago", "later", "years_on"))
                if (said or not (m.group("ry") or re.search("周|星期", m.group("rel") or "")
                                 or text[m.start() - 1:m.start()] in "（(")) \
                        and (m.start() == 0 or text[m.start() - 1] in _CLAUSE_OPEN):
                    self._line_year[text.rfind("\n", 0, m.start()) + 1] = when.year
        self._starts = [d.start for d in self.mentions]
        # a line that is only a date heads the timeline entry below it ("2024.05" / "团长端App…上线"),
        # unless it is the document's stamp: its first date, a full one
        self._heading_starts |= {d.start for i, d in enumerate(self.mentions) if self._opens_line(d.start)
                                 and _HEADING_REST.match(text, d.end) and not (i == 0 and d.when.day)}

    def iso_at(self, pos: int) -> str | None:
        """The ISO date of the date that starts at `pos`, if one does."""
        return next((d.when.iso() for d in self.mentions if d.start == pos), None)

    def in_span(self, start: int, end: int) -> list[DateMention]:
        """Dates that end inside [start, end) ("2020年\n5月，…": the heading reaches in)."""
        i = max(bisect.bisect_left(self._starts, start) - 1, 0)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if start < self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def _resolve(self, m: re.Match, last: When | None) -> When | None:
        if m.group("fest"):
            ref = self.reference(m.start())
            year = int(m.group("fy")) if m.group("fy") else (
                ref.year + {"今年": 0, "去年": -1, "前年": -2}[m.group("fry")] if m.group("fry") and ref else None)
            if year is None and ref and ref.month and ref.month >= 11:
                year = ref.year  # "双11" in news of November or December: this year's
            month = 12 if "12" in m.group() or "十二" in m.group() else 11
            return When(year, month, month if m.group("fday") else None) if year else None
        if m.group("ago"):
            ref = self.reference(m.start())
            return When(ref.year - _count(m.group("ago"))) if ref else None
        if m.group("later"):
            if not (last and last.year and last.month):
                return None
            months = last.year * 12 + last.month - 1 + (6 if m.group("later") == "半" else _count(m.group("later")))
            return When(months // 12, months % 12 + 1)
        if m.group("years_on"):  # "三年后": so many years after the date before
            return When(last.year + _count(m.group("years_on"))) if last and last.year else None
        if m.group("ey"):
            return When(int(m.group("ey")))
        if m.group("iy"):
            return When(int(m.group("iy")), int(m.group("im")), _int(m.group("id")))
        if m.group("same"):  # "同时，…" opening a sentence: the time of the sentence before
            return last
        if m.group("rel"):
            return self._relative(m.group("rel"), m.start(), last)
        if m.group("bd"):
            ref = self.reference(m.start())
            day = int(m.group("bd"))
            return When(ref.year, ref.month, day) if ref and ref.day and day <= ref.day else None
        month, day = _int(m.group("m")), _int(m.group("d"))
        if m.group("ry"):
            year = self._year_word(m.group("ry"), m.start(), last)
            return When(year, month, day) if year else None
        if m.group("y"):
            year = int(m.group("y")) if m.group("y").isdigit() else int(cn2an.cn2an(m.group("y"), "direct"))
            return When(year, month, day)
        if month is None:
            return None
        if last and last.year and last.month and month >= last.month and (
                _LISTED.fullmatch(self.text, self._last_end, m.start())
                or self._last_explicit and _SAME_SENTENCE.fullmatch(self.text, self._last_end, m.start())):
            # "2024年3月、6月和9月": the list's year; "这一年11月，X收购Y，并于11月28日完成…":
            # a later month of the same sentence is in the year it just told
            return When(last.year, month, day)
        return When(self._year_for(m.start(), month), month, day)

    def _year_word(self, word: str, pos: int, last: When | None) -> int | None:
        if word in ("同年", "当年", "次年", "翌年", "第二年", "那年", "那一年", "这一年"):
            if not (last and last.year):
                return None
            # (the year after the one told, unless a heading just said it: "▍第二年：…" / "第二年春天，…")
            line_end = self.text.find("\n", self._last_end)
            heading = self._last_word == word and 0 <= line_end < pos \
                and not re.search(r"[，。；]", self.text[self._last_end:line_end])
            return last.year + (word in ("次年", "翌年", "第二年") and not heading)
        word = "年" if word in ("上半年", "下半年", "年内") else word  # a half of the year, like its start or end
        if word == "年" and (heading := [y for start, y in self._headings if start < pos]):
            return heading[-1]  # "2020年" / "年初，…": the year of the timeline entry it stands under
        ref = self.reference(pos)
        year = ref.year if ref else self._heading_year
        return year + {"今年": 0, "去年": -1, "前年": -2, "明年": 1, "年": 0}[word] if year else None

    def _year_for(self, pos: int, month: int) -> int | None:
        year = self._line_year.get(self.text.rfind("\n", 0, pos) + 1)
        if year:
            return year
        heading = [y for start, y in self._headings if start < pos]
        if heading:
            return heading[-1]
        entry = self._entry  # timelines: "2019年1月 …" then "9月 …" on the next lines
        if self._opens_line(pos) and entry and entry.month and entry.month <= month:
            return entry.year
        ref = self.reference(pos)
        if ref is None:
            return self._heading_year
        if ref.month is None or month <= ref.month:
            return ref.year
        if (self.text.startswith("已于", max(0, pos - 2)) and _DONE_LATE.match(self.text, pos)) or (_ACT_DAY.search(
                self.text, max(0, pos - 12), pos) and not _PLANNED.search(self.text, max(0, pos - 20), pos)) or (
                (pos == 0 or self.text[pos - 1] in _CLAUSE_OPEN or self.text[pos - 1] == "于")
                and (done := _DONE_IN_SENTENCE.match(self.text, pos))
                and not _PLANNED.search(self.text, max(0, pos - 8), done.end())):
            # a month after the dateline's, done: last year's ("（1月7日电）…已于12月30日完成",
            # "12月下旬，X完成…" in a story of 1月6日, "落款日期为12月29日")
            return ref.year - 1
        # a month after the dateline's, in a text that was just speaking of the year before
        # ("2025年，…。" then "9月，…" in a report of 2026年2月): that year's
        return self._last_year if self._last_year == ref.year - 1 else None

    def _opens_line(self, pos: int) -> bool:
        line_start = self.text.rfind("\n", 0, pos) + 1
        return not self.text[line_start:pos].strip(" \t\u3000【[")

    def _relative(self, word: str, pos: int, last: When | None) -> When | None:
        if word == "次月" and last and last.month:
            y, mo = (last.year, last.month + 1) if last.month < 12 else (last.year + 1, 1)
            return When(y, mo)
        if word in ("同月", "当月", "那个月") and last and last.month:
            return When(last.year, last.month)
        if word.endswith(("同期", "同一时间")) and last:
            return last
        if word in ("同日", "同一天", "当天", "当日", "当晚", *_DAY_AROUND) or word.endswith(("上", "现场")):
            # the last day named before; a year or month alone is no day to be on, but after
            # a vague "近日" the same day is as vague, unless an event names it ("上市当天": that
            # event's day, the last one given)
            if self._vague_last and not (word.startswith("当") and _after_word(self.text, pos)):
                return last
            if last and last.month and last.day is None and word not in _DAY_AROUND and self._last_day \
                    and self._last_end > self._last_day_end and _SAME_SENTENCE.fullmatch(self.text, self._last_end, pos):
                return last  # "5月，X与Y签约；同日，双方上线…": that month, no older day
            day = self._last_day
            return _shift(day, _DAY_AROUND.get(word, 0)) if day else None
        if word.endswith("报告期内"):
            report = _REPORT_YEAR.search(self.text, 0, 600)
            return When(int(report.group(1))) if report else None
        if word == "本周" and (week := self._week_heading(pos)):
            # the week heading of its round-up's section ("第四周（12月22日—28日）"): its month, when the
            # week stays in one
            opens, closes = int(week.group(1)), int(week.group(3) or week.group(1))
            return When(self._year_for(week.start(1), opens), opens) if opens == closes else None
        ref = self.reference(pos)
        if ref is None or ref.month is None:
            return None
        if word == "本周" and ref.day and ref.day <= datetime.date(ref.year, ref.month, ref.day).weekday():
            return When(ref.year)  # a week that began in the month before: the year is all that is sure
        if word in _VAGUE:
            return When(ref.year, ref.month)  # vague words keep the month, not the day
        if word in ("上周末", "本周末") and ref.day:  # a weekend in two months keeps only the year
            day = datetime.date(ref.year, ref.month, ref.day)
            saturday = day - datetime.timedelta(days=day.weekday() + (2 if word == "上周末" else -5))
            sunday = saturday + datetime.timedelta(days=1)
            return When(saturday.year, saturday.month) if saturday.month == sunday.month else When(sunday.year)
        if word == "上周" and ref.day:  # the month that holds most of the week before the dateline's
            day = datetime.date(ref.year, ref.month, ref.day)
            thursday = day - datetime.timedelta(days=day.weekday() + 4)
            return When(thursday.year, thursday.month)
        if word.rstrip("底末初") in ("上月", "上个月"):
            return When(ref.year, ref.month - 1) if ref.month > 1 else When(ref.year - 1, 12)
        if ref.day is None:
            return None
        if word in ("今日", "今天", "今晚", "即日") or word.endswith("发布之日") or re.fullmatch(_OWN_DAY, word):
            return ref
        if word in ("昨日", "昨天", "昨晚", "前日", "前天"):
            return _shift(ref, -1 if word[0] == "昨" else -2)
        if word[-1] in "一二三四五六日天" and ("周" in word or "星期" in word):
            # a weekday: the latest one on or before the dateline ("周二"), or that day of the
            # calendar week before the dateline's ("上周五" in news of a Monday is three days back)
            day = datetime.date(ref.year, ref.month, ref.day)
            index = "一二三四五六日".index(word[-1].replace("天", "日"))
            if word.startswith("上"):
                then = day - datetime.timedelta(days=day.weekday() + 7 - index)
            else:
                then = day - datetime.timedelta(days=(day.weekday() - index) % 7)
            return When(then.year, then.month, then.day)
        return None

    def _week_heading(self, pos: int) -> re.Match | None:
        """The week heading of the round-up section `pos` stands in: the last one before it, with
        no other heading line (short, no clause break) between."""
        week = None
        for week in _WEEK_HEADING.finditer(self.text, max(0, pos - 600), pos):
            pass
        if week is None:
            return None
        between = self.text[self.text.find("\n", week.end()) + 1:self.text.rfind("\n", 0, pos) + 1]
        return None if any(line and len(line) < 20 and not re.search(r"[，。；,;]", line)
                           for line in between.split("\n")) else week

    @cached_property
    def notice_day(self) -> str | None:
        """A notice's own date ("关于印发《…》的通知"): the earliest full date stamped on it (its
        issue date comes before its publication), else None for any other document."""
        if not _NOTICE.search(self.text[:400]):
            return None
        days = [when for _, _, when in self._blocks if when.day]
        return min(days, key=lambda w: (w.year, w.month, w.day)).iso() if days else None

    def undated(self, pos: int) -> str | None:
        """The date of an event its sentence does not date: the year heading it stands under
        in a timeline ("2019年" / "获得…投资。"), else the month of the news item at `pos` when a
        dateline gives its day (reports, dated to the month only, date nothing they do not say),
        or the month a monthly round-up's title names."""
        i = bisect.bisect_left(self._starts, pos) - 1
        if i >= 0 and self.mentions[i].start in self._heading_starts:
            return self.mentions[i].when.iso()
        # a bare year heading ("2017" on a line of its own), with no date since it
        heading = max((start for start in self._heading_starts if start < pos), default=None)
        if heading is not None and (i < 0 or self.mentions[i].start < heading):
            return str(dict(self._headings)[heading])
        if month := _REPORT_MONTH.search(self.text, 0, 600):
            return When(int(month.group(1)), int(month.group(2))).iso()
        ref = self.reference(pos)
        # an item under a line of its own that dates it: a live blog's time ("13:40") is the
        # page's day, a round-up's headline ends with its day ("一、…出台…规范（12月8日）")
        above_end = len(self.text[:self.text.rfind("\n", 0, pos) + 1].rstrip())  # (the last line above with words)
        above = self.text[self.text.rfind("\n", 0, above_end) + 1:above_end]
        if ref and ref.day and _TIME_LINE.fullmatch(above) and _LIVE_BLOG.search(self.text, 0, 300):
            return ref.iso()
        if (dated := _DATED_HEADLINE.search(above)) and "。" not in above:
            return self.iso_at(above_end - len(above) + dated.start(1))
        return When(ref.year, ref.month).iso() if ref and ref.day else None

    def reference(self, pos: int) -> When | None:
        """The date of the block at `pos`: the wire dateline of its item, else its timestamp; in
        a repost, after the line that says when the original came out, that date."""
        if self._original is not None and self._original[0] < pos:
            return self._original[1]
        for start, end, when in self._blocks:
            if start <= pos < end:
                lines = [w for at, w in self._datelines if start <= at <= pos]
                return lines[-1] if lines else when
        if not self._blocks:  # wire copy with no stamp: its dateline
            lines = [w for at, w in self._datelines if at <= pos]
            return lines[-1] if lines else None
        return None


@lru_cache(maxsize=4096)
def parse_date(text: str) -> str | None:
    """The ISO date a short text (a table cell) is, when it is one full date and nothing more
    (a quarter or half of a year is its year: "2025Q1", "2025年上半年")."""
    text = _PART_OF_YEAR.sub("年", text.strip())
    m = DATE.fullmatch(text.strip())
    if not m or not m.group("y") and not m.group("iy"):
        return None
    return DateContext(text.strip()).mentions[0].when.iso()


def _timestamp_blocks(text: str) -> list[tuple[int, int, When]]:
    """Blocks dated by a timestamp line: list pages put it after each item, articles before."""
    stamps = sorted([*TIMESTAMP.finditer(text), *SIGNED.finditer(text)], key=lambda m: m.start())
    if not stamps:
        opening = OPENING_DATE.search(text, 0, 150)
        if not opening:
            return []
        stamps = [opening]
    # one stamp dates the whole page (what comes before it is a title and navigation), as does a
    # labelled one over bare ones (the dates of its related links)
    header = len(stamps) == 1 or len(re.findall(r"[\u4e00-\u9fff]", text[: stamps[0].start()])) < 120 \
        or _LABEL.search(stamps[0].group()) is not None and not any(_LABEL.search(s.group()) for s in stamps[1:])
    bounds = [0] + [s.end() for s in stamps] + [len(text)] if not header else [s.start() for s in stamps] + [len(text)]
    blocks = []
    for i, stamp in enumerate(stamps):
        start, end = (bounds[i], stamp.end()) if not header else (0 if i == 0 else stamp.start(), bounds[i + 1])
        y, mo, *d = (int(g) if g.isdigit() else int(cn2an.cn2an(g, "smart")) for g in stamp.groups() if g is not None)
        when = When(y, mo, d[0] if d else None)
        blocks.append((start, end, when))
    return blocks


def _after_word(text: str, pos: int) -> bool:
    """Whether a word, not a clause break, comes right before `pos`."""
    return pos > 0 and "\u4e00" <= text[pos - 1] <= "\u9fff"


def _shift(when: When, days: int) -> When:
    """The day `days` after (or before) a full date."""
    then = datetime.date(when.year, when.month, when.day) + datetime.timedelta(days=days)
    return When(then.year, then.month, then.day)


def _count(s: str) -> int:
    return int(s) if s.isdigit() else int(cn2an.cn2an(s, "smart"))


def _int(s: str | None) -> int | None:
    return int(s) if s else None
