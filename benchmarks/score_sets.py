"""Build and score the annotated sets (dev = corpus, tune, and the held-out sets);
prints the per-relation tables that docs/results.md reports.

    python benchmarks/score_sets.py
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exports.writer import write_all  # noqa: E402
from kg.build import build_result, bundled_documents  # noqa: E402
from kg.evaluate import evaluate, format_report  # noqa: E402
from kg.graph import load  # noqa: E402

SETS = {"dev": (None, ROOT / "tests/dev/gold.jsonl"),
        "tune": ([ROOT / "tests/tune/docs"], ROOT / "tests/tune/gold.jsonl"),
        "heldout": ([ROOT / "tests/heldout/docs"], ROOT / "tests/heldout/gold.jsonl"),
        "heldout-news": ([ROOT / "tests/heldout-news/docs"], ROOT / "tests/heldout-news/gold.jsonl"),
        "heldout-4": ([ROOT / "tests/heldout-4/docs"], ROOT / "tests/heldout-4/gold.jsonl"),
        "heldout-5": ([ROOT / "tests/heldout-5/docs"], ROOT / "tests/heldout-5/gold.jsonl"),
        "heldout-6": ([ROOT / "tests/heldout-6/docs"], ROOT / "tests/heldout-6/gold.jsonl"),
        "heldout-news-2": ([ROOT / "tests/heldout-news-2/docs"], ROOT / "tests/heldout-news-2/gold.jsonl"),
        "heldout-7": ([ROOT / "tests/heldout-7/docs"], ROOT / "tests/heldout-7/gold.jsonl"),
        "heldout-8": ([ROOT / "tests/heldout-8/docs"], ROOT / "tests/heldout-8/gold.jsonl"),
        "heldout-9": ([ROOT / "tests/heldout-9/docs"], ROOT / "tests/heldout-9/gold.jsonl"),
        "heldout-10": ([ROOT / "tests/heldout-10/docs"], ROOT / "tests/heldout-10/gold.jsonl"),
        "heldout-11": ([ROOT / "tests/heldout-11/docs"], ROOT / "tests/heldout-11/gold.jsonl"),
        "heldout-12": ([ROOT / "tests/heldout-12/docs"], ROOT / "tests/heldout-12/gold.jsonl"),
        "heldout-13": ([ROOT / "tests/heldout-13/docs"], ROOT / "tests/heldout-13/gold.jsonl"),
        "heldout-14": ([ROOT / "tests/heldout-14/docs"], ROOT / "tests/heldout-14/gold.jsonl"),
        "heldout-15": ([ROOT / "tests/heldout-15/docs"], ROOT / "tests/heldout-15/gold.jsonl")}


def main() -> None:
    for name, (docs, gold) in SETS.items():
        with tempfile.TemporaryDirectory() as tmp:
            write_all(build_result(docs or bundled_documents()).graph, Path(tmp))
            print(f"### {name}")
            print(format_report(evaluate(load(Path(tmp) / "sekg.ttl"), gold)))
            print()


if __name__ == "__main__":
    main()
