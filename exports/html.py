"""The interactive HTML view (``sekg.html``).

``render_html(view)`` turns a plain "view data" dict (nodes, edges, events; see
``docs/design.md``) into one self-contained page: vis-network (shipped with pyvis)
plus the project's own ``templates/view.{html,css,js}`` are inlined, the data is
embedded as escaped JSON, and a Content-Security-Policy allows only the page's own
inline scripts (by hash) and no network access at all.  The page opens from disk.

All data is treated as untrusted: the JSON block escapes ``<``, ``>``, ``&`` and
U+2028/2029, and the JavaScript builds every panel with DOM APIs / textContent.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

__all__ = ["render_html", "view_json"]

_TEMPLATES = Path(__file__).resolve().parent / "templates"
_VIS_DIR = "templates/lib/vis-9.1.2"


# JSON inside <script type="application/json">: nothing may close the element or
# start a comment, and U+2028/2029 are escaped for old JS parsers.
_JSON_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}

_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)
_STYLE_END = re.compile(r"</(style)", re.IGNORECASE)


def _read_template(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


def _read_vis(name: str) -> str:
    return (resources.files("pyvis") / _VIS_DIR / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- normalisation

def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if text else None


def _num(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _int(value: Any) -> int | None:
    number = _num(value)
    return int(number) if number is not None else None


def _year(year: Any, date: Any) -> int | None:
    value = _int(year)
    if value is not None:
        return value
    text = _str(date)
    if text and len(text) >= 4 and text[:4].isdigit():
        return int(text[:4])
    return None


def _evidence(items: Any) -> list[dict]:
    out = []
    for ev in items or ():
        if not isinstance(ev, dict):
            continue
        out.append({
            "doc": _str(ev.get("doc")),
            "sentence": _str(ev.get("sentence")) or "",
            "start": _int(ev.get("start")),
            "end": _int(ev.get("end")),
            "rule": _str(ev.get("rule")),
            "confidence": _num(ev.get("confidence")),
        })
    return out


def _normalise(view: dict) -> dict:
    """Keep the known keys, with JSON-safe types; drop dangling references."""
    nodes, seen = [], set()
    for n in view.get("nodes") or ():
        nid = _str(n.get("id"))
        if nid is None or nid in seen:
            continue
        seen.add(nid)
        aliases = [a for a in (_str(x) for x in (n.get("aliases") or ())) if a]
        nodes.append({
            "id": nid,
            "label": _str(n.get("label")) or nid.rsplit("/", 1)[-1],
            "label_en": _str(n.get("label_en")),
            "aliases": aliases,
            "class": _str(n.get("class")) or "Company",
            "degree": _int(n.get("degree")) or 0,
            "centrality": _num(n.get("centrality")) or 0.0,
            "x": _num(n.get("x")),
            "y": _num(n.get("y")),
        })
    edges, edge_ids = [], set()
    for e in view.get("edges") or ():
        eid, src, dst = _str(e.get("id")), _str(e.get("source")), _str(e.get("target"))
        if eid is None or eid in edge_ids or src not in seen or dst not in seen:
            continue
        edge_ids.add(eid)
        edges.append({
            "id": eid,
            "source": src,
            "target": dst,
            "relation": _str(e.get("relation")) or "relatedTo",
            "date": _str(e.get("date")),
            "year": _year(e.get("year"), e.get("date")),
            "amount": _num(e.get("amount")),
            "currency": _str(e.get("currency")),
            "confidence": _num(e.get("confidence")),
            "evidence": _evidence(e.get("evidence")),
        })
    events, event_ids = [], set()
    for ev in view.get("events") or ():
        vid = _str(ev.get("id"))
        if vid is None or vid in event_ids or vid in seen:
            continue
        parts = []
        for p in ev.get("participants") or ():
            ent = _str(p.get("entity")) if isinstance(p, dict) else None
            if ent in seen:
                parts.append({"role": _str(p.get("role")) or "participant", "entity": ent})
        if not parts:
            continue
        event_ids.add(vid)
        events.append({
            "id": vid,
            "class": _str(ev.get("class")) or "Event",
            "label": _str(ev.get("label")) or _str(ev.get("class")) or "Event",
            "date": _str(ev.get("date")),
            "year": _year(ev.get("year"), ev.get("date")),
            "amount": _num(ev.get("amount")),
            "currency": _str(ev.get("currency")),
            "round": _str(ev.get("round")),
            "status": _str(ev.get("status")),
            "participants": parts,
            "evidence": _evidence(ev.get("evidence")),
        })
    return {
        "title": _str(view.get("title")) or "sekg",
        "nodes": nodes,
        "edges": edges,
        "events": events,
    }


def view_json(view: dict) -> str:
    """The normalised view as JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(_normalise(view), ensure_ascii=False, allow_nan=False,
                      separators=(",", ":"), sort_keys=True)
    return text.translate(_JSON_ESCAPES)


# ---------------------------------------------------------------- page

def _inline_js(code: str) -> str:
    # '</script' or '<!--' would end or confuse the element; inside JS strings and
    # regexes '<\/script' and '<\!--' mean the same as the original text.
    return _SCRIPT_END.sub(r"<\\/\1", code).replace("<!--", "<\\!--")


def _inline_css(code: str) -> str:
    return _STYLE_END.sub(r"<\\/\1", code)


def _sha256(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_html(view: dict) -> str:
    """Render the whole self-contained page for ``view`` (deterministic)."""
    data = view_json(view)
    title = _str(view.get("title")) or "sekg"
    vis_js = _inline_js(_read_vis("vis-network.min.js"))
    app_js = _inline_js(_read_template("view.js"))
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_sha256(vis_js)} {_sha256(app_js)}",
        "style-src 'unsafe-inline'",
        "img-src data:",
        "font-src data:",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    page = Template(_read_template("view.html")).substitute(
        title=html.escape(title, quote=True),
        csp=html.escape(csp, quote=True),
        vis_css=_inline_css(_read_vis("vis-network.css")),
        view_css=_inline_css(_read_template("view.css")),
        data=data,
        vis_js=vis_js,
        view_js=app_js,
    )
    return page
