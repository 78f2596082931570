"""`sekg serve`: a read-only SPARQL 1.1 Protocol endpoint and the HTML view.

    GET  /sparql?query=...                          (SPARQL 1.1 Protocol, query via GET)
    POST /sparql  application/x-www-form-urlencoded (query=...)
    POST /sparql  application/sparql-query          (the query is the body)
    GET  /                                          the interactive HTML view

Results of SELECT and ASK come as SPARQL JSON (default), XML, CSV or TSV; those of
CONSTRUCT and DESCRIBE as Turtle (default), N-Triples, JSON-LD or RDF/XML. The format
is chosen by the `Accept` header, or by a `format` parameter (json, xml, csv, tsv,
turtle, ntriples, jsonld, rdfxml, or a media type), which wins over the header.

The default graph is the whole graph (what `sekg.ttl` holds); each source document's
evidence is also available as a named graph (`GRAPH ?g { ... }`) when the graph was
built or loaded from TriG / JSON-LD. `default-graph-uri` and `named-graph-uri` are
honoured.

Updates are refused (403), and so are federated queries (SERVICE), which would make the
server fetch arbitrary URLs. A malformed query gets 400 with the parser's message (line
and column). Every query runs in the server's single worker thread and is given
`timeout` seconds, waiting included: past it the client gets 503. pyoxigraph cannot
interrupt a running query, so an overrunning query keeps the worker busy until it ends;
meanwhile new queries wait for it (at most `timeout`) and then get 503 too. No request
can make the server crash or send a traceback.
"""
from __future__ import annotations

import concurrent.futures
import queue
import re
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.graph import KnowledgeGraph
from kg.sparql import _UPDATE, uses_service  # noqa: F401  (uses_service: re-exported for tests)

MAX_BODY = 1 << 20  # bytes of a POSTed query



# ---- formats -------------------------------------------------------------------------
R = ox.QueryResultsFormat
G = ox.RdfFormat
RESULT_FORMATS = {"json": R.JSON, "xml": R.XML, "csv": R.CSV, "tsv": R.TSV}
GRAPH_FORMATS = {"turtle": G.TURTLE, "ntriples": G.N_TRIPLES, "jsonld": G.JSON_LD, "rdfxml": G.RDF_XML}
# names and media types a client may ask for -> (SELECT/ASK format, CONSTRUCT/DESCRIBE format);
# None = that kind of result cannot be written in that format.
ALIASES: dict[str, tuple[str | None, str | None]] = {
    "json": ("json", "jsonld"), "srj": ("json", None), "xml": ("xml", "rdfxml"), "srx": ("xml", None),
    "csv": ("csv", None), "tsv": ("tsv", None),
    "turtle": (None, "turtle"), "ttl": (None, "turtle"), "n3": (None, "turtle"),
    "ntriples": (None, "ntriples"), "n-triples": (None, "ntriples"), "nt": (None, "ntriples"),
    "jsonld": (None, "jsonld"), "json-ld": (None, "jsonld"), "rdfxml": (None, "rdfxml"), "rdf": (None, "rdfxml"),
    "rdf+xml": (None, "rdfxml"),
    "application/sparql-results+json": ("json", None), "application/json": ("json", "jsonld"),
    "text/javascript": ("json", None), "application/javascript": ("json", None),
    "application/sparql-results+xml": ("xml", None), "application/xml": ("xml", "rdfxml"),
    "text/xml": ("xml", "rdfxml"),
    "text/csv": ("csv", None), "text/tab-separated-values": ("tsv", None),
    "text/turtle": (None, "turtle"), "application/turtle": (None, "turtle"),
    "application/x-turtle": (None, "turtle"), "text/n3": (None, "turtle"), "text/rdf+n3": (None, "turtle"),
    "application/n-triples": (None, "ntriples"), "text/plain": (None, "ntriples"),
    "application/ld+json": (None, "jsonld"), "application/rdf+xml": (None, "rdfxml"),
}
SUPPORTED = "json, xml, csv, tsv (SELECT/ASK); turtle, ntriples, jsonld, rdfxml (CONSTRUCT/DESCRIBE)"


class ClientError(Exception):
    """A request the server refuses; `status` is the HTTP status to answer with."""

    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status = status


def _accept(header: str | None) -> list[str]:
    """Media types of an Accept header, most wanted first (q=0 dropped)."""
    ranked = []
    for i, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, media))
    return [m for _, _, m in sorted(ranked)]


def negotiate(kind: str, fmt_param: str | None, accept: str | None):
    """The pyoxigraph format for a result of `kind` ("results" for SELECT/ASK, "graph" for
    CONSTRUCT/DESCRIBE) given the `format` parameter and the Accept header."""
    index = 0 if kind == "results" else 1
    table = RESULT_FORMATS if kind == "results" else GRAPH_FORMATS
    default = "json" if kind == "results" else "turtle"
    if fmt_param:
        name = ALIASES.get(fmt_param.strip().lower().split(";")[0].strip())
        if name is None or name[index] is None:
            what = "SELECT/ASK" if kind == "results" else "CONSTRUCT/DESCRIBE"
            raise ClientError(HTTPStatus.NOT_ACCEPTABLE,
                              f"format {fmt_param!r} is not available for {what} results; use one of: {SUPPORTED}")
        return table[name[index]]
    for media in _accept(accept):
        if media in ("*/*", "application/*", "text/*"):
            return table[default]
        name = ALIASES.get(media)
        if name and name[index]:
            return table[name[index]]
    return table[default]  # lenient: a browser's text/html gets the default


# ---- the worker ----------------------------------------------------------------------
class _Worker:
    """One daemon thread running queries one at a time (pyoxigraph releases the GIL while
    it evaluates, so the HTTP threads stay responsive). A daemon, so that a query which
    overran its time limit cannot keep the process alive at exit."""

    def __init__(self):
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.slot = threading.Semaphore(1)  # held from submission until the job ends
        self._thread = threading.Thread(target=self._run, name="sekg-sparql-worker", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            fn, future = job
            try:
                if future.set_running_or_notify_cancel():
                    try:
                        future.set_result(fn())
                    except BaseException as exc:  # handed to the waiting request
                        future.set_exception(exc)
            finally:
                self.slot.release()

    def submit(self, fn) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._jobs.put((fn, future))
        return future

    def stop(self) -> None:
        self._jobs.put(None)




def _html(kg: KnowledgeGraph) -> bytes:
    from exports.html import render_html
    from exports.view import view_data
    return render_html(view_data(kg)).encode("utf-8")


# ---- the server ----------------------------------------------------------------------
class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, kg: KnowledgeGraph, host: str, port: int, timeout: float, quiet: bool = False):
        self.store = kg.store
        self.page = _html(kg)
        self.query_timeout = float(timeout)
        self.quiet = quiet
        self.worker = _Worker()
        try:
            super().__init__((host, port), SparqlHandler)
        except BaseException:
            self.worker.stop()
            raise

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}"

    def server_close(self) -> None:
        super().server_close()
        self.worker.stop()

    def handle_error(self, request, client_address) -> None:  # no traceback, even on the console
        exc = sys.exc_info()[1]
        if not isinstance(exc, (ConnectionError, TimeoutError)) and not self.quiet:
            print(f"sekg serve: error on a request from {client_address[0]}: {exc.__class__.__name__}: {exc}",
                  file=sys.stderr)

    def execute(self, sparql: str, fmt_param: str | None, accept: str | None,
                default_graphs: list[str], named_graphs: list[str]) -> tuple[bytes, str]:
        """Run one query in the worker: (body, content type). Raises ClientError."""
        if uses_service(sparql):
            raise ClientError(HTTPStatus.FORBIDDEN, "federated queries (SERVICE) are disabled on this endpoint")
        options: dict = {"use_default_graph_as_union": not default_graphs}
        try:
            if default_graphs:
                options["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
            if named_graphs:
                options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
        except ValueError as exc:
            raise ClientError(HTTPStatus.BAD_REQUEST, f"bad graph IRI: {exc}") from None

        def job() -> tuple[bytes, str]:
            # pyoxigraph's result iterators must be dropped by the thread that made them:
            # none may travel to the request thread in a traceback.
            result = None
            try:
                result = self.store.query(sparql, **options)
                kind = "graph" if isinstance(result, ox.QueryTriples) else "results"
                fmt = negotiate(kind, fmt_param, accept)
                body = result.serialize(format=fmt)
            except BaseException as exc:
                result = None
                raise exc.with_traceback(None)  # noqa: B904 -- the traceback would keep `result`
            finally:
                result = None
            media = fmt.media_type
            if "charset" not in media and (media.startswith("text/") or media.endswith(("json", "xml"))):
                media += "; charset=utf-8"
            return body, media

        start = time.monotonic()
        limit = self.query_timeout
        if not self.worker.slot.acquire(timeout=limit):
            raise ClientError(HTTPStatus.SERVICE_UNAVAILABLE,
                              f"the server is busy: it runs one query at a time and earlier ones (perhaps one "
                              f"that overran the {limit:g} s time limit) are still running; try again later")
        future = self.worker.submit(job)
        try:
            return future.result(timeout=max(0.0, limit - (time.monotonic() - start)))
        except concurrent.futures.TimeoutError:
            raise ClientError(HTTPStatus.SERVICE_UNAVAILABLE,
                              f"query timed out: it ran longer than the time limit of {limit:g} s "
                              f"(simplify it, add a LIMIT, or start the server with a larger --timeout)") from None
        except SyntaxError as exc:
            if _UPDATE.search(sparql):
                raise ClientError(HTTPStatus.FORBIDDEN, "updates are not allowed: this endpoint is read-only") from None
            raise ClientError(HTTPStatus.BAD_REQUEST, f"malformed query: {exc}") from None
        except ClientError:
            raise
        except (ValueError, RuntimeError, OSError, TypeError) as exc:
            raise ClientError(HTTPStatus.BAD_REQUEST, f"query failed: {exc}") from None


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "sekg"
    protocol_version = "HTTP/1.1"
    error_content_type = "text/plain; charset=utf-8"
    error_message_format = "%(code)d %(message)s\n"
    timeout = 30  # seconds a client may take to send its request

    # -- plumbing
    def log_message(self, format: str, *args) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    def _send(self, status: int, body: bytes, content_type: str, head: bool = False, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _text(self, status: int, message: str, extra: dict | None = None) -> None:
        self._send(status, (message.rstrip("\n") + "\n").encode("utf-8"), "text/plain; charset=utf-8",
                   head=self.command == "HEAD", extra=extra)

    def _guard(self, method) -> None:
        try:
            method()
        except ClientError as exc:
            extra = {"Retry-After": str(max(1, round(self.server.query_timeout)))} \
                if exc.status == HTTPStatus.SERVICE_UNAVAILABLE else None
            self._text(exc.status, f"{exc.status.value} {exc.status.phrase}: {exc}", extra)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception as exc:  # never a traceback to the client
            self.close_connection = True
            try:
                self._text(HTTPStatus.INTERNAL_SERVER_ERROR, f"500 Internal Server Error: {exc.__class__.__name__}")
            except Exception:
                pass

    # -- methods
    def do_GET(self) -> None:
        self._guard(self._get)

    def do_HEAD(self) -> None:
        self._guard(self._get)

    def do_POST(self) -> None:
        self._guard(self._post)

    def _refuse_method(self) -> None:
        self.close_connection = True  # any body is left unread
        self._text(HTTPStatus.METHOD_NOT_ALLOWED, f"405 Method Not Allowed: {self.command}", {"Allow": "GET, HEAD, POST"})

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse_method

    def _get(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html", "/sekg.html"):
            self._send(HTTPStatus.OK, self.server.page, "text/html; charset=utf-8", head=self.command == "HEAD")
        elif url.path == "/sparql":
            self._sparql(self._params(url.query))
        else:
            self._text(HTTPStatus.NOT_FOUND, f"404 Not Found: {url.path} (the endpoint is /sparql, the view /)")

    def _post(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._text(HTTPStatus.NOT_FOUND if url.path not in ("/", "/index.html") else HTTPStatus.METHOD_NOT_ALLOWED,
                       f"POST {url.path}: queries go to /sparql")
            return
        params = self._params(url.query)
        length = self.headers.get("Content-Length")
        if length is None:
            self.close_connection = True
            raise ClientError(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")
        try:
            size = int(length)
        except ValueError:
            raise ClientError(HTTPStatus.BAD_REQUEST, "bad Content-Length") from None
        if size < 0 or size > MAX_BODY:
            self.close_connection = True
            raise ClientError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the request body is limited to {MAX_BODY} bytes")
        body = self.rfile.read(size)
        ctype, _, rest = (self.headers.get("Content-Type") or "").partition(";")
        ctype = ctype.strip().lower()
        charset = (re.search(r"charset=\"?([\w.:-]+)", rest, re.I) or [None, "utf-8"])[1]
        try:
            text = body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise ClientError(HTTPStatus.BAD_REQUEST, f"the request body is not valid {charset}") from None
        if ctype == "application/sparql-update":
            raise ClientError(HTTPStatus.FORBIDDEN, "updates are not allowed: this endpoint is read-only")
        if ctype == "application/sparql-query":
            if "query" in params:
                raise ClientError(HTTPStatus.BAD_REQUEST, "the query is the body; do not also pass query=")
            params["query"] = [text]
        elif ctype == "application/x-www-form-urlencoded":
            for k, v in self._params(text).items():
                params.setdefault(k, []).extend(v)
        else:
            raise ClientError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                              f"unsupported Content-Type {ctype or '(none)'!r}: use application/sparql-query "
                              f"or application/x-www-form-urlencoded")
        self._sparql(params)

    @staticmethod
    def _params(qs: str) -> dict[str, list[str]]:
        try:
            return parse_qs(qs, keep_blank_values=True, strict_parsing=False, max_num_fields=100)
        except ValueError as exc:
            raise ClientError(HTTPStatus.BAD_REQUEST, f"bad parameters: {exc}") from None

    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            raise ClientError(HTTPStatus.FORBIDDEN, "updates are not allowed: this endpoint is read-only")
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise ClientError(HTTPStatus.BAD_REQUEST,
                              "pass exactly one SPARQL query: GET /sparql?query=..., or POST it as query=... "
                              "(application/x-www-form-urlencoded) or as the body (application/sparql-query)")
        fmt = (params.get("format") or params.get("output") or [None])[0]
        body, media = self.server.execute(queries[0], fmt or None, self.headers.get("Accept"),
                                          params.get("default-graph-uri", []), params.get("named-graph-uri", []))
        self._send(HTTPStatus.OK, body, media, head=self.command == "HEAD", extra={"Vary": "Accept"})


def make_server(kg: KnowledgeGraph, host: str = "127.0.0.1", port: int = 8000, timeout: float = 10.0,
                quiet: bool = False) -> SparqlServer:
    """A server bound to (host, port) and ready for `serve_forever()` (port 0 = any free
    port; the chosen one is `server.server_address[1]`, the base URL `server.url`)."""
    return SparqlServer(kg, host, port, timeout, quiet=quiet)


def serve(kg: KnowledgeGraph, host: str = "127.0.0.1", port: int = 8000, timeout: float = 10.0) -> None:
    """Serve `kg` until interrupted: SPARQL at /sparql, the HTML view at /."""
    try:
        server = make_server(kg, host, port, timeout)
    except OSError as exc:
        print(f"sekg: cannot listen on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        sys.exit(2)
    print(f"sekg: SPARQL endpoint at {server.url}/sparql, the view at {server.url}/ "
          f"(read-only, {timeout:g} s per query; Ctrl-C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
