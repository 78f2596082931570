"""The `sekg` command line."""
from __future__ import annotations

import sys
from pathlib import Path

import click

DEFAULT_DATA = Path("out/sekg.ttl")


def fail(message: str, code: int = 2) -> None:
    click.echo(f"sekg: {message}", err=True)
    sys.exit(code)


def _load(data: Path):
    from kg.graph import load
    if not data.exists():
        fail(f"{data}: no such file (run `sekg build` first, or pass --data)")
    try:
        return load(data)
    except Exception as exc:  # a broken file is bad input, not a crash
        fail(f"{data}: cannot read the graph: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sekg")
def main() -> None:
    """sekg: a knowledge graph of China's social e-commerce ecosystem."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default=Path("out"), type=click.Path(path_type=Path), show_default=True,
              help="Directory for the outputs.")
def build(paths: tuple[Path, ...], out_dir: Path) -> None:
    """Build the graph from .txt/.md/.html files and folders (default: the bundled corpus)."""
    from exports.writer import write_all
    from kg.build import build_result

    result = build_result(list(paths) or None, progress=sys.stderr.isatty(), exclude=out_dir)
    for error in result.errors:
        click.echo(f"sekg: {error}", err=True)
    if not result.extraction.documents:
        fail("no document could be read; nothing was written")
    try:
        written = write_all(result.graph, out_dir)
    except OSError as exc:
        fail(f"{out_dir}: cannot write the outputs: {exc.strerror or exc}")
    x = result.extraction
    click.echo(f"{len(x.documents)} documents -> {len(x.entities)} entities, {len(x.facts)} facts, "
               f"{len(x.events)} events; wrote {len(written)} files to {out_dir}/")
    if result.errors:
        sys.exit(2)


@main.command()
@click.argument("query")
@click.option("--data", default=DEFAULT_DATA, type=click.Path(path_type=Path), show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(query: str, data: Path, fmt: str) -> None:
    """SPARQL 1.1 over a built graph; QUERY is a query string or a .rq file."""
    from kg.sparql import QueryError

    if query.endswith((".rq", ".sparql")):
        path = Path(query)
        try:
            query = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"{path}: cannot read the query: {getattr(exc, 'strerror', None) or exc.__class__.__name__}")
    g = _load(data)
    try:
        df = g.query(query)
    except QueryError as exc:
        fail(str(exc))  # a malformed query is bad usage
    if fmt == "csv":
        click.echo(df.to_csv(index=False), nl=False)
    elif fmt == "json":
        click.echo(df.to_json(orient="records", force_ascii=False, indent=1))
    else:
        import pandas as pd
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200,
                               "display.max_colwidth", 60):
            click.echo(df.to_string(index=False) if len(df) else "(no results)")


@main.command()
@click.option("--data", default=DEFAULT_DATA, type=click.Path(path_type=Path), show_default=True)
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="How many central actors to list.")
def stats(data: Path, top: int) -> None:
    """Counts by class and relation, and the most central actors."""
    from kg.analytics import centrality_ranking
    from kg.graph import ACTOR_CLASSES

    g = _load(data)
    ents, facts, events = g.entities_df(), g.facts_df(), g.events_df()
    click.echo(f"{len(g)} triples, {len(ents)} entities, {len(facts)} facts, {len(events)} events\n")
    click.echo("entities by class:")
    for cls, n in ents["class"].value_counts().sort_index().items():
        click.echo(f"  {cls:<16} {n}")
    click.echo("facts by relation:")
    for rel, n in facts["relation"].value_counts().sort_index().items():
        click.echo(f"  {rel:<16} {n}")
    click.echo("events by class:")
    for cls, n in events["class"].value_counts().sort_index().items():
        click.echo(f"  {cls:<16} {n}")
    click.echo("most central actors (degree centrality):")
    ranking = centrality_ranking(g.to_networkx())
    for row in ranking[ranking["cls"].isin(ACTOR_CLASSES)].head(top).itertuples():
        click.echo(f"  {row.label:<20} {row.cls:<16} {row.centrality:.3f}")


@main.command()
@click.option("--data", default=DEFAULT_DATA, type=click.Path(path_type=Path), show_default=True)
def validate(data: Path) -> None:
    """SHACL validation of a built graph; exit 1 on violations."""
    from kg.validate import validate as run

    conforms, report = run(_load(data))
    click.echo(report)
    sys.exit(0 if conforms else 1)


@main.command()
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--data", default=DEFAULT_DATA, type=click.Path(path_type=Path), show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--by-rule", is_flag=True, help="Also print the precision of each extraction rule.")
def evaluate(gold: Path, data: Path, as_json: bool, by_rule: bool) -> None:
    """Precision, recall and F1 of a built graph against annotated facts (JSON Lines)."""
    from kg.evaluate import GoldError, evaluate as run, format_report

    if not gold.exists():
        fail(f"{gold}: no such file")
    try:
        report = run(_load(data), gold)
    except GoldError as exc:
        fail(str(exc))
    if as_json:
        import json
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        click.echo(format_report(report, by_rule))


@main.command()
@click.option("--data", default=DEFAULT_DATA, type=click.Path(path_type=Path), show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", default=10.0, show_default=True, help="Seconds a query may run.")
def serve(data: Path, host: str, port: int, timeout: float) -> None:
    """A read-only SPARQL endpoint at /sparql and the HTML view at /."""
    from kg.serve import serve as run

    run(_load(data), host, port, timeout)
