"""Bad input: a clear one-line message naming the file and the reason; the other
documents are still built; exit status as SPEC says."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.cli import main

GOOD = "2023年3月5日，杭州示例科技有限公司宣布完成5000万元A轮融资，由远山资本领投。\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("sekg:")]


def test_bad_files_are_named_and_the_rest_is_built(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD, encoding="utf-8")
    (docs / "gbk.txt").write_bytes(("2022年6月，北京示例网络科技有限公司获得3亿元B轮融资。" * 3).encode("gbk"))
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 4)
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    out = tmp_path / "out"
    result = run("build", str(docs), str(tmp_path / "missing.txt"), str(empty_dir), "--out", str(out))
    assert result.exit_code == 2
    errors = _lines(result.stderr)
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("binary.txt" in e and "binary" in e for e in errors)
    assert any("missing.txt" in e and "no such file" in e for e in errors)
    assert any("nothing" in e and "no documents" in e for e in errors)
    assert all("Traceback" not in e for e in result.output.splitlines())
    assert len(errors) == 4  # the GBK file is read, not reported
    events = (out / "events.csv").read_text(encoding="utf-8")
    assert "good.txt" in events and "gbk.txt" in events and "北京示例网络科技有限公司" in events


def test_nothing_readable_writes_nothing(tmp_path: Path):
    result = run("build", str(tmp_path / "missing"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "missing" in result.stderr and "no such file" in result.stderr
    assert not (tmp_path / "out" / "sekg.ttl").exists()


def test_query_on_missing_data_is_usage_error(tmp_path: Path):
    result = run("query", "SELECT * WHERE { ?s ?p ?o }", "--data", str(tmp_path / "none.ttl"))
    assert result.exit_code == 2
    assert "none.ttl" in result.stderr


def test_malformed_query_is_bad_usage_with_position(corpus_out: Path, tmp_path: Path):
    result = run("query", "SELECT ?x WHERE { ?x ?y }", "--data", str(corpus_out / "sekg.ttl"))
    assert result.exit_code == 2
    assert "1:" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    (tmp_path / "bad.rq").write_bytes(b"\xff\xfe SELECT")
    result = run("query", str(tmp_path / "bad.rq"), "--data", str(corpus_out / "sekg.ttl"))
    assert result.exit_code == 2 and "bad.rq" in result.stderr


def test_evaluate_rejects_bad_gold(tmp_path: Path, corpus_out: Path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = run("evaluate", str(bad), "--data", str(corpus_out / "sekg.ttl"))
    assert result.exit_code == 2
    assert "gold.jsonl:1" in result.stderr


def test_same_file_names_stay_apart_and_outputs_are_not_read(tmp_path: Path):
    docs = tmp_path / "docs"
    for sub in ("a", "b", ".hidden"):
        (docs / sub).mkdir(parents=True)
        (docs / sub / "报告.txt").write_text(GOOD.replace("示例", sub.strip(".")), encoding="utf-8")
    out = docs / "out"
    for _ in range(2):  # the second build must not read the first one's sekg.html
        result = run("build", str(docs), "--out", str(out))
        assert result.exit_code == 0, result.output
        assert result.output.startswith("2 documents")
    from kg.validate import validate
    from kg.graph import load
    g = load(out / "sekg.ttl")
    assert {e["doc"] for f in g.facts() for e in f["evidence"]} == {"a/报告.txt", "b/报告.txt"}
    assert validate(g)[0]
