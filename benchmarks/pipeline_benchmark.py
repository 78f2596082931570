"""Throughput of the sekg pipeline beside bare jieba tokenisation, and peak memory.

    python benchmarks/pipeline_benchmark.py [PATH ...]     (default: the bundled corpus)

Prints characters per second of (a) bare `spacy.blank("zh")` with jieba on the same
texts, (b) the extraction pipeline (cleaning + the sekg spaCy components + entity
resolution), (c) a full build including every export, their ratios, and the peak
resident memory of the process. Each figure is the best of --repeat runs.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import spacy

    from extract.assemble import assemble
    from extract.document import extract
    from extract.pipeline import make_nlp
    from exports.writer import write_all
    from kg.build import build_result, bundled_documents
    from kg.sources import collect, read

    files, _ = collect(args.paths or bundled_documents())
    sources = [read(p) for p in files]
    chars = sum(len(s.text) for s in sources)

    bare = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    bare("预热")  # jieba loads its dictionary on first use
    make_nlp()("预热")

    t_tok = best_of(args.repeat, lambda: [bare(s.text) for s in sources])
    t_extract = best_of(args.repeat, lambda: assemble([extract(s) for s in sources]))
    with tempfile.TemporaryDirectory() as tmp:
        t_build = best_of(args.repeat, lambda: write_all(build_result([str(p) for p in files]).graph, Path(tmp)))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"documents: {len(sources)}, characters: {chars:,}")
    print(f"bare spacy.blank('zh') + jieba tokenisation : {chars / t_tok:>10,.0f} chars/s  ({t_tok:.2f} s)")
    print(f"sekg extraction pipeline                    : {chars / t_extract:>10,.0f} chars/s  ({t_extract:.2f} s)"
          f"  ratio to tokenisation {t_tok / t_extract:.2f}")
    print(f"full build with all exports                 : {chars / t_build:>10,.0f} chars/s  ({t_build:.2f} s)"
          f"  ratio to tokenisation {t_tok / t_build:.2f}")
    print(f"peak resident memory of this process        : {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
