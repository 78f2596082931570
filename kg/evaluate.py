"""Scoring a built graph against hand-annotated facts (JSON Lines; docs/design.md).

Items are compared per document: a predicted fact counts for every document its evidence
comes from. Names in the gold file resolve through the graph's labels and altLabels.
Only documents named in the gold file are scored; a line ``{"scope": {"doc": D,
"lines": [[a, b], ...]}}`` limits a partly annotated document to those line ranges.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import networkx as nx

from extract.names import normal_key
from kg.build import BUNDLED_CORPUS
from kg.graph import EVENT_CLASSES, RELATIONS, KnowledgeGraph

KEYS = ("doc", "subject", "relation", "object", "date", "amount", "currency", "round", "evidence")


class GoldError(Exception):
    pass


def _norm(name: str) -> str:
    return re.sub(r"[\s《》“”\"「」·]", "", name).lower()


def read_gold(path: Path) -> tuple[list[dict], dict[str, list[tuple[int, int]]]]:
    items, scopes = [], {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc.__class__.__name__}") from None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if isinstance(obj, dict) and "scope" in obj:
            try:
                scopes[obj["scope"]["doc"]] = [(int(a), int(b)) for a, b in obj["scope"]["lines"]]
            except (TypeError, KeyError, ValueError):
                raise GoldError(f"{path}:{n}: a scope is {{\"doc\": NAME, \"lines\": [[FIRST, LAST], ...]}}") from None
            continue
        if not isinstance(obj, dict):
            raise GoldError(f"{path}:{n}: not a JSON object")
        missing = [k for k in ("doc", "subject", "relation") if k not in obj]
        if missing or obj["relation"] not in RELATIONS + EVENT_CLASSES:
            raise GoldError(f"{path}:{n}: needs doc, subject and a SPEC relation or event class")
        items.append(obj)
    return items, scopes


def _line_starts(path: Path) -> list[int]:
    """Line starts of a document as decoded for extraction, which evidence offsets refer to."""
    from kg.sources import SourceError, read
    try:
        text = read(path).text
    except SourceError as exc:
        raise GoldError(str(exc)) from None
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _find_doc(name: str, gold_path: Path) -> Path | None:
    for folder in (gold_path.parent, gold_path.parent / "docs", BUNDLED_CORPUS):
        if (folder / name).exists():
            return folder / name
    return None


def evaluate(kg: KnowledgeGraph, gold_path: Path) -> dict:
    gold, scopes = read_gold(gold_path)
    docs = {g["doc"] for g in gold}
    in_scope = _scope_checker(scopes, gold_path)

    index: dict[str, set[str]] = defaultdict(set)
    exact: dict[str, set[str]] = defaultdict(set)  # by the name as written: a draft is not its final version
    for e in kg.entities():
        for name in [e["label"], e["label_en"], *e["alt_labels"]]:
            if name:
                index[_norm(name)].add(e["iri"])
                index[normal_key(name)].add(e["iri"])
                exact[_norm(name)].add(e["iri"])

    def resolve(name: str | None) -> set[str]:
        if not name:
            return set()
        return index.get(_norm(name), set()) | index.get(normal_key(name), set())

    predicted = []  # (doc, relation, subject iri, object iri or participants, date, amount, currency)
    for f in kg.facts():
        for doc in sorted({e["doc"] for e in f["evidence"] if e["doc"] in docs and in_scope(e)}):
            predicted.append({"doc": doc, "relation": f["relation"], "s": {f["subject"]}, "o": {f["object"]},
                              "date": _date_in(f, doc), "amount": None, "currency": None, "rules": _rules(f, doc),
                              "label": f"{f['subject_label']} -> {f['object_label']}"})
    for ev in kg.events():
        if ev["status"] != "completed":
            continue  # planned, rumoured or denied: kept in the graph, but not a stated fact
        parts = {p["entity"] for p in ev["participants"]}
        for doc in sorted({e["doc"] for e in ev["evidence"] if e["doc"] in docs and in_scope(e)}):
            predicted.append({"doc": doc, "relation": ev["class"], "s": parts, "o": parts, "date": _date_in(ev, doc),
                              "amount": ev["amount"], "currency": ev["currency"], "rules": _rules(ev, doc),
                              "label": ev["label"]})

    used: set[int] = set()
    scores = {r: {"tp": 0, "fp": 0, "fn": 0} for r in RELATIONS + EVENT_CLASSES}
    dates, amounts = [0, 0], [0, 0]
    misses, wrong_values = [], []
    missed: list[tuple[str, str, set, set, bool]] = []  # (doc, relation, subjects, objects, a name the graph lacks)
    def agreement(g: dict, p: dict) -> int:
        """How many of date and amount agree: among predictions that match a gold item, the
        evaluator takes the one that agrees most (two rounds of one company)."""
        return ((p["date"] == g.get("date")) + (p["amount"] is not None and g.get("amount") is not None
                and abs(float(p["amount"]) - float(g["amount"])) < 0.5))

    # each gold item and the predictions it may be: same document, relation and entities
    options: list[list[tuple[int, int]]] = []
    resolved: list[tuple[set[str], set[str]]] = []
    for g in gold:
        s_iris, o_iris = resolve(g["subject"]), resolve(g.get("object"))
        resolved.append((s_iris, o_iris))
        candidates = []
        for i, p in enumerate(predicted):
            if p["doc"] != g["doc"] or p["relation"] != g["relation"]:
                continue
            if g["relation"] in EVENT_CLASSES:
                ok = bool(s_iris & p["s"]) and (not g.get("object") or bool(o_iris & p["o"]))
            else:
                ok = (bool(s_iris & p["s"]) and bool(o_iris & p["o"])) or (
                    g["relation"] == "partnersWith" and bool(s_iris & p["o"]) and bool(o_iris & p["s"]))
            if ok:
                candidates.append(i)
        # a prediction that names the same entities as written, then one that agrees most, is the better match
        s_exact, o_exact = exact.get(_norm(g["subject"]), set()), exact.get(_norm(g.get("object") or ""), set())
        # (a gold event that names no object loses nothing for it)
        options.append([(i, 10 * (bool(s_exact & predicted[i]["s"]) + (not g.get("object") or bool(o_exact & predicted[i]["o"])))
                         + agreement(g, predicted[i])) for i in candidates])
    # one prediction per gold item, as many matched as can be, each as good as can be (three rounds of one
    # company: the second gold round may not take the prediction the third needs)
    pairs = nx.Graph()
    for gi, cands in enumerate(options):
        pairs.add_weighted_edges_from((("g", gi), ("p", i), w) for i, w in cands)
    matching: dict[int, int] = {}
    for part in sorted(nx.connected_components(pairs), key=min):
        # (built in a fixed order: the matching among equal choices must not vary from run to run)
        sub = nx.Graph()
        sub.add_nodes_from(sorted(part))
        sub.add_weighted_edges_from(sorted((*sorted((u, v)), w) for u, v, w in pairs.subgraph(part).edges(data="weight")))
        matching.update((a[1], b[1]) for a, b in (sorted(e) for e in nx.max_weight_matching(sub, maxcardinality=True)))
    for gi, g in enumerate(gold):
        hit = matching.get(gi)
        if hit is None:
            scores[g["relation"]]["fn"] += 1
            misses.append({k: g.get(k) for k in ("doc", "relation", "subject", "object", "evidence")})
            s_iris, o_iris = resolved[gi]
            missed.append((g["doc"], g["relation"], s_iris, o_iris, not s_iris or (bool(g.get("object")) and not o_iris)))
            continue
        used.add(hit)
        scores[g["relation"]]["tp"] += 1
        p = predicted[hit]
        if g.get("date"):
            dates[1] += 1
            dates[0] += p["date"] == g["date"]
            if p["date"] != g["date"]:
                wrong_values.append({"doc": g["doc"], "relation": g["relation"], "fact": p["label"],
                                     "gold_date": g["date"], "date": p["date"]})
        if g.get("amount") is not None:
            amounts[1] += 1
            right = (p["amount"] is not None and abs(float(p["amount"]) - float(g["amount"])) < 0.5
                     and p["currency"] == g.get("currency"))
            amounts[0] += right
            if not right:
                wrong_values.append({"doc": g["doc"], "relation": g["relation"], "fact": p["label"],
                                     "gold_amount": g["amount"], "amount": p["amount"], "currency": p["currency"]})
    false_positives = []
    by_rule: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0})
    half_matches = 0
    for i, p in enumerate(predicted):
        for rule in p["rules"]:
            by_rule[rule]["tp" if i in used else "fp"] += 1
        if i not in used:
            half_matches += any(d == p["doc"] and r == p["relation"] and (s_ & p["s"] or o_ & p["o"])
                                for d, r, s_, o_, _ in missed)
            scores[p["relation"]]["fp"] += 1
            false_positives.append({"doc": p["doc"], "relation": p["relation"], "fact": p["label"],
                                    "rules": p["rules"]})

    def prf(c: dict) -> dict:
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        return {**c, "precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}

    def total(names) -> dict:
        return prf({k: sum(scores[n][k] for n in names) for k in ("tp", "fp", "fn")})

    return {
        "gold": str(gold_path), "documents": sorted(docs),
        "per_relation": {r: prf(c) for r, c in scores.items()},
        "relations": total(RELATIONS), "events": total(EVENT_CLASSES), "all": total(RELATIONS + EVENT_CLASSES),
        # what kind the errors are: a wrong fact that shares an argument with a missed one (a wrong
        # role or name), and a missed fact whose actor the graph does not know at all
        "error_kinds": {"fp_sharing_an_argument_with_a_miss": half_matches,
                        "fn_with_an_actor_not_in_the_graph": sum(m[4] for m in missed)},
        "per_rule": {r: {**c, "precision": round(c["tp"] / (c["tp"] + c["fp"]), 3)} for r, c in sorted(by_rule.items())},
        "date_accuracy": {"correct": dates[0], "of": dates[1], "accuracy": round(dates[0] / dates[1], 3) if dates[1] else None},
        "amount_accuracy": {"correct": amounts[0], "of": amounts[1], "accuracy": round(amounts[0] / amounts[1], 3) if amounts[1] else None},
        "false_negatives": misses, "false_positives": false_positives, "wrong_values": wrong_values,
    }


def _date_in(fact: dict, doc: str) -> str | None:
    """The date one document gives a fact or event (a fact stated in several documents keeps
    each one's date), else the fact's own."""
    here = [e["date"] for e in fact["evidence"] if e["doc"] == doc and e.get("date")]
    if not here or fact["date"] in here:
        return fact["date"]
    return max(here, key=len)  # the most precise this document gives


def _rules(fact: dict, doc: str) -> list[str]:
    """The rules that found a fact or event in one document (a fact found twice counts for both)."""
    return sorted({e["rule"] for e in fact["evidence"] if e["doc"] == doc})


def _scope_checker(scopes: dict, gold_path: Path):
    starts = {}
    for doc in scopes:
        path = _find_doc(doc, gold_path)
        if path is None:
            raise GoldError(f"{gold_path}: scope names {doc}, which is not found beside the gold file or in the corpus")
        starts[doc] = _line_starts(path)

    def check(evidence: dict) -> bool:
        if evidence["doc"] not in scopes:
            return True
        import bisect
        line = bisect.bisect_right(starts[evidence["doc"]], evidence["start"])
        return any(a <= line <= b for a, b in scopes[evidence["doc"]])

    return check


def format_report(report: dict, by_rule: bool = False) -> str:
    lines = [f"gold: {report['gold']} ({len(report['documents'])} documents)", "",
             f"{'relation':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name, c in report["per_relation"].items():
        if c["tp"] + c["fp"] + c["fn"]:
            lines.append(f"{name:<16}{c['precision']:>7.3f}{c['recall']:>7.3f}{c['f1']:>7.3f}{c['tp']:>6}{c['fp']:>6}{c['fn']:>6}")
    lines.append("")
    for key in ("relations", "events", "all"):
        c = report[key]
        lines.append(f"{key.upper():<16}{c['precision']:>7.3f}{c['recall']:>7.3f}{c['f1']:>7.3f}{c['tp']:>6}{c['fp']:>6}{c['fn']:>6}")
    d, a = report["date_accuracy"], report["amount_accuracy"]
    lines.append("")
    lines.append(f"dates right on matched facts: {d['correct']}/{d['of']}" + (f" = {d['accuracy']:.3f}" if d["of"] else ""))
    lines.append(f"amounts right on matched facts: {a['correct']}/{a['of']}" + (f" = {a['accuracy']:.3f}" if a["of"] else ""))
    k = report["error_kinds"]
    lines.append(f"false positives sharing an argument with a missed fact: {k['fp_sharing_an_argument_with_a_miss']}"
                 f"; misses whose actor is not in the graph: {k['fn_with_an_actor_not_in_the_graph']}")
    if by_rule:
        lines += ["", f"{'rule':<40}{'P':>7}{'tp':>6}{'fp':>6}"]
        lines += [f"{rule:<40}{c['precision']:>7.3f}{c['tp']:>6}{c['fp']:>6}" for rule, c in report["per_rule"].items()]
    return "\n".join(lines)
