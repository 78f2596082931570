"""The SPARQL cookbook (docs/queries/*.rq) on the corpus graph.

Every query runs with pyoxigraph (`KnowledgeGraph.query`) and its answer is checked for
something that must stay true as the extraction improves (a fact of the gold set, a
shape, a consistency with the Python tables), never an exact full result. Several are
also run with rdflib's engine, which must return the same rows.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest

import kg
from kg.graph import ACTOR_CLASSES
from kg.sources import read
from kg.sparql import QueryError

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "docs" / "queries"
CORPUS = ROOT / "corpus"
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
STATUSES = {"completed", "planned", "rumoured", "denied", "terminated"}


@pytest.fixture(scope="module")
def g():
    return kg.build()


@pytest.fixture(scope="module")
def answers(g):
    """Every cookbook query's pyoxigraph answer, by file stem."""
    return {p.stem: g.query(p.read_text(encoding="utf-8")) for p in sorted(QUERIES.glob("*.rq"))}


def values(series) -> list:
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in series]


def rows(df: pd.DataFrame) -> set[tuple]:
    return {tuple(r) for r in df.astype(object).where(df.notna(), None).itertuples(index=False)}


def assert_dates(series) -> None:
    for d in values(series):
        assert d is None or ISO.match(str(d)), d


def assert_date_order(series) -> None:
    """Dated rows ascending (ISO text sorts by time at any precision), undated rows last."""
    dates = values(series)
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated)
    assert dates[:len(dated)] == dated


# ---- one check per query ---------------------------------------------------------------
def check_01_investments(df, g):
    assert list(df.columns) == ["investor", "investee", "date", "confidence", "sources"]
    assert df["investor"].notna().all() and df["investee"].notna().all()
    assert_dates(df["date"])
    assert all(int(n) >= 1 for n in df["sources"])
    facts = g.facts_df()
    invested = facts[facts["relation"] == "investedIn"]
    assert set(zip(df["investor"], df["investee"])) == set(zip(invested["subject_label"], invested["object_label"]))


def check_02_funding_rounds(df, g):
    assert len(df) >= 3
    for amount, currency in zip(values(df["amount"]), values(df["currency"])):
        if amount is not None:
            assert float(amount) > 0 and re.fullmatch(r"[A-Z]{3}", currency or "")
    beidian = df[df["company"] == "贝店"]  # 2019年5月，贝店宣布完成8.6亿元B轮融资
    assert any(float(a) == 860_000_000 and c == "CNY" for a, c in zip(beidian["amount"], beidian["currency"]))
    assert_dates(df["date"])
    assert_date_order(df["date"])


def check_03_listings_by_exchange_year(df, g):
    assert all(re.fullmatch(r"\d{4}|\?", y) for y in df["year"])
    counts = {(x, y): int(n) for x, y, n in zip(df["exchange"], df["year"], df["listings"])}
    assert counts.get(("纳斯达克", "2018"), 0) >= 1  # 拼多多, July 2018
    assert sum(counts.values()) >= 4


def check_04_live_streaming_policies(df, g):
    assert len(df) >= 2
    for policy, basis in zip(df["policy"], df["basis"]):
        assert "直播" in policy or basis.startswith("regulates")
    assert any("电商直播" in p for p in df["policy"])  # 关于加强网络秀场直播和电商直播管理的通知
    assert df["body"].notna().all()
    assert_dates(df["date"])


def check_05_platform_partners(df, g):
    assert len(df) >= 1 and "京东" not in set(df["partner"])
    assert set(df["class"]) <= set(ACTOR_CLASSES)
    G = g.to_networkx()
    jd = "https://w3id.org/sekg/id/entity/jd-com"
    expected = {G.nodes[n]["label"] for u, v, k in G.edges(keys=True) if k == "partnersWith" and jd in (u, v)
                for n in (u, v) if n != jd}
    assert set(df["partner"]) == expected


def check_06_subsidiaries(df, g):
    assert ("京东", "京东拼购") in set(zip(df["parent"], df["child"]))  # 京东旗下团购平台"京东拼购"
    assert all(p != c for p, c in zip(df["parent"], df["child"]))
    assert_dates(df["date"])


def check_07_penalties(df, g):
    assert list(df.columns) == ["party", "body", "amount", "currency", "date", "status"]
    assert df["party"].notna().all()
    for amount, currency in zip(values(df["amount"]), values(df["currency"])):
        assert amount is None or (float(amount) > 0 and re.fullmatch(r"[A-Z]{3}", currency or ""))
    assert set(values(df["status"])) <= STATUSES | {None}


def check_08_actor_timeline(df, g):
    listings = df[df["type"] == "Listing"]
    assert any(str(d).startswith("2018") for d in listings["date"])  # 拼多多 on Nasdaq, 2018-07
    assert set(df["role"]) <= {"listedCompany", "exchange", "fundedCompany", "investor", "leadInvestor", "acquirer",
                               "acquiredCompany", "partner", "issuer", "policyDocument", "penalizingBody",
                               "penalizedParty", "launcher", "launchedProduct", "participant"}
    assert_dates(df["date"])
    assert_date_order(df["date"])


def check_09_most_partnerships(df, g):
    counts = [int(n) for n in df["partners"]]
    assert 3 <= len(df) <= 20 and counts == sorted(counts, reverse=True) and counts[0] >= 2
    assert set(df["class"]) <= set(ACTOR_CLASSES)


def check_10_two_hop_links(df, g):
    assert "纳斯达克" in set(df["via"])  # 云集 and 拼多多 both listed on Nasdaq
    assert set(df["dir1"]) | set(df["dir2"]) <= {"->", "<-"}


def check_11_provenance(df, g):
    assert len(df) >= 1
    texts = {}
    for r in df.itertuples(index=False):
        assert r.subject == "拼多多" and r.relation == "listedOn" and r.object == "纳斯达克"
        start, end, confidence = int(r.start), int(r.end), float(r.confidence)
        assert 0 <= start < end and r.rule and 0 < confidence <= 1
        path = CORPUS / r.document
        text = texts.setdefault(path, read(path).text)
        assert text[start:end] == r.sentence  # offsets into the decoded document text
        assert "纳斯达克" in r.sentence


def check_12_entities_by_class(df, g):
    counts = dict(zip(df["class"], (int(n) for n in df["entities"])))
    assert counts == g.entities_df()["class"].value_counts().to_dict()
    assert counts.get("Platform", 0) >= 10 and counts.get("Regulator", 0) >= 10


def check_13_documents_per_year(df, g):
    assert all(re.fullmatch(r"\d{4}", y) for y in df["year"])
    per_year = dict(zip(df["year"], (int(n) for n in df["documents"])))
    assert per_year.get("2020", 0) >= 20  # the 2020 report's policy table
    assert all(n >= 1 for n in per_year.values()) and list(df["year"]) == sorted(df["year"])


def check_14_english_names(df, g):
    assert len(df) >= 10
    assert ("拼多多", "Pinduoduo") in set(zip(df["name"], df["english"]))
    assert all(re.search(r"[A-Za-z]", e) for e in df["english"])
    assert set(df["class"]) <= set(ACTOR_CLASSES)


def check_15_multi_evidence_facts(df, g):
    assert len(df) >= 1
    assert all(int(n) >= 2 for n in df["evidence"])
    assert all(1 <= int(d) <= int(n) for d, n in zip(df["documents"], df["evidence"]))
    facts = g.facts_df()
    assert len(df) == int((facts["evidence_count"] > 1).sum())


def check_16_event_status(df, g):
    assert set(df["status"]) <= STATUSES and "completed" in set(df["status"])
    assert sum(int(n) for n in df["events"]) == len(g.events_df())


def check_17_regulators(df, g):
    assert len(df) >= 3 and all(int(n) >= 1 for n in df["targets"])
    regulators = set(g.entities_df().query("`class` == 'Regulator'")["label"])
    assert set(df["regulator"]) <= regulators


def check_18_launches(df, g):
    assert len(df) >= 5
    platforms = set(g.entities_df().query("`class` == 'Platform'")["label"])
    assert set(df["platform"]) <= platforms
    assert_dates(df["date"])


CHECKS = {name[len("check_"):].replace("_", "-"): fn
          for name, fn in globals().copy().items() if name.startswith("check_")}
# rdflib's engine must agree with pyoxigraph on these (the others use GROUP_CONCAT, whose
# order is engine-defined)
SAME_IN_RDFLIB = ["01-investments", "03-listings-by-exchange-year", "04-live-streaming-policies",
                  "05-platform-partners", "06-subsidiaries", "07-penalties", "08-actor-timeline",
                  "09-most-partnerships", "10-two-hop-links", "11-provenance", "12-entities-by-class",
                  "13-documents-per-year", "14-english-names", "15-multi-evidence-facts", "16-event-status",
                  "18-launches"]


def test_cookbook_has_15_queries_with_headers():
    paths = sorted(QUERIES.glob("*.rq"))
    assert len(paths) >= 15
    for p in paths:
        header = p.read_text(encoding="utf-8").splitlines()[:2]
        assert all(line.startswith("# ") and len(line) > 10 for line in header), p.name
    assert {p.stem for p in paths} == set(CHECKS), "every query has a check, every check a query"


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_query(name, g, answers):
    CHECKS[name](answers[name], g)


def _canon(value) -> str | None:
    """A cell as text; numbers compared by value (rdflib writes 8.6E8 as 860000000.0,
    pyoxigraph as 860000000)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value)
    try:
        return repr(float(text)) if re.fullmatch(r"-?\d+(\.\d*)?([eE][-+]?\d+)?", text) else text
    except ValueError:
        return text


@pytest.mark.parametrize("name", SAME_IN_RDFLIB)
def test_same_rows_in_rdflib(name, g, answers):
    query = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    ours = sorted((tuple(_canon(v) for v in r) for r in answers[name].itertuples(index=False)), key=repr)
    theirs = sorted((tuple(_canon(v) for v in r) for r in g.graph.query(query)), key=repr)
    assert ours == theirs


def test_malformed_query_says_where(g):
    with pytest.raises(QueryError, match=r"\b2:\d+\b"):
        g.query("SELECT ?s\nWHERE { ?s ?p }")
    with pytest.raises(QueryError, match=r"\d+:\d+"):
        g.query("SELECT ?s WHERE { ?s ?p ?o . FILTER( }")


@pytest.mark.parametrize("update", ["INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                                    "PREFIX x: <urn:x:>\nDELETE WHERE { ?s ?p ?o }",
                                    "DROP ALL", "LOAD <http://example.org/data.ttl>"])
def test_update_refused(g, update):
    before = len(g.store)
    with pytest.raises(QueryError, match="not allowed|read-only"):
        g.query(update)
    assert len(g.store) == before
