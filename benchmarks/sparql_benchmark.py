"""Benchmark of SPARQL (pyoxigraph vs rdflib) and of the Python analytics on a synthetic
graph of about a million triples in the sekg vocabulary.

The graph: entities of every class with a Chinese label, English labels and aliases for
some; facts as direct triples plus their reification (sekg:Fact, rdf:subject/predicate/
object, confidence, date) with one or two sekg:Evidence nodes each (document, sentence,
offsets, rule, confidence); events of the seven classes with roles, dates, amounts,
currencies, rounds and statuses; the ontology. A few real actors (拼多多, 云集, 京东,
纳斯达克 ...) are planted so that the cookbook's parameterised queries have answers.

It prints:
- the load time of the N-Triples file in pyoxigraph and in rdflib;
- for each cookbook query (docs/queries/*.rq) the median latency with pyoxigraph and with
  rdflib, and their ratio; rdflib runs in a forked subprocess per query with a time cap
  (`--cap`), reported as "> cap" when exceeded;
- the time to build the networkx graph: `KnowledgeGraph.to_networkx()` itself on the
  rdflib graph (in a capped subprocess too), and the equivalent built from pyoxigraph
  SELECTs; then degree and PageRank rankings, Louvain communities, an ego network and a
  shortest path on it.

Usage:  cd /work/main && /work/venv/bin/python benchmarks/sparql_benchmark.py
        [--entities 50000] [--facts 45000] [--events 8000] [--repeat 5] [--cap 60]
        [--skip-rdflib] [--keep FILE.nt]
This prints figures; it is not a test.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402
import pyoxigraph as ox  # noqa: E402

from kg import analytics as A  # noqa: E402

SEKG = "https://w3id.org/sekg/ontology#"
ID = "https://w3id.org/sekg/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"

CLASSES = ["Platform", "Brand", "MCN", "Regulator", "ServiceProvider", "Investor", "Exchange", "Company",
           "Association", "Person", "Product", "Document", "Sector"]
CLASS_WEIGHTS = [8, 14, 6, 3, 6, 8, 0.02, 22, 3, 5, 10, 12, 0.1]
ORGS = ["Platform", "Brand", "MCN", "ServiceProvider", "Company", "Investor", "Association"]
RELATIONS = {  # relation -> (weight, subject classes, object classes)
    "issued": (30, ["Regulator", "Association", "Platform", "Company"], ["Document"]),
    "partnersWith": (15, ORGS, ORGS),
    "investedIn": (12, ["Investor", "Company", "Platform"], ["Company", "Platform", "Brand", "MCN"]),
    "launched": (10, ["Platform", "Company", "Brand", "MCN"], ["Product"]),
    "regulates": (10, ["Regulator"], ["Platform", "Company", "MCN", "Sector"]),
    "subsidiaryOf": (7, ["Company", "Brand", "Product", "Platform"], ["Platform", "Company"]),
    "acquired": (5, ["Company", "Platform"], ["Company", "Brand", "ServiceProvider"]),
    "penalized": (5, ["Regulator"], ["Platform", "Company", "Brand", "MCN", "Person"]),
    "listedOn": (3, ["Company", "Platform", "Brand"], ["Exchange"]),
}
EVENTS = {  # event class -> (roles for the first participant classes, second)
    "FundingRound": (("fundedCompany", ["Company", "Platform", "Brand"]), ("leadInvestor", ["Investor"])),
    "Listing": (("listedCompany", ["Company", "Platform"]), ("exchange", ["Exchange"])),
    "Acquisition": (("acquirer", ["Company", "Platform"]), ("acquiredCompany", ["Company", "Brand"])),
    "Partnership": (("partner", ORGS), ("partner", ORGS)),
    "PolicyIssuance": (("issuer", ["Regulator"]), ("policyDocument", ["Document"])),
    "Penalty": (("penalizedParty", ["Company", "Platform", "MCN"]), ("penalizingBody", ["Regulator"])),
    "Launch": (("launcher", ["Platform", "Company"]), ("launchedProduct", ["Product"])),
}
PLANTED = [  # slug, zh, en, class
    ("pinduoduo", "拼多多", "Pinduoduo", "Platform"), ("yunji", "云集", "Yunji", "Platform"),
    ("jd-com", "京东", "JD.com", "Platform"), ("beidian", "贝店", "Beidian", "Platform"),
    ("nasdaq", "纳斯达克", "Nasdaq", "Exchange"), ("hkex", "香港交易所", "Hong Kong Stock Exchange", "Exchange"),
    ("nyse", "纽约证券交易所", "New York Stock Exchange", "Exchange"),
    ("samr", "国家市场监督管理总局", "State Administration for Market Regulation", "Regulator"),
    ("nrta", "国家广播电视总局", "National Radio and Television Administration", "Regulator"),
    ("live", "网络直播营销", "Live-streaming marketing", "Sector"), ("ecommerce", "电子商务", "E-commerce", "Sector"),
]
CHARS = "云拼多京东淘宝美团微盟有赞快手抖音小红书蘑菇街贝店星河华联创新数字科技智慧优选生活电商直播网络商贸"
SUFFIX = {"Platform": "平台", "Brand": "品牌", "MCN": "传媒", "Regulator": "管理局", "ServiceProvider": "服务",
          "Investor": "资本", "Exchange": "交易所", "Company": "公司", "Association": "协会", "Person": "",
          "Product": "App", "Document": "管理办法", "Sector": "电商"}
TRIGGERS = {"issued": "发布", "partnersWith": "携手", "investedIn": "投资", "launched": "推出", "regulates": "监管",
            "subsidiaryOf": "旗下", "acquired": "收购", "penalized": "处罚", "listedOn": "登陆"}
STATUSES = ["completed"] * 8 + ["planned", "rumoured"]


def lit(text: str, lang: str | None = None, dtype: str | None = None) -> str:
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"@{lang}' if lang else f'"{text}"^^<{XSD}{dtype}>' if dtype else f'"{text}"'


def generate(path: Path, n_entities: int, n_facts: int, n_events: int, seed: int = 7) -> int:
    """Write the synthetic graph as N-Triples; returns the number of lines (triples)."""
    rng = random.Random(seed)
    lines: list[str] = []
    add = lines.append
    for line in ox.serialize(ox.parse(path=str(ROOT / "ontology" / "sekg.ttl"), format=ox.RdfFormat.TURTLE),
                             format=ox.RdfFormat.N_TRIPLES).decode("utf-8").splitlines():
        add(line)
    by_class: dict[str, list[str]] = {c: [] for c in CLASSES}
    labels: dict[str, str] = {}

    def entity(iri: str, cls: str, zh: str, en: str | None = None, alias: str | None = None) -> None:
        by_class[cls].append(iri)
        labels[iri] = zh
        add(f"<{iri}> <{RDF}type> <{SEKG}{cls}> .")
        add(f"<{iri}> <{RDFS}label> {lit(zh, 'zh')} .")
        if en:
            add(f"<{iri}> <{RDFS}label> {lit(en, 'en')} .")
        if alias:
            add(f"<{iri}> <{SKOS}altLabel> {lit(alias, 'zh')} .")

    for slug, zh, en, cls in PLANTED:
        entity(f"{ID}entity/{slug}", cls, zh, en, zh + "公司" if cls == "Platform" else None)
    classes = rng.choices(CLASSES, weights=CLASS_WEIGHTS, k=n_entities)
    for i, cls in enumerate(classes):
        zh = "".join(rng.choices(CHARS, k=rng.randint(2, 4))) + SUFFIX[cls] + str(i)
        en = f"{cls} {i}" if rng.random() < 0.4 else None
        alias = zh[:-len(str(i))] + "集团" + str(i) if rng.random() < 0.3 else None
        entity(f"{ID}{'document' if cls == 'Document' else 'entity'}/e{i:012x}", cls, zh, en, alias)

    docs = [f"{ID}source/doc-{d}" for d in range(200)]
    for d, doc in enumerate(docs):
        add(f"<{doc}> <{RDF}type> <{SEKG}SourceDocument> .")
        add(f"<{doc}> <{RDFS}label> {lit(f'doc-{d}.txt')} .")
    offsets = [0] * len(docs)
    n_evidence = 0

    def evidence(node: str, sentence: str, rule: str) -> None:
        nonlocal n_evidence
        d = rng.randrange(len(docs))
        start = offsets[d]
        offsets[d] += len(sentence) + 1
        ev = f"{ID}evidence/{n_evidence:016x}"
        n_evidence += 1
        add(f"<{node}> <{SEKG}evidence> <{ev}> .")
        add(f"<{ev}> <{RDF}type> <{SEKG}Evidence> .")
        add(f"<{ev}> <{SEKG}sourceDocument> <{docs[d]}> .")
        add(f"<{ev}> <{SEKG}sentence> {lit(sentence)} .")
        add(f"<{ev}> <{SEKG}startOffset> {lit(str(start), dtype='integer')} .")
        add(f"<{ev}> <{SEKG}endOffset> {lit(str(start + len(sentence)), dtype='integer')} .")
        add(f"<{ev}> <{SEKG}rule> {lit(rule)} .")
        add(f"<{ev}> <{SEKG}confidence> {lit(f'{rng.uniform(0.6, 0.95):.2f}', dtype='decimal')} .")

    def date() -> str:
        y, m, d = rng.randint(2010, 2023), rng.randint(1, 12), rng.randint(1, 28)
        kind = rng.random()
        return (lit(f"{y}", dtype="gYear") if kind < 0.3 else lit(f"{y}-{m:02d}", dtype="gYearMonth")
                if kind < 0.7 else lit(f"{y}-{m:02d}-{d:02d}", dtype="date"))

    seen: set[tuple[str, str, str]] = set()
    n_fact = 0

    def fact(s: str, rel: str, o: str, dated: bool = True) -> None:
        nonlocal n_fact
        if (s, rel, o) in seen or s == o:
            return
        seen.add((s, rel, o))
        node = f"{ID}fact/{n_fact:016x}"
        n_fact += 1
        add(f"<{s}> <{SEKG}{rel}> <{o}> .")
        add(f"<{node}> <{RDF}type> <{SEKG}Fact> .")
        add(f"<{node}> <{RDF}type> <{RDF}Statement> .")
        add(f"<{node}> <{RDF}subject> <{s}> .")
        add(f"<{node}> <{RDF}predicate> <{SEKG}{rel}> .")
        add(f"<{node}> <{RDF}object> <{o}> .")
        add(f"<{node}> <{SEKG}confidence> {lit(f'{rng.uniform(0.6, 0.95):.2f}', dtype='decimal')} .")
        if dated and rng.random() < 0.7:
            add(f"<{node}> <{SEKG}date> {date()} .")
        for _ in range(2 if rng.random() < 0.2 else 1):
            evidence(node, f"{labels[s]}{TRIGGERS[rel]}{labels[o]}，" + "".join(rng.choices(CHARS, k=12)), f"{rel}.rule")

    E = {slug: f"{ID}entity/{slug}" for slug, *_ in PLANTED}
    fact(E["pinduoduo"], "listedOn", E["nasdaq"])
    fact(E["yunji"], "listedOn", E["nasdaq"])
    fact(E["samr"], "regulates", E["live"])
    fact(E["nrta"], "regulates", E["live"])
    for _ in range(12):
        fact(E["jd-com"], "partnersWith", rng.choice(by_class["Company"]))
        fact(rng.choice(by_class["Platform"]), "partnersWith", E["pinduoduo"])
    rels = list(RELATIONS)
    weights = [RELATIONS[r][0] for r in rels]
    while n_fact < n_facts:
        rel = rng.choices(rels, weights=weights)[0]
        _, subj, obj = RELATIONS[rel]
        s = rng.choice(by_class[rng.choice([c for c in subj if by_class[c]])])
        o = rng.choice(by_class[rng.choice([c for c in obj if by_class[c]])])
        fact(s, rel, o)

    def event(cls: str, first: str, second: str | None, dated: bool = True) -> None:
        node = f"{ID}event/{event.n:016x}"
        event.n += 1
        (r1, _), (r2, _) = EVENTS[cls]
        add(f"<{node}> <{RDF}type> <{SEKG}{cls}> .")
        add(f"<{node}> <{SEKG}{r1}> <{first}> .")
        names = [labels[first]]
        if second:
            add(f"<{node}> <{SEKG}{r2}> <{second}> .")
            names.append(labels[second])
        add(f"<{node}> <{RDFS}label> {lit('、'.join(names) + ' ' + cls, 'zh')} .")
        if dated and rng.random() < 0.8:
            add(f"<{node}> <{SEKG}date> {date()} .")
        if cls in ("FundingRound", "Acquisition", "Penalty") and rng.random() < 0.7:
            add(f"<{node}> <{SEKG}amount> {lit(str(rng.randint(1, 500) * 1_000_000), dtype='decimal')} .")
            add(f"<{node}> <{SEKG}currency> {lit(rng.choice(['CNY', 'CNY', 'USD', 'HKD']))} .")
        if cls == "FundingRound" and rng.random() < 0.6:
            add(f"<{node}> <{SEKG}round> {lit(rng.choice(['天使轮', 'A轮', 'B轮', 'C轮', 'D轮', '战略融资']))} .")
        add(f"<{node}> <{SEKG}status> {lit(rng.choice(STATUSES))} .")
        add(f"<{node}> <{SEKG}confidence> {lit(f'{rng.uniform(0.6, 0.95):.2f}', dtype='decimal')} .")
        evidence(node, "、".join(names) + "".join(rng.choices(CHARS, k=16)), f"{cls}.rule")

    event.n = 0
    event("Listing", E["pinduoduo"], E["nasdaq"])
    event("FundingRound", E["beidian"], None)
    classes = list(EVENTS)
    while event.n < n_events:
        cls = rng.choice(classes)
        (_, c1), (_, c2) = EVENTS[cls]
        first = rng.choice(by_class[rng.choice([c for c in c1 if by_class[c]])])
        second = rng.choice(by_class[rng.choice([c for c in c2 if by_class[c]])]) if rng.random() < 0.85 else None
        event(cls, first, second if second != first else None)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


# ---- timing --------------------------------------------------------------------------
def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def time_ox(store: ox.Store, query: str, repeat: int) -> tuple[float, int]:
    times, n = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        n = sum(1 for _ in store.query(query))
        times.append(time.perf_counter() - t)
    return statistics.median(times), n


_RDFLIB_GRAPH = None  # set in the parent before forking: children inherit it


def _rdflib_child(query: str, repeat: int, conn) -> None:
    try:
        for _ in range(repeat):
            t = time.perf_counter()
            n = sum(1 for _ in _RDFLIB_GRAPH.query(query))
            conn.send(("ok", time.perf_counter() - t, n))
    except Exception as exc:  # report, don't hang the parent
        conn.send(("error", f"{exc.__class__.__name__}: {exc}", 0))
    conn.close()


def capped(target, args: tuple, cap: float) -> list[tuple]:
    """Run target(*args, conn) in a forked process; the messages it sent before `cap`
    seconds (the process is killed at the cap)."""
    parent, child = mp.Pipe(duplex=False)
    proc = mp.get_context("fork").Process(target=target, args=(*args, child), daemon=True)
    proc.start()
    child.close()
    got, deadline = [], time.monotonic() + cap
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not parent.poll(left):
            break
        try:
            got.append(parent.recv())
        except EOFError:
            break
    if proc.is_alive():
        proc.kill()
    proc.join()
    return got


def time_rdflib(query: str, repeat: int, cap: float) -> tuple[float | None, str]:
    got = capped(_rdflib_child, (query, repeat), cap)
    errors = [m for m in got if m[0] == "error"]
    times = [m[1] for m in got if m[0] == "ok"]
    if errors:
        return None, "error: " + errors[0][1][:60]
    if not times:
        return None, f"> {cap:g} s"
    return statistics.median(times), fmt(statistics.median(times))


def _to_networkx_child(conn) -> None:
    from kg.graph import KnowledgeGraph
    from rdflib import Dataset
    kg = KnowledgeGraph(Dataset())
    kg.__dict__["graph"] = _RDFLIB_GRAPH  # the loaded graph stands in for the union
    t = time.perf_counter()
    G = kg.to_networkx()
    conn.send(("to_networkx", time.perf_counter() - t, (G.number_of_nodes(), G.number_of_edges())))
    t = time.perf_counter()
    A.centrality_ranking(G)
    conn.send(("centrality", time.perf_counter() - t, None))
    conn.close()


NX_ENTITIES = f"""PREFIX sekg: <{SEKG}> PREFIX rdfs: <{RDFS}> PREFIX skos: <{SKOS}>
SELECT ?e ?c ?zh ?en (GROUP_CONCAT(?alt; SEPARATOR="\\u001f") AS ?alts) WHERE {{
  VALUES ?c {{ {" ".join("sekg:" + c for c in CLASSES)} }}
  ?e a ?c ; rdfs:label ?zh . FILTER(LANG(?zh) = "zh")
  OPTIONAL {{ ?e rdfs:label ?en . FILTER(LANG(?en) = "en") }}
  OPTIONAL {{ ?e skos:altLabel ?alt }}
}} GROUP BY ?e ?c ?zh ?en"""
NX_FACTS = f"""PREFIX sekg: <{SEKG}> PREFIX rdf: <{RDF}>
SELECT ?f ?s ?p ?o ?date ?conf ?doc ?sentence ?start ?end ?rule ?econf WHERE {{
  ?f a sekg:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; sekg:confidence ?conf .
  OPTIONAL {{ ?f sekg:date ?date }}
  ?f sekg:evidence ?ev . ?ev sekg:sourceDocument ?doc ; sekg:sentence ?sentence ; sekg:startOffset ?start ;
     sekg:endOffset ?end ; sekg:rule ?rule ; sekg:confidence ?econf .
}}"""


def networkx_from_oxigraph(store: ox.Store) -> nx.MultiDiGraph:
    """What `KnowledgeGraph.to_networkx()` builds, from two pyoxigraph SELECTs."""
    G = nx.MultiDiGraph()
    for r in store.query(NX_ENTITIES):
        alts = r["alts"].value.split("\u001f") if r["alts"] is not None and r["alts"].value else []
        G.add_node(r["e"].value, label=r["zh"].value, label_en=r["en"].value if r["en"] is not None else None,
                   cls=r["c"].value.rsplit("#", 1)[1], alt_labels=sorted(alts), stock_codes=[])
    edges: dict[str, dict] = {}
    for r in store.query(NX_FACTS):
        f = r["f"].value
        e = edges.get(f)
        if e is None:
            e = edges[f] = {"s": r["s"].value, "o": r["o"].value, "relation": r["p"].value.rsplit("#", 1)[1],
                            "date": r["date"].value if r["date"] is not None else None,
                            "confidence": float(r["conf"].value), "evidence": []}
        e["evidence"].append({"doc": r["doc"].value, "sentence": r["sentence"].value, "start": int(r["start"].value),
                              "end": int(r["end"].value), "rule": r["rule"].value,
                              "confidence": float(r["econf"].value)})
    for f, e in edges.items():
        G.add_edge(e["s"], e["o"], key=e["relation"], iri=f, relation=e["relation"], date=e["date"],
                   confidence=e["confidence"], evidence=e["evidence"])
    return G


def stopwatch(label: str, fn, *args, **kwargs):
    t = time.perf_counter()
    result = fn(*args, **kwargs)
    print(f"  {label:<44} {fmt(time.perf_counter() - t):>10}")
    return result


def main() -> None:
    global _RDFLIB_GRAPH
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entities", type=int, default=50_000)
    ap.add_argument("--facts", type=int, default=45_000)
    ap.add_argument("--events", type=int, default=8_000)
    ap.add_argument("--repeat", type=int, default=5, help="runs per query (the median is shown)")
    ap.add_argument("--cap", type=float, default=60.0, help="seconds an rdflib query may take")
    ap.add_argument("--skip-rdflib", action="store_true")
    ap.add_argument("--keep", type=Path, help="write the synthetic N-Triples here and keep them")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="sekg-bench-")
    path = args.keep or Path(tmp.name) / "synthetic.nt"
    t = time.perf_counter()
    n = generate(path, args.entities, args.facts, args.events)
    print(f"synthetic graph: {n:,} triples ({path.stat().st_size / 1e6:.0f} MB of N-Triples), "
          f"{args.entities:,} entities, {args.facts:,} facts, {args.events:,} events; "
          f"generated in {fmt(time.perf_counter() - t)}")
    print(f"python {sys.version.split()[0]}, pyoxigraph {ox.__version__}, networkx {nx.__version__}, "
          f"{os.cpu_count()} CPUs\n")

    print("load (N-Triples):")
    t = time.perf_counter()
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    print(f"  {'pyoxigraph Store.load':<44} {fmt(time.perf_counter() - t):>10}   ({len(store):,} triples)")
    if not args.skip_rdflib:
        import rdflib
        t = time.perf_counter()
        _RDFLIB_GRAPH = rdflib.Graph()
        _RDFLIB_GRAPH.parse(path, format="nt")
        print(f"  {'rdflib Graph.parse':<44} {fmt(time.perf_counter() - t):>10}   ({len(_RDFLIB_GRAPH):,} triples)")

    print(f"\ncookbook queries (median of {args.repeat} runs; rdflib capped at {args.cap:g} s):")
    print(f"  {'query':<32} {'rows':>7} {'pyoxigraph':>11} {'rdflib':>11} {'ratio':>9}")
    ox_times, ratios = [], []
    for q in sorted((ROOT / "docs" / "queries").glob("*.rq")):
        text = q.read_text(encoding="utf-8")
        t_ox, rows = time_ox(store, text, args.repeat)
        ox_times.append(t_ox)
        if args.skip_rdflib:
            shown, ratio = "-", "-"
        else:
            t_rl, shown = time_rdflib(text, min(args.repeat, 3), args.cap)
            if t_rl is not None:
                ratios.append(t_rl / t_ox)
                ratio = f"{t_rl / t_ox:,.0f}x"
            else:
                ratio = f"> {args.cap / t_ox:,.0f}x" if shown.startswith(">") else "-"
        print(f"  {q.stem:<32} {rows:>7} {fmt(t_ox):>11} {shown:>11} {ratio:>9}")
    print(f"  median pyoxigraph latency over the cookbook: {fmt(statistics.median(ox_times))}"
          + (f"; median rdflib/pyoxigraph ratio (finished queries): {statistics.median(ratios):,.0f}x"
             if ratios else ""))

    print("\nnetworkx:")
    if not args.skip_rdflib:
        got = capped(_to_networkx_child, (), max(args.cap, 600.0))
        for label, seconds, extra in got:
            what = "KnowledgeGraph.to_networkx() (rdflib)" if label == "to_networkx" else "  + centrality_ranking (degree)"
            print(f"  {what:<44} {fmt(seconds):>10}" + (f"   ({extra[0]:,} nodes, {extra[1]:,} edges)" if extra else ""))
        if len(got) < 2:
            print("  KnowledgeGraph.to_networkx() (rdflib)        did not finish within the cap")
    G = stopwatch("equivalent graph from pyoxigraph SELECTs", networkx_from_oxigraph, store)
    print(f"  {'':<44} {'':>10}   ({G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges)")
    stopwatch("centrality_ranking (degree)", A.centrality_ranking, G)
    stopwatch("centrality_ranking (pagerank, scipy)", A.centrality_ranking, G, measure="pagerank")
    stopwatch("centrality_ranking (betweenness, k=100)", A.centrality_ranking, G, measure="betweenness")
    parts = stopwatch("communities (Louvain)", A.communities, G)
    print(f"  {'':<44} {'':>10}   ({len(parts):,} communities, largest {len(parts[0]):,})")
    stopwatch("resolve_name (first call builds the index)", A.resolve_name, G, "拼多多")
    stopwatch("resolve_name (again)", A.resolve_name, G, "Pinduoduo")
    stopwatch("ego_network(拼多多, radius=2)", A.ego_network, G, "拼多多", 2)
    stopwatch("shortest_paths(云集, 京东)", A.shortest_paths, G, "云集", "京东")
    tmp.cleanup()


if __name__ == "__main__":
    main()
