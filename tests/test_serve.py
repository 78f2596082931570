"""`sekg serve` (kg/serve.py): the SPARQL 1.1 Protocol endpoint and the HTML view, over
HTTP on 127.0.0.1, with SPARQLWrapper and with plain urllib."""
from __future__ import annotations

import csv
import io
import json
import re
import threading
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph
import pytest
import rdflib

import kg
from kg.serve import make_server, negotiate, uses_service

try:
    import SPARQLWrapper  # noqa: F401  (a test extra)
    HAVE_WRAPPER = True
except ImportError:
    HAVE_WRAPPER = False
needs_wrapper = pytest.mark.skipif(not HAVE_WRAPPER, reason="SPARQLWrapper is not installed")

PREFIXES = """PREFIX sekg: <https://w3id.org/sekg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
LISTINGS = PREFIXES + """SELECT ?company ?exchange WHERE {
  ?c sekg:listedOn ?x . ?c rdfs:label ?company . ?x rdfs:label ?exchange .
  FILTER(LANG(?company) = "zh" && LANG(?exchange) = "zh")
} ORDER BY ?company"""
NASDAQ = "https://w3id.org/sekg/id/entity/nasdaq"
# a query whose cost does not depend on the graph: 8 million rows, about a second
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { VALUES ?a { %s } VALUES ?b { %s } VALUES ?c { %s } FILTER(?a + ?b > ?c) }" \
       % ((" ".join(map(str, range(200))),) * 3)


def _start(graph, timeout):
    server = make_server(graph, "127.0.0.1", 0, timeout, quiet=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return server, thread


@pytest.fixture(scope="module")
def graph():
    return kg.build()


@pytest.fixture(scope="module")
def server(graph):
    server, thread = _start(graph, timeout=30.0)
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def endpoint(server):
    return server.url + "/sparql"


def http(url, data=None, headers=None, method=None):
    """(status, content type, body text) of a request; HTTP errors are returned, not raised."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read().decode("utf-8")


def get(endpoint, query, accept=None, **params):
    qs = urllib.parse.urlencode({"query": query, **params})
    return http(f"{endpoint}?{qs}", headers={"Accept": accept} if accept else {})


def _wrapper(endpoint, query, fmt, method="GET"):
    from SPARQLWrapper import SPARQLWrapper as Wrapper
    w = Wrapper(endpoint)
    w.setQuery(query)
    w.setReturnFormat(fmt)
    w.setMethod(method)
    w.setTimeout(30)
    return w.query()


# ---- SPARQLWrapper ---------------------------------------------------------------------
def test_bound_to_localhost(server):
    assert server.server_address[0] == "127.0.0.1"


@needs_wrapper
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_json(endpoint, method):
    from SPARQLWrapper import JSON
    result = _wrapper(endpoint, LISTINGS, JSON, method)
    assert result.info()["content-type"].startswith("application/sparql-results+json")
    data = result.convert()
    assert data["head"]["vars"] == ["company", "exchange"]
    pairs = {(b["company"]["value"], b["exchange"]["value"]) for b in data["results"]["bindings"]}
    assert ("拼多多", "纳斯达克") in pairs
    assert all(b["company"].get("xml:lang") == "zh" for b in data["results"]["bindings"])


@needs_wrapper
def test_sparqlwrapper_xml(endpoint):
    from SPARQLWrapper import XML
    result = _wrapper(endpoint, LISTINGS, XML)
    assert result.info()["content-type"].startswith("application/sparql-results+xml")
    doc = result.convert()  # an xml.dom.minidom document
    literals = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    assert "拼多多" in literals and "纳斯达克" in literals


@needs_wrapper
@pytest.mark.parametrize("fmt_name,delimiter", [("CSV", ","), ("TSV", "\t")])
def test_sparqlwrapper_csv_tsv(endpoint, fmt_name, delimiter):
    import SPARQLWrapper as sw
    result = _wrapper(endpoint, LISTINGS, getattr(sw, fmt_name))
    body = result.convert()
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    rows = list(csv.reader(io.StringIO(text))) if delimiter == "," else [r.split("\t") for r in text.splitlines()]
    assert [c.lstrip("?") for c in rows[0]] == ["company", "exchange"]
    if fmt_name == "CSV":
        assert ["拼多多", "纳斯达克"] in rows
    else:  # TSV keeps RDF term syntax
        assert ['"拼多多"@zh', '"纳斯达克"@zh'] in rows


@needs_wrapper
def test_sparqlwrapper_ask_and_construct(endpoint):
    from SPARQLWrapper import JSON, TURTLE
    ask = _wrapper(endpoint, PREFIXES + "ASK { ?c sekg:listedOn ?x }", JSON).convert()
    assert ask["boolean"] is True
    body = _wrapper(endpoint, PREFIXES + f"CONSTRUCT {{ ?c sekg:listedOn <{NASDAQ}> }} "
                                         f"WHERE {{ ?c sekg:listedOn <{NASDAQ}> }}", TURTLE).convert()
    g = rdflib.Graph().parse(data=body.decode("utf-8") if isinstance(body, bytes) else body, format="turtle")
    assert (rdflib.URIRef("https://w3id.org/sekg/id/entity/pinduoduo"),
            rdflib.URIRef("https://w3id.org/sekg/ontology#listedOn"), rdflib.URIRef(NASDAQ)) in g


# ---- urllib: the protocol by hand -------------------------------------------------------
def test_get_json_default(endpoint):
    status, ctype, body = get(endpoint, LISTINGS)
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    assert len(json.loads(body)["results"]["bindings"]) >= 3


def test_post_form_and_post_query(endpoint):
    form = urllib.parse.urlencode({"query": LISTINGS}).encode()
    status, ctype, body = http(endpoint, form, {"Content-Type": "application/x-www-form-urlencoded",
                                                "Accept": "text/csv"})
    assert status == 200 and ctype.startswith("text/csv")
    assert "拼多多,纳斯达克" in body.splitlines()
    status, ctype, body = http(endpoint, LISTINGS.encode("utf-8"), {"Content-Type": "application/sparql-query",
                                                                     "Accept": "application/sparql-results+xml"})
    assert status == 200 and ctype.startswith("application/sparql-results+xml") and "拼多多" in body


@pytest.mark.parametrize("accept,fmt,expected", [
    ("text/tab-separated-values", None, "text/tab-separated-values"),
    ("application/sparql-results+xml;q=0.5, text/csv;q=0.9", None, "text/csv"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", None, "application/sparql-results+json"),
    ("text/csv", "json", "application/sparql-results+json"),  # the parameter wins
    (None, "application/sparql-results+xml", "application/sparql-results+xml"),
])
def test_content_negotiation(endpoint, accept, fmt, expected):
    status, ctype, _ = get(endpoint, LISTINGS, accept, **({"format": fmt} if fmt else {}))
    assert status == 200 and ctype.startswith(expected)


def test_construct_and_describe_formats(endpoint):
    construct = PREFIXES + f"CONSTRUCT WHERE {{ ?c sekg:listedOn <{NASDAQ}> }}"
    status, ctype, body = get(endpoint, construct)
    assert status == 200 and ctype.startswith("text/turtle")
    assert len(rdflib.Graph().parse(data=body, format="turtle")) >= 2
    status, ctype, body = get(endpoint, f"DESCRIBE <{NASDAQ}>", "application/n-triples")
    assert status == 200 and ctype.startswith("application/n-triples")
    g = rdflib.Graph().parse(data=body, format="nt")
    assert rdflib.Literal("纳斯达克", lang="zh") in set(g.objects(rdflib.URIRef(NASDAQ), rdflib.RDFS.label))
    status, _, body = get(endpoint, construct, format="csv")
    assert status == 406 and "turtle" in body


def test_named_graph_per_source_document(endpoint):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    status, _, body = get(endpoint, query)
    graphs = {b["g"]["value"] for b in json.loads(body)["results"]["bindings"]}
    assert status == 200 and len(graphs) == 5
    assert all(g.startswith("https://w3id.org/sekg/id/graph/") for g in graphs)


def test_malformed_query_is_400_with_position(endpoint):
    status, ctype, body = get(endpoint, "SELECT ?s WHERE {\n  ?s ?p \n}")
    assert status == 400 and ctype.startswith("text/plain")
    assert "malformed query" in body
    assert re.search(r"\b3:\d+\b", body)  # line:column of the error (line 3)
    assert "Traceback" not in body


@pytest.mark.parametrize("how", ["update-param", "update-body", "update-as-query"])
def test_updates_refused(endpoint, how):
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    if how == "update-param":
        status, _, body = http(endpoint, urllib.parse.urlencode({"update": update}).encode(),
                               {"Content-Type": "application/x-www-form-urlencoded"})
    elif how == "update-body":
        status, _, body = http(endpoint, update.encode(), {"Content-Type": "application/sparql-update"})
    else:
        status, _, body = get(endpoint, update)
    assert 400 <= status < 500 and "read-only" in body
    status, _, body = get(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }")
    assert json.loads(body)["boolean"] is False


def test_service_refused(endpoint):
    status, _, body = get(endpoint, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 403 and "SERVICE" in body
    assert uses_service("select * {service<http://x/>{?s ?p ?o}}")
    assert not uses_service("SELECT ?service WHERE { ?service ?p ?o }")
    # what once got past a guess at strings and comments is refused now
    assert uses_service("SELECT * { BIND(<http://a/b\\#> AS ?x) SERVICE <http://127.0.0.1:1/steal> { ?s ?p ?o } }")
    assert uses_service("SELECT * { FILTER(''<'>') SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } FILTER(''!='') }")


def test_bad_requests(server, endpoint):
    assert http(endpoint)[0] == 400  # no query
    assert get(endpoint, LISTINGS, format="yaml")[0] == 406
    assert http(endpoint, b"query=x", {"Content-Type": "application/json"})[0] == 415
    assert http(server.url + "/nowhere")[0] == 404
    assert http(endpoint, b"", method="PUT")[0] == 405
    # the server is still up and answering
    assert get(endpoint, LISTINGS)[0] == 200


def test_html_view_at_root(server):
    status, ctype, body = http(server.url + "/")
    assert status == 200 and ctype.startswith("text/html")
    assert body.lstrip().lower().startswith("<!doctype html") and "拼多多" in body


def test_negotiate_unit():
    assert negotiate("results", None, None) == pyoxigraph.QueryResultsFormat.JSON
    assert negotiate("results", None, "text/csv;q=0.2, application/sparql-results+xml") == \
        pyoxigraph.QueryResultsFormat.XML
    assert negotiate("graph", None, None) == pyoxigraph.RdfFormat.TURTLE
    assert negotiate("graph", None, "application/ld+json") == pyoxigraph.RdfFormat.JSON_LD
    assert negotiate("graph", "xml", None) == pyoxigraph.RdfFormat.RDF_XML


def test_timeout_503_and_busy(graph):
    server, thread = _start(graph, timeout=0.2)
    try:
        endpoint = server.url + "/sparql"
        status, _, body = get(endpoint, SLOW)
        assert status == 503 and "time limit" in body
        # the worker is still finishing the slow query: the next one waits, then is told why
        status, _, body = get(endpoint, "ASK { ?s ?p ?o }")
        assert status in (200, 503)
        if status == 503:
            assert "busy" in body
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
