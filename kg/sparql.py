"""SPARQL over a pyoxigraph store: results as rows, DataFrames, and clear syntax errors."""
from __future__ import annotations

import re

import pandas as pd
import pyoxigraph


class QueryError(Exception):
    """A malformed or failing query; the message says where."""


def _term(term) -> object:
    if term is None:
        return None
    if isinstance(term, pyoxigraph.Literal):
        return term.value
    if isinstance(term, pyoxigraph.NamedNode):
        return term.value
    return str(term)


_UPDATE = re.compile(r"^\s*(?:(?:PREFIX|BASE)\s[^\n]*\n\s*)*(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)


# SERVICE makes the engine fetch a URL: refused wherever the word stands (in a string or a
# comment too; guessing what is code has been fooled before), except as a ?variable
_SERVICE = re.compile(r"(?<![\w?$])SERVICE(?!\w)", re.I)


def uses_service(sparql: str) -> bool:
    return bool(_SERVICE.search(sparql))


def run(store: pyoxigraph.Store, sparql: str):
    """Run a query (never an update: `Store.query` parses queries only; never SERVICE)."""
    if uses_service(sparql):
        raise QueryError("SERVICE is not allowed: this graph answers from its own data only")
    try:
        return store.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as exc:
        if _UPDATE.search(sparql):
            raise QueryError("updates are not allowed: the graph is read-only") from None
        raise QueryError(f"malformed query: {str(exc).splitlines()[0]}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(str(exc)) from None


def select(store: pyoxigraph.Store, sparql: str) -> pd.DataFrame:
    result = run(store, sparql)
    try:  # pyoxigraph evaluates lazily: errors surface while reading the results
        if isinstance(result, (bool, getattr(pyoxigraph, "QueryBoolean", bool))):
            return pd.DataFrame({"ask": [bool(result)]})
        if isinstance(result, pyoxigraph.QuerySolutions):
            names = [v.value for v in result.variables]
            return pd.DataFrame([[_term(s[n]) for n in names] for s in result], columns=names)
        rows = [(_term(t.subject), _term(t.predicate), _term(t.object)) for t in result]
        return pd.DataFrame(rows, columns=["subject", "predicate", "object"])
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(str(exc)) from None
