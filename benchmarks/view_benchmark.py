"""Benchmark of the interactive HTML view (exports/html.py) in headless Chromium.

Generates synthetic view data with 500, 5,000 and 20,000 edges (about a quarter as
many nodes), renders each page, opens it from disk and prints:

- the page size and the time render_html took,
- the time from navigation start until the view is stable and drawn (window.sekgReady),
  both with force layout (no coordinates) and with precomputed coordinates,
- the time of a few interactions once it is ready: selecting the biggest hub
  (neighbourhood highlight + panel), unchecking a class filter, a search.

Usage:  cd /work/main && /work/venv/bin/python benchmarks/view_benchmark.py [EDGES ...]
        [--chromium PATH] [--screenshot DIR]
This prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exports.html import render_html  # noqa: E402

CLASSES = ["Platform", "Brand", "MCN", "Regulator", "ServiceProvider", "Investor",
           "Exchange", "Company", "Association", "Person", "Product", "Document", "Sector"]
CLASS_WEIGHTS = [8, 14, 8, 3, 8, 10, 1, 25, 3, 6, 8, 4, 2]
RELATIONS = {  # relation -> (subject classes, object classes)
    "investedIn": (["Investor", "Company", "Platform"], ["Company", "Platform", "Brand", "MCN"]),
    "listedOn": (["Company", "Platform", "Brand"], ["Exchange"]),
    "regulates": (["Regulator"], ["Platform", "Company", "MCN", "Sector"]),
    "partnersWith": (["Platform", "Brand", "MCN", "ServiceProvider", "Company"],
                     ["Platform", "Brand", "MCN", "ServiceProvider", "Company"]),
    "acquired": (["Company", "Platform"], ["Company", "Brand", "ServiceProvider"]),
    "issued": (["Regulator", "Association", "Company"], ["Document"]),
    "penalized": (["Regulator"], ["Platform", "Company", "Brand", "MCN", "Person"]),
    "launched": (["Platform", "Company", "Brand"], ["Product"]),
    "subsidiaryOf": (["Company", "Product", "Brand", "MCN"], ["Company", "Platform"]),
}
EVENT_OF = {"investedIn": ("FundingRound", "investor", "fundedCompany"),
            "listedOn": ("Listing", "listedCompany", "exchange"),
            "acquired": ("Acquisition", "acquirer", "acquiredCompany"),
            "partnersWith": ("Partnership", "partner", "partner"),
            "issued": ("PolicyIssuance", "issuer", "policyDocument"),
            "penalized": ("Penalty", "penalizingBody", "penalizedParty"),
            "launched": ("Launch", "launcher", "launchedProduct")}
SYLLABLES = "拼多云集贝店有赞微盟小红书抖音快手淘宝京东美团唯品会蘑菇街每日优鲜兴盛优选社区团购直播电商"


def synthetic_view(n_edges: int, seed: int = 1, with_xy: bool = False) -> dict:
    """A scale-free-ish view dict with ~n_edges/4 nodes, dates, amounts and evidence."""
    rng = random.Random(seed)
    n_nodes = max(10, n_edges // 4)
    nodes, by_class = [], {c: [] for c in CLASSES}
    for i in range(n_nodes):
        cls = rng.choices(CLASSES, CLASS_WEIGHTS)[0]
        if i < len(CLASSES):
            cls = CLASSES[i]
        label = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5))) + str(i)
        nid = f"https://w3id.org/sekg/id/entity/n{i}"
        nodes.append({"id": nid, "label": label, "label_en": f"Actor {i}" if rng.random() < 0.5 else None,
                      "aliases": [f"A{i}", label + "公司"], "class": cls, "degree": 0, "centrality": 0.0,
                      "x": None, "y": None})
        by_class[cls].append(i)
    weight = [1.0] * n_nodes
    edges, events, seen = [], [], set()
    rels = list(RELATIONS)
    tries = 0
    while len(edges) < n_edges and tries < n_edges * 20:
        tries += 1
        rel = rng.choice(rels)
        subj_cls, obj_cls = RELATIONS[rel]
        s_pool = [i for c in subj_cls for i in by_class[c]]
        o_pool = [i for c in obj_cls for i in by_class[c]]
        if not s_pool or not o_pool:
            continue
        # half preferential attachment (hubs), half uniform (few isolated actors)
        s = rng.choices(s_pool, [weight[i] for i in s_pool])[0] if rng.random() < 0.5 else rng.choice(s_pool)
        o = rng.choices(o_pool, [weight[i] for i in o_pool])[0] if rng.random() < 0.5 else rng.choice(o_pool)
        if s == o or (s, rel, o) in seen:
            continue
        seen.add((s, rel, o))
        weight[s] += 1
        weight[o] += 1
        year = rng.randint(2012, 2024) if rng.random() < 0.8 else None
        date = None if year is None else (f"{year}-{rng.randint(1, 12):02d}" if rng.random() < 0.6 else str(year))
        amount = round(rng.uniform(1, 100), 1) * 1e7 if rel in ("investedIn", "acquired", "penalized") else None
        sa, oa = nodes[s]["label"], nodes[o]["label"]
        sentence = f"{date or ''}{sa}与{oa}发生{rel}关系，据报道涉及金额{amount or '未披露'}。"
        start = rng.randint(0, 200000)
        ev = [{"doc": f"doc-{rng.randint(1, 40):02d}.txt", "sentence": sentence, "start": start,
               "end": start + len(sentence), "rule": f"{rel}.synthetic", "confidence": 0.8}]
        eid = f"https://w3id.org/sekg/id/fact/{len(edges):016x}"
        edges.append({"id": eid, "source": nodes[s]["id"], "target": nodes[o]["id"], "relation": rel,
                      "date": date, "year": year, "amount": amount, "currency": "CNY" if amount else None,
                      "confidence": 0.8, "evidence": ev})
        if rel in EVENT_OF and rng.random() < 0.3:
            cls, r1, r2 = EVENT_OF[rel]
            events.append({"id": f"https://w3id.org/sekg/id/event/{len(events):016x}", "class": cls,
                           "label": f"{sa} {cls} {oa}", "date": date, "year": year, "amount": amount,
                           "currency": "CNY" if amount else None, "round": None, "status": "completed",
                           "participants": [{"role": r1, "entity": nodes[s]["id"]},
                                            {"role": r2, "entity": nodes[o]["id"]}],
                           "evidence": ev})
    for e in edges:
        for end in (e["source"], e["target"]):
            nodes[int(end.rsplit("n", 1)[1])]["degree"] += 1
    top = max(n["degree"] for n in nodes) or 1
    for n in nodes:
        n["centrality"] = round(n["degree"] / top * rng.uniform(0.5, 1.0), 4)
    if with_xy:  # a cheap "precomputed" layout: hubs near the centre, spiral outwards
        order = sorted(range(n_nodes), key=lambda i: -nodes[i]["degree"])
        for rank, i in enumerate(order):
            r, a = math.sqrt(rank + 1), rank * 2.39996
            nodes[i]["x"], nodes[i]["y"] = r * math.cos(a), r * math.sin(a)
    return {"title": f"sekg synthetic — {len(edges)} edges", "nodes": nodes, "edges": edges, "events": events}


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def measure(browser, path: Path, view: dict, screenshot: Path | None) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    t0 = time.perf_counter()
    page.goto(path.as_uri(), wait_until="commit")
    page.wait_for_function("() => window.sekgReady === true", timeout=300_000, polling=50)
    wall = time.perf_counter() - t0
    timings = page.evaluate("window.sekgTimings")
    if screenshot:
        page.screenshot(path=str(screenshot))
    hub = max(view["nodes"], key=lambda n: n["degree"])["id"]
    # interaction latency: the JS work plus the next painted frame
    frames = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
    select_ms = page.evaluate(f"""async (id) => {{ const t = performance.now(); sekg.selectNode(id);
        await {frames}; return performance.now() - t; }}""", hub)
    page.evaluate("sekg.clearSelection()")
    filter_ms = page.evaluate(f"""async () => {{ const t = performance.now(); sekg.setClassVisible('Company', false);
        await {frames}; const d = performance.now() - t; sekg.setClassVisible('Company', true); return d; }}""")
    search_ms = page.evaluate("() => { const t = performance.now(); sekg.search('a1'); return performance.now() - t; }")
    page.evaluate("sekg.network.fit()")
    redraw_ms = page.evaluate("""() => { const t = performance.now(); for (let i = 0; i < 5; i++) sekg.network.redraw();
        return (performance.now() - t) / 5; }""")
    if screenshot:
        page.evaluate("(id) => sekg.selectNode(id)", hub)
        page.wait_for_timeout(600)
        page.screenshot(path=str(screenshot.with_name(screenshot.stem + "-selected.png")))
    page.close()
    return {"timings": timings, "wall": wall, "ready": timings["ready"], "stabilized": timings.get("stabilized"),
            "select": select_ms, "filter": filter_ms, "search": search_ms, "redraw": redraw_ms, "errors": errors}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("edges", nargs="*", type=int, default=[500, 5000, 20000])
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--screenshot", type=Path, help="directory for screenshots of each page")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="sekg-bench-"))
    print(f"{'edges':>6} {'nodes':>6} {'events':>6} {'layout':>9} {'MB':>5} {'render':>7} "
          f"{'ready':>8} {'select':>7} {'filter':>7} {'search':>7} {'redraw':>7}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        for n in args.edges:
            for with_xy in (False, True):
                view = synthetic_view(n, with_xy=with_xy)
                t = time.perf_counter()
                html = render_html(view)
                render_s = time.perf_counter() - t
                path = tmp / f"view-{n}-{'xy' if with_xy else 'force'}.html"
                path.write_text(html, encoding="utf-8")
                shot = args.screenshot / f"{path.stem}.png" if args.screenshot else None
                if shot:
                    shot.parent.mkdir(parents=True, exist_ok=True)
                r = measure(browser, path, view, shot)
                print(f"{len(view['edges']):>6} {len(view['nodes']):>6} {len(view['events']):>6} "
                      f"{'coords' if with_xy else 'force':>9} {len(html.encode()) / 1e6:>5.1f} "
                      f"{render_s:>6.2f}s {r['ready'] / 1000:>7.2f}s {r['select']:>5.0f}ms "
                      f"{r['filter']:>5.0f}ms {r['search']:>5.0f}ms {r['redraw']:>5.0f}ms", flush=True)
                print("   timings (ms):", {k: round(v) for k, v in r["timings"].items() if v is not None})
                if r["errors"]:
                    print("   console errors:", r["errors"][:3])
        browser.close()
    print("ready = ms from navigation start until the layout is stable and drawn (window.sekgReady);")
    print("select = hub selection (neighbourhood highlight, panel, zoom) until painted; filter = hide class")
    print("Company until painted; search = one search over all names;")
    print("redraw = one full canvas redraw at the fitted zoom.")


if __name__ == "__main__":
    main()
