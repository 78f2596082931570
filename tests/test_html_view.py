"""The interactive HTML view (exports/html.py) in a real browser (headless Chromium).

Browser tests skip when /usr/bin/chromium or the playwright package is missing; the
pure-Python checks of the page text (escaping, determinism) always run.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from exports.html import render_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
E = "https://w3id.org/sekg/id/entity/"
F = "https://w3id.org/sekg/id/fact/"
V = "https://w3id.org/sekg/id/event/"
YUNJI_SENTENCE = "2019年5月，云集正式在美国纳斯达克挂牌上市"
FUNDING_SENTENCE = "2019年5月，贝店宣布完成8.6亿元B轮融资，由高榕资本领投"


def _ev(doc, sentence, start, rule="test.rule", conf=0.9):
    return {"doc": doc, "sentence": sentence, "start": start, "end": start + len(sentence),
            "rule": rule, "confidence": conf}


def _node(slug, label, en, cls, x, y, aliases=(), degree=1, centrality=0.1):
    return {"id": E + slug, "label": label, "label_en": en, "aliases": list(aliases), "class": cls,
            "degree": degree, "centrality": centrality, "x": x, "y": y}


def _fact(n, s, rel, o, date=None, amount=None, currency=None, evidence=()):
    year = int(date[:4]) if date else None
    return {"id": F + f"{n:016x}", "source": E + s, "target": E + o, "relation": rel, "date": date,
            "year": year, "amount": amount, "currency": currency, "confidence": 0.9,
            "evidence": list(evidence) or [_ev("news.txt", f"{s} {rel} {o}", 10 * n)]}


def _event(n, cls, label, date, parts, amount=None, currency=None, rnd=None, evidence=()):
    return {"id": V + f"{n:016x}", "class": cls, "label": label, "date": date,
            "year": int(date[:4]) if date else None, "amount": amount, "currency": currency,
            "round": rnd, "status": "completed",
            "participants": [{"role": r, "entity": E + e} for r, e in parts],
            "evidence": list(evidence) or [_ev("news.txt", label, 100 * n)]}


def sample_view(with_xy: bool = True) -> dict:
    xy = (lambda x, y: (x, y)) if with_xy else (lambda x, y: (None, None))
    nodes = [
        _node("pinduoduo", "拼多多", "Pinduoduo", "Platform", *xy(0, 0), aliases=["拼多多公司", "PDD"],
              degree=3, centrality=0.5),
        _node("nasdaq", "纳斯达克", "Nasdaq", "Exchange", *xy(3, 0), degree=2),
        _node("yunji", "云集", "Yunji", "Platform", *xy(3, 3), aliases=["云集微店"]),
        _node("tencent", "腾讯", "Tencent", "Company", *xy(-3, 0)),
        _node("beidian", "贝店", "Beidian", "Platform", *xy(-3, -3)),
        _node("gaorong", "高榕资本", "Gaorong Capital", "Investor", *xy(0, -3)),
        _node("samr", "国家市场监督管理总局", "SAMR", "Regulator", *xy(-3, 3), aliases=["市场监管总局"], degree=2),
        _node("e0123456789ab", "植物医生", None, "Brand", *xy(0, 3), degree=2),
        _node("livestream-rules", "网络直播营销管理办法", None, "Document", *xy(3, -3)),
    ]
    edges = [
        _fact(1, "pinduoduo", "listedOn", "nasdaq", "2018-07"),
        _fact(2, "yunji", "listedOn", "nasdaq", "2019-05",
              evidence=[_ev("social-ecommerce-report-2019.txt", YUNJI_SENTENCE, 120)]),
        _fact(3, "tencent", "investedIn", "pinduoduo"),
        _fact(4, "gaorong", "investedIn", "beidian", "2019-05", 860000000.0, "CNY",
              evidence=[_ev("social-ecommerce-report-2019.txt", FUNDING_SENTENCE, 300)]),
        _fact(5, "samr", "penalized", "e0123456789ab", "2021"),
        _fact(6, "samr", "issued", "livestream-rules", "2021-04"),
        _fact(7, "pinduoduo", "partnersWith", "e0123456789ab", "2020"),
    ]
    events = [
        _event(1, "FundingRound", "贝店 融资 8.6亿元", "2019-05",
               [("fundedCompany", "beidian"), ("leadInvestor", "gaorong")], 860000000.0, "CNY", "B轮",
               evidence=[_ev("social-ecommerce-report-2019.txt", FUNDING_SENTENCE, 300)]),
        _event(2, "Listing", "云集 上市", "2019-05", [("listedCompany", "yunji"), ("exchange", "nasdaq")]),
        _event(3, "Partnership", "拼多多 植物医生 合作", "2020",
               [("partner", "pinduoduo"), ("partner", "e0123456789ab")]),
        _event(4, "Launch", "拼多多 推出 多多买菜", None, [("launcher", "pinduoduo")]),
        _event(5, "Listing", "拼多多 上市", "2018-07", [("listedCompany", "pinduoduo"), ("exchange", "nasdaq")]),
    ]
    return {"title": "sekg — 社交电商知识图谱", "nodes": nodes, "edges": edges, "events": events}


# The payloads from the brief, plus variants that set a flag instead of opening a dialog.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=2</script>",
    "<svg/onload=window.__pwned=3>",
    "\u2028<!--<script>window.__pwned=4//",
]


def hostile_view() -> dict:
    nodes, edges, events = [], [], []
    for i, p in enumerate(PAYLOADS):
        nodes.append(_node(f"h{i}", p, p, "Platform" if i % 2 else p, i * 2.0, (i % 3) * 2.0,
                           aliases=[p, "alias" + p]))
    for i in range(len(PAYLOADS) - 1):
        p = PAYLOADS[i]
        f = _fact(i, f"h{i}", "investedIn" if i % 2 else p, f"h{i + 1}", "2020-01", 1e8, p,
                  evidence=[{"doc": p, "sentence": "句子" + p + PAYLOADS[i + 1], "start": 1, "end": 9,
                             "rule": p, "confidence": 0.5}])
        edges.append(f)
        events.append(_event(i, p, p, "2020", [(p, f"h{i}"), ("investor", f"h{i + 1}")], 1e8, p, p,
                             evidence=[{"doc": p, "sentence": p, "start": 0, "end": 1, "rule": p,
                                        "confidence": 0.5}]))
    return {"title": PAYLOADS[0] + PAYLOADS[2], "nodes": nodes, "edges": edges, "events": events}


# ---------------------------------------------------------------- page text (no browser)

def _data_block(page: str) -> str:
    m = re.search(r'<script type="application/json" id="sekg-data">(.*?)</script>', page, re.S)
    assert m, "data block missing"
    return m.group(1)


def test_page_text_is_escaped_and_deterministic():
    view = hostile_view()
    page = render_html(view)
    assert page == render_html(view)
    assert len(re.findall(r"</script", page, re.I)) == 3  # data, vis-network, view.js
    data = _data_block(page)
    for ch in "<>&\u2028\u2029":
        assert ch not in data
    parsed = json.loads(data)
    assert [n["label"] for n in parsed["nodes"]] == PAYLOADS
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "http://" not in page.split("<script>")[0] and "https://" not in page.split("<style>")[0]
    assert "Content-Security-Policy" in page and "connect-src &#x27;none&#x27;" in page


def test_normalisation_drops_dangling_and_non_finite():
    view = sample_view()
    view["nodes"][0]["centrality"] = float("nan")
    view["edges"].append(_fact(99, "pinduoduo", "acquired", "nobody"))
    view["events"].append(_event(99, "Launch", "x", None, [("launcher", "nobody")]))
    parsed = json.loads(_data_block(render_html(view)))
    assert parsed["nodes"][0]["centrality"] == 0.0
    assert len(parsed["edges"]) == 7 and len(parsed["events"]) == 5


# ---------------------------------------------------------------- browser

@pytest.fixture(scope="module")
def browser():
    from conftest import ensure_debian_packages  # installs Debian's chromium when it can

    ensure_debian_packages("chromium", "chromium", "fonts-noto-cjk")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing and could not be installed: the HTML view tests need Debian's chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover
        pytest.skip(f"playwright cannot be imported ({exc})")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Opened:
    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []


@pytest.fixture
def open_view(browser, tmp_path):
    contexts = []

    def _open(view: dict, bypass_csp: bool = False) -> Opened:
        ctx = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=bypass_csp)
        contexts.append(ctx)
        page = ctx.new_page()
        o = Opened(page)
        page.on("console", lambda m: o.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: o.errors.append(str(e)))
        page.on("request", lambda r: o.requests.append(r.url))

        def on_dialog(d):
            o.dialogs.append(d.message)
            d.dismiss()
        page.on("dialog", on_dialog)
        path = tmp_path / f"sekg-{len(contexts)}.html"
        path.write_text(render_html(view), encoding="utf-8")
        page.goto(path.as_uri())
        page.wait_for_function("() => window.sekgReady === true", timeout=20_000)
        return o

    yield _open
    for ctx in contexts:
        ctx.close()


def _offsite(urls):
    return [u for u in urls if not (u.startswith("file:") or u.startswith("data:"))]


@pytest.mark.parametrize("with_xy", [True, False], ids=["coordinates", "force-layout"])
def test_loads_offline_and_draws_every_node(open_view, with_xy):
    view = sample_view(with_xy)
    o = open_view(view)
    page = o.page
    assert o.errors == []
    assert _offsite(o.requests) == []
    n_nodes, n_events = len(view["nodes"]), len(view["events"])
    counts = page.evaluate("sekg.counts()")
    assert counts == {"actors": n_nodes, "events": n_events, "facts": len(view["edges"]),
                      "eventEdges": sum(len(e["participants"]) for e in view["events"])}
    page.uncheck("#show-events")
    assert page.evaluate("sekg.drawnNodeIds().length") == n_nodes
    assert page.evaluate("window.sekgNetwork.body.data.nodes.get({filter: n => !n.hidden}).length") == n_nodes
    # physics is off once stable; labels are "中文 (English)"; CJK font stack
    assert page.evaluate("sekgNetwork.physics.physicsEnabled") is False
    assert page.evaluate(f"sekg.nodes.get('{E}pinduoduo').label") == "拼多多 (Pinduoduo)"
    assert page.evaluate(f"sekg.nodes.get('{E}e0123456789ab').label") == "植物医生"
    assert "Noto Sans CJK SC" in page.evaluate("getComputedStyle(document.body).fontFamily")
    assert page.title() == "sekg — 社交电商知识图谱"
    assert o.errors == []


def test_search_by_english_alias_selects_node(open_view):
    page = open_view(sample_view()).page
    page.fill("#search", "pdd")  # alias "PDD": case-insensitive
    page.wait_for_selector("#search-results li")
    assert "拼多多 (Pinduoduo)" in page.inner_text("#search-results li >> nth=0")
    page.press("#search", "Enter")
    assert page.evaluate("sekgNetwork.getSelectedNodes()") == [E + "pinduoduo"]
    assert page.inner_text("#panel h2") == "拼多多"
    page.fill("#search", "gaorong cap")  # English label, substring
    page.press("#search", "Enter")
    assert page.evaluate("sekg.selected()") == {"kind": "node", "id": E + "gaorong"}
    page.fill("#search", "监管总局")  # Chinese alias, substring
    page.press("#search", "Enter")
    assert page.evaluate("sekg.selected().id") == E + "samr"


def test_class_and_relation_filters_hide_items(open_view):
    page = open_view(sample_view()).page
    page.uncheck('input[data-class="Exchange"]')
    drawn = page.evaluate("sekg.drawnNodeIds()")
    assert E + "nasdaq" not in drawn and E + "pinduoduo" in drawn
    assert page.evaluate(f"sekg.nodes.get('{E}nasdaq').hidden") is True
    edges = page.evaluate("sekg.drawnEdgeIds()")
    assert F + f"{1:016x}" not in edges and F + f"{3:016x}" in edges
    page.check('input[data-class="Exchange"]')
    assert E + "nasdaq" in page.evaluate("sekg.drawnNodeIds()")
    page.uncheck('input[data-relation="investedIn"]')
    edges = page.evaluate("sekg.drawnEdgeIds()")
    assert F + f"{3:016x}" not in edges and F + f"{4:016x}" not in edges and F + f"{1:016x}" in edges


def test_year_range_keeps_undated_unless_asked(open_view):
    page = open_view(sample_view()).page
    page.fill("#year-from", "2019")
    page.fill("#year-to", "2019")
    facts = set(page.evaluate("sekg.drawnEdgeIds()"))
    assert F + f"{2:016x}" in facts and F + f"{4:016x}" in facts  # 2019-05
    assert F + f"{1:016x}" not in facts and F + f"{5:016x}" not in facts  # 2018, 2021
    assert F + f"{3:016x}" in facts  # undated stays
    assert V + f"{4:016x}" in page.evaluate("sekg.drawnNodeIds()")  # undated event stays
    page.uncheck("#include-undated")
    assert F + f"{3:016x}" not in page.evaluate("sekg.drawnEdgeIds()")
    assert V + f"{4:016x}" not in page.evaluate("sekg.drawnNodeIds()")


def test_clicking_node_and_edge_shows_provenance(open_view):
    page = open_view(sample_view()).page
    p = page.evaluate(f"sekg.canvasPosition('{E}yunji')")
    page.mouse.click(p["x"], p["y"])
    assert page.evaluate("sekg.selected()") == {"kind": "node", "id": E + "yunji"}
    panel = page.locator("#panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert YUNJI_SENTENCE in text
    assert "social-ecommerce-report-2019.txt" in text and "120–143" in text
    assert "云集微店" in text and "Yunji" in text and "上市于 listedOn" in text
    # neighbourhood highlight: the selection, its fact, event and neighbours
    focus = set(page.evaluate("sekg.focus().ids"))
    assert {E + "yunji", E + "nasdaq", F + f"{2:016x}", V + f"{2:016x}"} <= focus
    assert E + "pinduoduo" not in focus
    # clicking an edge (mid-point of 高榕资本 -> 贝店) shows that fact
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + 5, box["y"] + 5)  # empty canvas corner clears the selection
    assert page.evaluate("sekg.selected()") is None
    p = page.evaluate(f"sekg.canvasPosition('{F}{4:016x}')")
    page.mouse.click(p["x"], p["y"] + 4)
    assert page.evaluate("sekg.selected()") == {"kind": "edge", "id": F + f"{4:016x}"}
    text = panel.inner_text()
    assert FUNDING_SENTENCE in text and "8.6亿 CNY" in text and "高榕资本 (Gaorong Capital)" in text


def test_events_toggle_and_timeline(open_view):
    page = open_view(sample_view()).page
    assert page.evaluate("sekg.counts().events") == 5
    assert page.evaluate(f"sekg.nodes.get('{V}{1:016x}').shape") == "diamond"
    page.uncheck("#show-events")
    assert page.evaluate("sekg.counts()")["events"] == 0
    page.check("#show-events")
    assert page.evaluate("sekg.counts()")["events"] == 5
    page.evaluate(f"sekg.selectNode('{E}pinduoduo')")
    whens = page.locator("#panel .timeline .when").all_inner_texts()
    assert whens == ["2018-07", "2020", "无日期 undated"]
    page.evaluate(f"sekg.selectEvent('{V}{1:016x}')")
    text = page.inner_text("#panel")
    assert "B轮" in text and "领投方 leadInvestor" in text and FUNDING_SENTENCE in text


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["csp", "no-csp"])
def test_hostile_names_run_nothing(open_view, bypass_csp):
    # Also without the page's CSP: the DOM building itself must be safe.
    view = hostile_view()
    o = open_view(view, bypass_csp=bypass_csp)
    page = o.page

    def assert_clean(stage):
        page.wait_for_timeout(100)  # let any injected onerror/onload fire
        assert o.dialogs == [], stage
        assert page.evaluate("window.__pwned") is None, stage
        assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0, stage
        assert page.evaluate("document.querySelectorAll('svg:not(.swatch)').length") == 0, stage
        assert page.evaluate("document.scripts.length") == 3, stage

    assert_clean("load")
    assert page.title() == view["title"]
    ids = [n["id"] for n in view["nodes"]]
    for nid in ids:  # hover: vis tooltips
        p = page.evaluate("(id) => sekg.canvasPosition(id)", nid)
        page.mouse.move(p["x"], p["y"])
        page.wait_for_timeout(250)
    assert_clean("hover")
    tip = page.locator("div.vis-tooltip")
    assert tip.count() == 1 and PAYLOADS[-1] in tip.text_content()
    for nid in ids:  # click: node panels
        p = page.evaluate("(id) => sekg.canvasPosition(id)", nid)
        page.mouse.click(p["x"], p["y"])
        assert page.evaluate("sekg.selected()")["id"] == nid
        assert_clean("node panel")
    assert page.text_content("#panel h2") == PAYLOADS[-1]
    for f in view["edges"]:
        page.evaluate("(id) => sekg.selectEdge(id)", f["id"])
        assert_clean("edge panel")
    for ev in view["events"]:
        page.evaluate("(id) => sekg.selectEvent(id)", ev["id"])
        assert_clean("event panel")
    assert page.text_content("#panel h2") == view["events"][-1]["label"]
    page.fill("#search", "<")  # search results list the names
    page.wait_for_selector("#search-results li")
    assert_clean("search results")
    page.press("#search", "ArrowDown")
    page.press("#search", "Enter")
    assert_clean("search select")
    assert _offsite(o.requests) == []
    assert o.errors == []


def test_corpus_view_draws_the_graph(open_view, corpus_graph):
    """The view `sekg build` writes for the bundled corpus: every actor drawn, no errors,
    nothing fetched from outside, a node's provenance on selection."""
    from exports.view import view_data

    view = view_data(corpus_graph)
    o = open_view(view)
    page = o.page
    assert o.errors == [] and _offsite(o.requests) == []
    assert page.evaluate("sekg.counts()")["actors"] == len(view["nodes"])
    page.uncheck("#show-events")
    assert page.evaluate("sekg.drawnNodeIds().length") == len(view["nodes"])
    shot = Path(__file__).resolve().parent.parent / "docs" / "sekg-view.png"
    if os.environ.get("SEKG_SCREENSHOT"):  # refresh the README's picture on demand
        page.evaluate("sekg.search('拼多多')")
        page.wait_for_timeout(800)
        page.screenshot(path=str(shot))
