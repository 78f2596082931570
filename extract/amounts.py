"""Money amounts in Chinese text: 8.6亿元 -> (Decimal(860000000), "CNY")."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import cn2an

CURRENCIES = {
    "美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR", "日元": "JPY",
    "英镑": "GBP", "新加坡元": "SGD", "新台币": "TWD", "台币": "TWD", "澳元": "AUD", "加元": "CAD", "韩元": "KRW",
    "泰铢": "THB", "林吉特": "MYR", "瑞士法郎": "CHF", "人民币": "CNY", "元": "CNY", "US$": "USD", "$": "USD",
}
# a currency named before the number ("以新台币6.8亿元", "港币5亿元"): the 元 after it is that currency's
_PRE = "|".join(map(re.escape, sorted((c for c in CURRENCIES if c != "元"), key=len, reverse=True)))
_NUM = r"[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+"
_UNIT = r"万亿|千万|百万|亿|万|千|\s?(?i:million|billion|mn|bn)(?![A-Za-z])"
_LATIN_UNITS = {"million": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9}
_CUR = "|".join(sorted(map(re.escape, CURRENCIES), key=len, reverse=True))
MONEY = re.compile(
    rf"(?:(?P<pre>{_PRE})\s*)?(?P<num>{_NUM})\s*(?P<unit>{_UNIT})?\s*(?P<cur>{_CUR})?(?:人民币)?"
)

_PER_SHARE = re.compile(r"每[股份][^，。；\d]{0,6}$")
_ONE = re.compile(rf"(?<=[逾超近约过破])(?=[万亿](?:{_CUR}))")
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")
# 亿 and 万 in one amount: "1亿2000万元" is 12000万元, "3亿5千万元" 35000万元
_YI_WAN = re.compile(r"(?<![0-9.])([0-9]+)亿([0-9]{1,4})(千)?万")


def parse_money(text: str) -> tuple[Decimal, str] | None:
    """The first amount of money in `text`, in base units, with its ISO 4217 code.

    A bare number needs a currency or a 万/亿 unit to count as money; a unit without a
    currency is read as renminbi, as Chinese business text does.
    """
    return next(iter(all_money(text)), None)


def all_money(text: str) -> list[tuple[Decimal, str]]:
    """Every amount of money in `text`, in order ("分别处以35万元和12万元罚款")."""
    found = []
    text = _THOUSANDS.sub("", text)  # "1,386.52万元", "200,000.00元"
    text = _ONE.sub("1", text)  # "逾亿元": at least one 亿
    text = _YI_WAN.sub(lambda m: f"{int(m.group(1)) * 10000 + int(m.group(2)) * (1000 if m.group(3) else 1)}万", text)
    for m in MONEY.finditer(text):
        currency = m.group("pre") if m.group("pre") and m.group("cur") in (None, "元") else m.group("cur")
        if not currency and not m.group("unit"):
            continue
        if text[m.end():m.end() + 1] in ("年", "月", "日", "%", "％", "人", "家", "个", "名", "倍"):
            continue
        if _PER_SHARE.search(text, max(0, m.start() - 8), m.start()):
            continue  # a price per share ("以每股1.75港元认购", "每股价格1.75港元"), not a sum
        value = _value(m.group("num"), m.group("unit") or "")
        if value is not None and value > 0:
            found.append((value, CURRENCIES.get(currency or "元", "CNY")))
    return found


def _value(number: str, unit: str) -> Decimal | None:
    try:
        if re.fullmatch(r"[0-9.]+", number):
            base = Decimal(number)
        else:
            base = Decimal(str(cn2an.cn2an(number, "smart")))
        unit = unit.strip()
        factor = _LATIN_UNITS.get(unit.lower()) or (Decimal(str(cn2an.cn2an("一" + unit, "smart"))) if unit else Decimal(1))
    except (ValueError, InvalidOperation):
        return None
    return (base * factor).normalize()
