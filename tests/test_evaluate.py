"""`sekg evaluate`: the scorer itself on a small example, and the corpus dev set's bar."""
from __future__ import annotations

import json
from pathlib import Path

from kg.evaluate import evaluate
from kg.graph import load

ROOT = Path(__file__).resolve().parent.parent


def test_scores_per_relation(tmp_path: Path):
    from exports.writer import write_all
    from kg.build import build_result

    doc = tmp_path / "news.txt"
    doc.write_text("2023年3月5日，杭州示例科技有限公司宣布完成8.6亿元B轮融资，由远山资本领投。\n"
                   "2023年4月，杭州示例科技有限公司在港交所挂牌上市。\n", encoding="utf-8")
    write_all(build_result([doc]).graph, tmp_path / "out")
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"doc": "news.txt", "subject": "远山资本", "relation": "investedIn", "object": "示例科技", "date": "2023-03-05"},
        {"doc": "news.txt", "subject": "示例科技", "relation": "FundingRound", "object": "远山资本", "date": "2023-03-05",
         "amount": 860000000, "currency": "CNY"},
        {"doc": "news.txt", "subject": "示例科技", "relation": "listedOn", "object": "纳斯达克"},  # wrong on purpose
    ]
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    report = evaluate(load(tmp_path / "out" / "sekg.ttl"), gold)
    rel = report["per_relation"]
    assert rel["investedIn"]["tp"] == 1 and rel["FundingRound"]["tp"] == 1
    assert rel["listedOn"] == {**rel["listedOn"], "tp": 0, "fp": 1, "fn": 1}
    assert report["date_accuracy"]["accuracy"] == 1.0 and report["amount_accuracy"]["accuracy"] == 1.0
    # each rule's precision: the listing rule found one fact and one event the gold does not hold
    listing = [c for rule, c in report["per_rule"].items() if rule.startswith("listing.")]
    assert listing and sum(c["fp"] for c in listing) == 2 and sum(c["tp"] for c in listing) == 0


def test_dev_set_bar(corpus_out: Path):
    """Regression fixture: the corpus dev set keeps precision >= 0.85 and recall >= 0.6."""
    report = evaluate(load(corpus_out / "sekg.ttl"), ROOT / "tests" / "dev" / "gold.jsonl")
    assert report["all"]["precision"] >= 0.85, report["all"]
    assert report["all"]["recall"] >= 0.6, report["all"]


def test_matching_is_one_to_one_and_best(tmp_path: Path):
    """Two rounds of one company, an investor in both: each gold round takes the prediction whose
    date and amount agree, though a gold round the extractor missed comes first and could take either."""
    from exports.writer import write_all
    from kg.build import build_result

    doc = tmp_path / "rounds.txt"
    doc.write_text("2021年3月，杭州样例科技有限公司完成5000万元A轮融资，由远山资本领投。\n"
                   "2024年6月，杭州样例科技有限公司完成2亿元B轮融资，投资方包括近水资本、远山资本。\n", encoding="utf-8")
    write_all(build_result([doc]).graph, tmp_path / "out")
    gold = tmp_path / "gold.jsonl"
    rows = [  # first an earlier round the text does not tell, by the investor both told rounds share
        {"doc": "rounds.txt", "subject": "样例科技", "relation": "FundingRound", "object": "远山资本", "date": "2019"},
        {"doc": "rounds.txt", "subject": "样例科技", "relation": "FundingRound", "object": "远山资本", "date": "2024-06",
         "amount": 200000000, "currency": "CNY"},
        {"doc": "rounds.txt", "subject": "样例科技", "relation": "FundingRound", "object": "远山资本", "date": "2021-03",
         "amount": 50000000, "currency": "CNY"},
    ]
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    report = evaluate(load(tmp_path / "out" / "sekg.ttl"), gold)
    assert report["per_relation"]["FundingRound"] == {**report["per_relation"]["FundingRound"], "tp": 2, "fn": 1}
    assert report["date_accuracy"]["accuracy"] == 1.0 and report["amount_accuracy"]["accuracy"] == 1.0
