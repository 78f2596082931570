/* sekg interactive view.
 * Data: the JSON block #sekg-data (untrusted text: every panel is built with DOM
 * APIs and textContent; vis-network tooltips are plain strings, shown via innerText).
 * Hooks for tests and scripts: window.sekg (API), window.sekgNetwork, window.sekgView,
 * window.sekgReady (true once the layout is stable and drawn), window.sekgTimings.
 */
(function () {
  "use strict";
  var T0 = performance.now();
  window.sekgReady = false;
  window.sekgTimings = { scriptStart: T0 };

  var VIEW = JSON.parse(document.getElementById("sekg-data").textContent);
  window.sekgView = VIEW;
  window.sekgTimings.parsed = performance.now();

  // ------------------------------------------------------------------ styles
  var CLASS_STYLE = {
    Platform:        { zh: "平台",     color: "#e4572e", shape: "dot" },
    Brand:           { zh: "品牌",     color: "#f4a259", shape: "square" },
    MCN:             { zh: "MCN机构",  color: "#d64f9a", shape: "star" },
    Regulator:       { zh: "监管机构", color: "#2b4c9b", shape: "triangle" },
    ServiceProvider: { zh: "服务商",   color: "#22a39f", shape: "hexagon" },
    Investor:        { zh: "投资机构", color: "#3c9d4e", shape: "triangleDown" },
    Exchange:        { zh: "交易所",   color: "#7b5a3c", shape: "square" },
    Company:         { zh: "公司",     color: "#4a90d9", shape: "dot" },
    Association:     { zh: "协会",     color: "#8e6cc0", shape: "hexagon" },
    Person:          { zh: "人物",     color: "#c9a227", shape: "triangle" },
    Product:         { zh: "产品",     color: "#7fc8f8", shape: "star" },
    Document:        { zh: "文件",     color: "#a3a9b3", shape: "square" },
    Sector:          { zh: "行业",     color: "#b5c99a", shape: "triangleDown" }
  };
  var RELATION_STYLE = {
    investedIn:   { zh: "投资",   color: "#3c9d4e", arrow: true },
    listedOn:     { zh: "上市于", color: "#7b5a3c", arrow: true },
    regulates:    { zh: "监管",   color: "#2b4c9b", arrow: true },
    partnersWith: { zh: "合作",   color: "#4a90d9", arrow: false },
    acquired:     { zh: "收购",   color: "#c0392b", arrow: true },
    issued:       { zh: "发布",   color: "#8e6cc0", arrow: true },
    penalized:    { zh: "处罚",   color: "#e67e22", arrow: true },
    launched:     { zh: "推出",   color: "#22a39f", arrow: true },
    subsidiaryOf: { zh: "隶属于", color: "#8a8f98", arrow: true, dashes: true }
  };
  var EVENT_STYLE = {
    Listing:        { zh: "上市",     color: "#7b5a3c" },
    FundingRound:   { zh: "融资",     color: "#3c9d4e" },
    Acquisition:    { zh: "收购",     color: "#c0392b" },
    Partnership:    { zh: "合作",     color: "#4a90d9" },
    PolicyIssuance: { zh: "政策发布", color: "#2b4c9b" },
    Penalty:        { zh: "处罚",     color: "#e67e22" },
    Launch:         { zh: "推出",     color: "#22a39f" }
  };
  var ROLE_ZH = {
    listedCompany: "上市公司", exchange: "交易所", fundedCompany: "融资方",
    investor: "投资方", leadInvestor: "领投方", acquirer: "收购方",
    acquiredCompany: "被收购方", partner: "合作方", issuer: "发布方",
    policyDocument: "政策文件", penalizingBody: "处罚机关", penalizedParty: "被处罚方",
    launcher: "推出方", launchedProduct: "产品", participant: "参与方"
  };
  var CJK = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

  function own(map, key) { return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : null; }
  function classStyle(c) { return own(CLASS_STYLE, c) || { zh: "", color: "#999999", shape: "dot" }; }
  function relStyle(r) { return own(RELATION_STYLE, r) || { zh: "", color: "#999999", arrow: true }; }
  function eventStyle(c) { return own(EVENT_STYLE, c) || { zh: "", color: "#888888" }; }
  function roleZh(r) { return own(ROLE_ZH, r) || ""; }
  function bi(zh, en) { return zh ? zh + " " + en : en; }

  function shade(hex, f) { // f<0 darker, f>0 lighter
    var n = parseInt(hex.slice(1), 16), out = [16, 8, 0].map(function (s) {
      var c = (n >> s) & 255;
      c = f < 0 ? c * (1 + f) : c + (255 - c) * f;
      return Math.round(c).toString(16).padStart(2, "0");
    });
    return "#" + out.join("");
  }
  function nodeColor(c) {
    var b = shade(c, -0.3);
    return { background: c, border: b, highlight: { background: shade(c, 0.25), border: "#111111" },
             hover: { background: shade(c, 0.15), border: b } };
  }
  function clip(s, n) { return s.length > n ? s.slice(0, n - 1) + "…" : s; }

  // ------------------------------------------------------------------ indexes
  var nodes = VIEW.nodes, facts = VIEW.edges, events = VIEW.events;
  var nodeById = new Map(), factById = new Map(), eventById = new Map();
  var factsOf = new Map(), eventsOf = new Map(), evEdges = new Map();
  nodes.forEach(function (n) { nodeById.set(n.id, n); factsOf.set(n.id, []); eventsOf.set(n.id, []); });
  facts.forEach(function (f) {
    factById.set(f.id, f);
    factsOf.get(f.source).push(f);
    if (f.target !== f.source) factsOf.get(f.target).push(f);
  });
  events.forEach(function (ev, i) {
    eventById.set(ev.id, ev);
    ev.edgeIds = [];
    ev.participants.forEach(function (p, k) {
      var eid = "sekg-event-edge:" + i + ":" + k;
      evEdges.set(eid, { event: ev, part: p });
      ev.edgeIds.push(eid);
      eventsOf.get(p.entity).push({ event: ev, role: p.role });
    });
  });
  function displayName(n) {
    return n.label_en && n.label_en !== n.label ? n.label + " (" + n.label_en + ")" : n.label;
  }
  function nameOf(id) {
    var n = nodeById.get(id);
    if (n) return displayName(n);
    var ev = eventById.get(id);
    return ev ? ev.label : id;
  }

  var nN = nodes.length, nE = facts.length;
  var LARGE = nN > 1500 || nE > 5000;

  // ------------------------------------------------------------------ layout
  function rng(seedStr) { // deterministic per-id PRNG (FNV-1a + mulberry32)
    var h = 2166136261;
    for (var i = 0; i < seedStr.length; i++) { h ^= seedStr.charCodeAt(i); h = Math.imul(h, 16777619); }
    return function () {
      h = (h + 0x6D2B79F5) | 0;
      var t = Math.imul(h ^ (h >>> 15), 1 | h);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  var withXY = nodes.filter(function (n) { return n.x !== null && n.y !== null; });
  var FIXED = nN > 0 && withXY.length === nN;
  // Small graphs without coordinates: vis's own initial layout (improvedLayout).
  var IMPROVED = withXY.length === 0 && nN <= 500;
  var pos = new Map();
  (function () {
    // Precomputed coordinates are rescaled to a box of ~55px per node (y flipped: math
    // convention). Other nodes start from a radial BFS embedding (hubs first, neighbours
    // around them, components spiralling outwards), so bounded physics converges quickly.
    var side = Math.max(500, 55 * Math.sqrt(nN));
    if (withXY.length) {
      var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      withXY.forEach(function (n) { x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y); });
      var k = side / (Math.max(x1 - x0, y1 - y0) || 1), cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
      withXY.forEach(function (n) { pos.set(n.id, { x: (n.x - cx) * k, y: -(n.y - cy) * k }); });
    }
    if (FIXED || IMPROVED) return;
    var adj = new Map();
    nodes.forEach(function (n) { adj.set(n.id, []); });
    facts.forEach(function (f) {
      if (f.source !== f.target) { adj.get(f.source).push(f.target); adj.get(f.target).push(f.source); }
    });
    var order = nodes.filter(function (n) { return !pos.has(n.id); }).sort(function (a, b) {
      return adj.get(b.id).length - adj.get(a.id).length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    var comp = 0, mainR = 0, base = withXY.length ? side / 2 : 0;
    order.forEach(function (root) {
      if (pos.has(root.id)) return;
      var R = comp === 0 ? base : Math.max(base, mainR) + 40 + 30 * Math.sqrt(comp);
      var c = { x: R * Math.cos(comp * 2.39996), y: R * Math.sin(comp * 2.39996) };
      pos.set(root.id, { x: 0, y: 0 });
      var queue = [{ id: root.id, ang: 0, spr: 2 * Math.PI }];
      for (var qi = 0; qi < queue.length; qi++) {
        var u = queue[qi], p = pos.get(u.id);
        var kids = Array.from(new Set(adj.get(u.id))).filter(function (v) { return !pos.has(v); });
        var m = kids.length, dist = 90 * Math.max(1, Math.sqrt(m) / 3);
        kids.forEach(function (v, i) {
          var r = rng(v), ang = u.ang - u.spr / 2 + u.spr * (i + 0.3 + 0.4 * r()) / m;
          var d = dist * (0.8 + 0.4 * r());
          pos.set(v, { x: p.x + d * Math.cos(ang), y: p.y + d * Math.sin(ang) });
          queue.push({ id: v, ang: ang, spr: Math.max(u.spr / m, 1.2) });
        });
      }
      // Shrink the component to about the area its node count deserves (vis clamps
      // velocities per axis, so a too-wide start contracts into a square).
      var rMax = 0;
      queue.forEach(function (q) { var pp = pos.get(q.id); rMax = Math.max(rMax, Math.sqrt(pp.x * pp.x + pp.y * pp.y)); });
      var want = 30 * Math.sqrt(queue.length) + 20, k = rMax > want ? want / rMax : 1;
      queue.forEach(function (q) { var pp = pos.get(q.id); pp.x = c.x + pp.x * k; pp.y = c.y + pp.y * k; });
      if (comp === 0) mainR = Math.min(rMax, want);
      comp++;
    });
  })();

  // ------------------------------------------------------------------ vis items
  var maxDeg = 1, maxCen = 0;
  nodes.forEach(function (n) { maxDeg = Math.max(maxDeg, n.degree); maxCen = Math.max(maxCen, n.centrality); });

  function actorItem(n) {
    var st = classStyle(n["class"]);
    var s = 0.6 * Math.sqrt(n.degree / maxDeg) + (maxCen > 0 ? 0.4 * n.centrality / maxCen : 0);
    var font = { size: Math.round(12 + 6 * s), face: CJK, color: "#1d2430", strokeWidth: 3, strokeColor: "#ffffff" };
    var color = nodeColor(st.color);
    var tip = [displayName(n), bi(st.zh, n["class"]) + " · 度 degree " + n.degree];
    if (n.aliases.length) tip.push("别名 aliases: " + clip(n.aliases.join("、"), 200));
    var p = pos.get(n.id) || {};
    return { id: n.id, label: clip(displayName(n), 40), title: tip.join("\n"), shape: st.shape,
             size: Math.round(8 + 22 * s), color: color, font: font, x: p.x, y: p.y, hidden: false };
  }
  function eventItem(ev) {
    var st = eventStyle(ev["class"]);
    var color = nodeColor(st.color);
    var tip = [ev.label, bi(st.zh, ev["class"]) + (ev.date ? " · " + ev.date : "")];
    if (ev.amount !== null) tip.push(fmtAmount(ev.amount, ev.currency));
    // no canvas label (too many); the name is in the tooltip and the panel
    return { id: ev.id, title: tip.join("\n"), shape: "diamond", size: 7,
             color: color, hidden: true, physics: false };
  }
  function factItem(f, curve) {
    var st = relStyle(f.relation);
    var color = { color: st.color, highlight: shade(st.color, -0.3), hover: shade(st.color, -0.15), inherit: false, opacity: 0.85 };
    var font = { size: 10, face: CJK, color: shade(st.color, -0.35), strokeWidth: 3, strokeColor: "#ffffff", align: "middle" };
    var tip = [nameOf(f.source) + " —" + bi(st.zh, f.relation) + "→ " + nameOf(f.target)];
    var meta = [f.date, f.amount !== null ? fmtAmount(f.amount, f.currency) : null].filter(Boolean);
    if (meta.length) tip.push(meta.join(" · "));
    tip.push("证据 evidence: " + f.evidence.length);
    // Large graphs: no edge labels in vis (it draws them for all edges, even off-screen);
    // the highlight overlay labels the selection's edges instead.
    var item = { id: f.id, from: f.source, to: f.target, label: LARGE ? undefined : st.zh || f.relation, title: tip.join("\n"),
                 color: color, font: font, width: 1.2 + 0.4 * Math.min(4, Math.max(0, f.evidence.length - 1)),
                 arrows: { to: { enabled: st.arrow, scaleFactor: 0.5 } }, dashes: !!st.dashes, hidden: false };
    if (curve) item.smooth = curve;
    return item;
  }
  function eventEdgeItem(eid, link) {
    var st = eventStyle(link.event["class"]);
    var color = { color: shade(st.color, 0.35), highlight: st.color, hover: st.color, inherit: false, opacity: 0.9 };
    return { id: eid, from: link.event.id, to: link.part.entity,
             title: link.event.label + "\n" + bi(roleZh(link.part.role), link.part.role) + ": " + nameOf(link.part.entity),
             color: color, width: 1, dashes: [3, 3], arrows: { to: { enabled: false } },
             hidden: true, physics: false };
  }

  // Parallel edges between the same pair get alternating curves.
  var pairCount = new Map();
  var edgeItems = facts.map(function (f) {
    var key = f.source < f.target ? f.source + "\u0000" + f.target : f.target + "\u0000" + f.source;
    var k = pairCount.get(key) || 0;
    pairCount.set(key, k + 1);
    var curve = k === 0 ? null : { enabled: true, type: k % 2 ? "curvedCW" : "curvedCCW", roundness: 0.18 * Math.ceil(k / 2) };
    return factItem(f, curve);
  });
  evEdges.forEach(function (link, eid) { edgeItems.push(eventEdgeItem(eid, link)); });
  var nodeItems = nodes.map(actorItem).concat(events.map(eventItem));

  // ------------------------------------------------------------------ UI helpers (DOM only)
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return parent;
  }
  var SVGNS = "http://www.w3.org/2000/svg";
  function swatch(shape, color, dashed) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", "16"); svg.setAttribute("height", "14");
    svg.setAttribute("class", "swatch");
    var s;
    if (shape === "line") {
      s = document.createElementNS(SVGNS, "line");
      s.setAttribute("x1", "1"); s.setAttribute("y1", "7"); s.setAttribute("x2", "15"); s.setAttribute("y2", "7");
      s.setAttribute("stroke", color); s.setAttribute("stroke-width", "3");
      if (dashed) s.setAttribute("stroke-dasharray", "3 2");
    } else if (shape === "dot") {
      s = document.createElementNS(SVGNS, "circle");
      s.setAttribute("cx", "8"); s.setAttribute("cy", "7"); s.setAttribute("r", "5.5");
    } else if (shape === "square") {
      s = document.createElementNS(SVGNS, "rect");
      s.setAttribute("x", "2.5"); s.setAttribute("y", "1.5"); s.setAttribute("width", "11"); s.setAttribute("height", "11");
    } else {
      var pts = {
        triangle: "8,1 14.5,12.5 1.5,12.5", triangleDown: "1.5,1.5 14.5,1.5 8,13",
        diamond: "8,1 14,7 8,13 2,7", hexagon: "4.5,1.5 11.5,1.5 15,7 11.5,12.5 4.5,12.5 1,7",
        star: "8,0.5 9.8,5 14.5,5.2 10.8,8.2 12.2,13 8,10.3 3.8,13 5.2,8.2 1.5,5.2 6.2,5"
      }[shape] || "8,1 14,7 8,13 2,7";
      s = document.createElementNS(SVGNS, "polygon");
      s.setAttribute("points", pts);
    }
    if (shape !== "line") {
      s.setAttribute("fill", color); s.setAttribute("stroke", shade(color, -0.3));
    }
    svg.appendChild(s);
    return svg;
  }
  function fmtNum(x) { return String(Number(x.toFixed(2))); }
  function fmtAmount(a, cur) {
    if (a === null || a === undefined) return "";
    var abs = Math.abs(a), s;
    if (abs >= 1e8) s = fmtNum(a / 1e8) + "亿";
    else if (abs >= 1e4) s = fmtNum(a / 1e4) + "万";
    else s = a.toLocaleString("en-US");
    return cur ? s + " " + cur : s;
  }
  function byDate(a, b) { // ISO dates sort as strings; undated last
    if (a.date === b.date) return 0;
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }

  // ------------------------------------------------------------------ filters
  function countBy(list, key) {
    var m = new Map();
    list.forEach(function (x) { m.set(x[key], (m.get(x[key]) || 0) + 1); });
    return m;
  }
  function ordered(known, counts) {
    var keys = Object.keys(known).filter(function (k) { return counts.has(k); });
    counts.forEach(function (_, k) { if (!own(known, k)) keys.push(k); });
    return keys;
  }
  var classCounts = countBy(nodes, "class"), relCounts = countBy(facts, "relation"), evCounts = countBy(events, "class");
  var state = {
    classes: new Set(classCounts.keys()), relations: new Set(relCounts.keys()), eventClasses: new Set(evCounts.keys()),
    yearFrom: null, yearTo: null, includeUndated: true,
    showEvents: events.length > 0 && events.length <= 200 && nN <= 1500,
    hideUnlinked: false, selected: null
  };
  var checkboxes = { "class": new Map(), relation: new Map(), eventClass: new Map() };

  function filterRow(group, key, sw, text, count, target) {
    var label = el("label");
    var cb = el("input");
    cb.type = "checkbox"; cb.checked = true;
    cb.setAttribute("data-" + (group === "eventClass" ? "event-class" : group), key);
    cb.addEventListener("change", function () { setMember(group, key, cb.checked); });
    checkboxes[group].set(key, cb);
    add(label, cb, sw, el("span", null, text), el("span", "count", count));
    target.appendChild(label);
  }
  function setMember(group, key, on) {
    var set = group === "class" ? state.classes : group === "relation" ? state.relations : state.eventClasses;
    if (on) set.add(key); else set.delete(key);
    var cb = checkboxes[group].get(key);
    if (cb) cb.checked = on;
    applyFilters();
  }
  ordered(CLASS_STYLE, classCounts).forEach(function (c) {
    var st = classStyle(c);
    filterRow("class", c, swatch(st.shape, st.color), bi(st.zh, c), classCounts.get(c), document.getElementById("class-filters"));
  });
  ordered(RELATION_STYLE, relCounts).forEach(function (r) {
    var st = relStyle(r);
    filterRow("relation", r, swatch("line", st.color, st.dashes), bi(st.zh, r), relCounts.get(r), document.getElementById("relation-filters"));
  });
  ordered(EVENT_STYLE, evCounts).forEach(function (c) {
    var st = eventStyle(c);
    filterRow("eventClass", c, swatch("diamond", st.color), bi(st.zh, c), evCounts.get(c), document.getElementById("event-filters"));
  });
  Array.prototype.forEach.call(document.querySelectorAll("button[data-all]"), function (b) {
    b.addEventListener("click", function () {
      var group = b.getAttribute("data-all"), on = b.getAttribute("data-on") === "1";
      var set = group === "class" ? state.classes : state.relations;
      checkboxes[group].forEach(function (cb, key) { cb.checked = on; if (on) set.add(key); else set.delete(key); });
      applyFilters();
    });
  });

  // Year range over dated facts and events.
  var years = facts.map(function (f) { return f.year; }).concat(events.map(function (e) { return e.year; }))
    .filter(function (y) { return y !== null; });
  var yMin = null, yMax = null;
  years.forEach(function (y) { if (yMin === null || y < yMin) yMin = y; if (yMax === null || y > yMax) yMax = y; });
  var yFrom = document.getElementById("year-from"), yTo = document.getElementById("year-to");
  var yFromOut = document.getElementById("year-from-out"), yToOut = document.getElementById("year-to-out");
  var undatedCb = document.getElementById("include-undated");
  if (yMin === null) {
    yFrom.disabled = yTo.disabled = true;
  } else {
    [yFrom, yTo].forEach(function (inp) { inp.min = yMin; inp.max = yMax; inp.step = 1; });
    yFrom.value = yMin; yTo.value = yMax;
    state.yearFrom = yMin; state.yearTo = yMax;
  }
  function showYears() {
    yFromOut.textContent = state.yearFrom === null ? "–" : state.yearFrom;
    yToOut.textContent = state.yearTo === null ? "–" : state.yearTo;
  }
  showYears();
  // Small graphs follow the slider live; large ones apply when it is released.
  var yearEvent = LARGE ? "change" : "input";
  function onYear(which) {
    var a = +yFrom.value, b = +yTo.value;
    if (a > b) { if (which === yFrom) yTo.value = a; else yFrom.value = b; }
    setYearRange(+yFrom.value, +yTo.value);
  }
  [yFrom, yTo].forEach(function (inp) {
    inp.addEventListener(yearEvent, function () { onYear(inp); });
    inp.addEventListener("input", function () { yFromOut.textContent = yFrom.value; yToOut.textContent = yTo.value; });
  });
  undatedCb.addEventListener("change", function () { state.includeUndated = undatedCb.checked; applyFilters(); });
  function setYearRange(from, to) {
    if (yMin === null) return;
    state.yearFrom = Math.max(yMin, Math.min(from, to));
    state.yearTo = Math.min(yMax, Math.max(from, to));
    yFrom.value = state.yearFrom; yTo.value = state.yearTo;
    showYears();
    applyFilters();
  }
  function yearOk(y) {
    if (y === null) return state.includeUndated;
    return state.yearFrom === null || (y >= state.yearFrom && y <= state.yearTo);
  }

  var showEventsCb = document.getElementById("show-events");
  showEventsCb.checked = state.showEvents;
  document.getElementById("event-count").textContent = "(" + events.length + ")";
  if (!events.length) showEventsCb.disabled = true;
  showEventsCb.addEventListener("change", function () { state.showEvents = showEventsCb.checked; applyFilters(); });
  var unlinkedCb = document.getElementById("hide-unlinked");
  unlinkedCb.addEventListener("change", function () { state.hideUnlinked = unlinkedCb.checked; applyFilters(); });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  document.getElementById("relayout").addEventListener("click", relayout);

  // visibility: computed from state; `visible` holds visible node/edge ids.
  var visible = new Set();
  function computeVisible() {
    var vis = new Set(), linked = new Set();
    nodes.forEach(function (n) { if (state.classes.has(n["class"])) vis.add(n.id); });
    facts.forEach(function (f) {
      if (state.relations.has(f.relation) && yearOk(f.year) && vis.has(f.source) && vis.has(f.target)) {
        vis.add(f.id); linked.add(f.source); linked.add(f.target);
      }
    });
    if (state.showEvents) {
      events.forEach(function (ev) {
        if (!state.eventClasses.has(ev["class"]) || !yearOk(ev.year)) return;
        var parts = ev.participants.filter(function (p) { return vis.has(p.entity); });
        if (!parts.length) return;
        vis.add(ev.id);
        ev.participants.forEach(function (p, k) {
          if (vis.has(p.entity)) { vis.add(ev.edgeIds[k]); linked.add(p.entity); }
        });
      });
    }
    if (state.hideUnlinked) nodes.forEach(function (n) { if (!linked.has(n.id)) vis.delete(n.id); });
    return vis;
  }

  // Event diamonds are placed near their participants the first time they are shown.
  var placed = new Set();
  function eventPosition(ev) {
    // one participant: beside it; two: off the middle of the line between them (not on
    // the fact edge); more: near their centroid.
    var ids = Array.from(new Set(ev.participants.map(function (p) { return p.entity; })));
    var ps = network.getPositions(ids), pts = ids.map(function (id) { return ps[id]; }).filter(Boolean);
    var r = rng(ev.id), a = 2 * Math.PI * r();
    if (!pts.length) return { x: 0, y: 0 };
    if (pts.length === 1) return { x: pts[0].x + 55 * Math.cos(a), y: pts[0].y + 55 * Math.sin(a) };
    var x = 0, y = 0;
    pts.forEach(function (p) { x += p.x; y += p.y; });
    x /= pts.length; y /= pts.length;
    if (pts.length > 2) return { x: x + 15 * Math.cos(a), y: y + 15 * Math.sin(a) };
    var dx = pts[1].x - pts[0].x, dy = pts[1].y - pts[0].y, len = Math.sqrt(dx * dx + dy * dy) || 1;
    var off = (r() < 0.5 ? -1 : 1) * Math.min(len / 3, 30 + 25 * r()), t = (r() - 0.5) * 0.3;
    return { x: x + dx * t - dy / len * off, y: y + dy * t + dx / len * off };
  }

  // Send hidden-flag changes to vis, only for the items that changed. (Dimming is not
  // done through the DataSets: see the afterDrawing overlay, which scales to 20k edges.)
  function sync() {
    var nUp = [], eUp = [], nAdd = [], eAdd = [];
    function diff(it, up, addList) {
      var hidden = !visible.has(it.id), cur = shownHidden.get(it.id);
      if (cur === undefined) { // event items enter the DataSets when first shown
        if (hidden) return;
        shownHidden.set(it.id, false);
        it.hidden = false;
        addList.push(it);
      } else if (hidden !== cur) {
        shownHidden.set(it.id, hidden);
        up.push({ id: it.id, hidden: hidden });
      }
    }
    nodeItems.forEach(function (it) { diff(it, nUp, nAdd); });
    edgeItems.forEach(function (it) { diff(it, eUp, eAdd); });
    if (!layingOut) nAdd.concat(nUp).forEach(function (it) { // place event diamonds near their participants
      if (it.hidden || !eventById.has(it.id) || placed.has(it.id)) return;
      var p = eventPosition(eventById.get(it.id));
      it.x = p.x; it.y = p.y; placed.add(it.id);
    });
    if (nAdd.length) nodesDS.add(nAdd);
    if (nUp.length) nodesDS.update(nUp);
    if (eAdd.length) edgesDS.add(eAdd);
    if (eUp.length) edgesDS.update(eUp);
    focus = focusSets();
    requestRedraw();
    updateStats();
  }
  function applyFilters() {
    visible = computeVisible();
    sync();
    if (state.selected) renderPanel(); // refresh "hidden by filters" notes
  }

  var statsEl = document.getElementById("stats");
  function updateStats() {
    var a = 0, f = 0, e = 0;
    nodes.forEach(function (n) { if (visible.has(n.id)) a++; });
    facts.forEach(function (x) { if (visible.has(x.id)) f++; });
    events.forEach(function (x) { if (visible.has(x.id)) e++; });
    statsEl.textContent = "节点 nodes " + a + "/" + nN + " · 关系 facts " + f + "/" + nE +
      " · 事件 events " + e + "/" + events.length;
  }

  // ------------------------------------------------------------------ network
  // Initial visibility goes into the items, so vis starts with the right hidden flags.
  visible = computeVisible();
  nodeItems.concat(edgeItems).forEach(function (it) { it.hidden = !visible.has(it.id); });
  function inInitialData(it) { return !it.hidden || !(eventById.has(it.id) || evEdges.has(it.id)); }
  var initialNodes = nodeItems.filter(inInitialData), initialEdges = edgeItems.filter(inInitialData);
  window.sekgTimings.built = performance.now();
  var nodesDS = new vis.DataSet(initialNodes);
  var edgesDS = new vis.DataSet(initialEdges);
  var shownHidden = new Map(); // id -> hidden flag as last sent to vis
  initialNodes.concat(initialEdges).forEach(function (it) { shownHidden.set(it.id, it.hidden); });

  var ITER = nN <= 200 ? 400 : nN <= 1000 ? 250 : Math.max(60, Math.min(200, Math.round(600000 / (nN + nE))));
  var options = {
    autoResize: true,
    layout: { improvedLayout: IMPROVED, randomSeed: 7 },
    nodes: { borderWidth: 1, borderWidthSelected: 3, shapeProperties: { interpolation: false },
             scaling: { label: { drawThreshold: 7 } } },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.5,
             scaling: { label: { drawThreshold: 10 } } },
    interaction: { hover: !LARGE, tooltipDelay: 150, hideEdgesOnDrag: LARGE, hideEdgesOnZoom: LARGE,
                   multiselect: false, navigationButtons: false, keyboard: false },
    physics: {
      enabled: !FIXED,
      // forceAtlas2Based: its central gravity grows with distance, so isolated actors stay near.
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -80, centralGravity: 0.01, springLength: 110,
                          springConstant: 0.06, damping: 0.45, avoidOverlap: 0.3 },
      minVelocity: 1.0,
      maxVelocity: nN > 800 ? 200 : 50, // vis clamps per axis: slow caps leave big graphs square
      timestep: 0.5,
      stabilization: { enabled: !FIXED, iterations: ITER, updateInterval: 20, fit: true }
    }
  };
  // Optional overrides (benchmarks/debugging): window.sekgOptions set before the page runs.
  (function merge(dst, src) {
    if (!src || typeof src !== "object") return;
    Object.keys(src).forEach(function (k) {
      if (k === "__proto__" || k === "constructor" || k === "prototype") return;
      if (src[k] && typeof src[k] === "object" && !Array.isArray(src[k]) && dst[k] && typeof dst[k] === "object") merge(dst[k], src[k]);
      else dst[k] = src[k];
    });
  })(options, window.sekgOptions);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodesDS, edges: edgesDS }, options);
  window.sekgNetwork = network;
  window.sekgTimings.networkCreated = performance.now();

  // ------------------------------------------------------------------ readiness / physics
  var progress = document.getElementById("progress");
  var progressBar = document.getElementById("progress-bar");
  var progressText = document.getElementById("progress-text");
  var layingOut = !FIXED && nN > 0;

  var redrawPending = 0;
  function requestRedraw() { // one redraw per animation frame, however many changes
    if (redrawPending) return;
    redrawPending = requestAnimationFrame(function () { redrawPending = 0; network.redraw(); });
  }

  function markReady() {
    if (window.sekgReady) return;
    network.once("afterDrawing", function () {
      window.sekgTimings.ready = performance.now();
      window.sekgReady = true;
      document.dispatchEvent(new Event("sekg:ready"));
    });
    network.redraw();
  }
  network.on("stabilizationProgress", function (p) {
    progress.hidden = false;
    progressBar.style.width = Math.round(100 * p.iterations / p.total) + "%";
    progressText.textContent = "布局中 laying out… " + p.iterations + " / " + p.total;
  });
  function placeEvents() { // visible event diamonds that have no position yet
    var up = [];
    events.forEach(function (ev) {
      if (visible.has(ev.id) && !placed.has(ev.id)) {
        var p = eventPosition(ev);
        placed.add(ev.id);
        up.push({ id: ev.id, x: p.x, y: p.y });
      }
    });
    if (up.length) nodesDS.update(up);
  }
  network.on("stabilizationIterationsDone", function () {
    // Freeze the layout: physics off, so the view stays responsive.
    network.setOptions({ physics: { enabled: false } });
    progress.hidden = true;
    layingOut = false;
    window.sekgTimings.stabilized = performance.now();
    placeEvents();
    network.fit();
    markReady();
  });
  if (!layingOut) {
    placeEvents();
    network.fit();
    markReady();
  }

  function relayout() {
    if (!nN || layingOut) return;
    layingOut = true;
    placed.clear();
    network.setOptions({ physics: { enabled: true, stabilization: { enabled: true, iterations: ITER, updateInterval: 20, fit: true } } });
    network.stabilize(ITER);
  }

  // ------------------------------------------------------------------ selection + neighbourhood
  // The selection's neighbourhood: {ids: Set, nodes: [...], edges: [...]} of visible items.
  var focus = null;
  function focusSets() {
    var s = state.selected;
    if (!s) return null;
    var ids = new Set(), ns = [], es = [];
    function node(id) { if (!ids.has(id)) { ids.add(id); ns.push(id); } }
    function edge(id) { if (!ids.has(id)) { ids.add(id); es.push(id); } }
    if (s.kind === "node") {
      node(s.id);
      (factsOf.get(s.id) || []).forEach(function (x) {
        if (visible.has(x.id)) { edge(x.id); node(x.source === s.id ? x.target : x.source); }
      });
      (eventsOf.get(s.id) || []).forEach(function (x) {
        x.event.participants.forEach(function (p, k) {
          if (p.entity === s.id && visible.has(x.event.edgeIds[k])) { edge(x.event.edgeIds[k]); node(x.event.id); }
        });
      });
    } else if (s.kind === "edge") {
      var fact = factById.get(s.id);
      edge(s.id); node(fact.source); node(fact.target);
    } else if (s.kind === "event") {
      var ev = eventById.get(s.id);
      node(s.id);
      ev.participants.forEach(function (p, k) { edge(ev.edgeIds[k]); node(p.entity); });
    }
    function shown(id) { return visible.has(id); }
    return { ids: ids, nodes: ns.filter(shown), edges: es.filter(shown) };
  }
  // Neighbourhood highlight: after vis has drawn everything, wash the canvas out with a
  // translucent layer and draw the selection's neighbourhood again on top of it.
  network.on("afterDrawing", function (ctx) {
    if (!focus) return;
    var c = ctx.canvas, bn = network.body.nodes, be = network.body.edges, labels = [];
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "rgba(255,255,255,0.8)";
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.restore();
    var es = focus.edges.map(function (id) { return be[id]; }).filter(function (e) { return e && e.connected; });
    es.forEach(function (e) { e.draw(ctx); });
    es.forEach(function (e) { e.drawArrows(ctx); });
    focus.nodes.forEach(function (id) {
      var n = bn[id];
      if (!n) return;
      var r = n.draw(ctx);
      if (r && r.drawExternalLabel) labels.push(r.drawExternalLabel);
    });
    labels.forEach(function (f) { f(); });
    if (LARGE) es.forEach(function (e) { // relation labels, which vis does not draw here
      var f = factById.get(e.id);
      if (!f) return;
      var st = relStyle(f.relation), x = (e.from.x + e.to.x) / 2, y = (e.from.y + e.to.y) / 2;
      ctx.font = "10px " + CJK;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.lineWidth = 3;
      ctx.strokeStyle = "#ffffff";
      ctx.strokeText(st.zh || f.relation, x, y);
      ctx.fillStyle = shade(st.color, -0.35);
      ctx.fillText(st.zh || f.relation, x, y);
    });
  });
  function select(kind, id, opts) {
    opts = opts || {};
    state.selected = { kind: kind, id: id };
    if (visible.has(id)) {
      if (kind === "edge") network.selectEdges([id]);
      else network.selectNodes([id], false);
      if (opts.focus && kind !== "edge") {
        // no animation on large graphs: every frame redraws all edges
        network.focus(id, { scale: Math.max(network.getScale(), 1.1),
                            animation: LARGE ? false : { duration: 350, easingFunction: "easeInOutQuad" } });
      }
    } else {
      network.unselectAll();
    }
    focus = focusSets();
    requestRedraw();
    renderPanel();
  }
  function selectNode(id, opts) {
    if (nodeById.has(id)) return select("node", id, opts);
    if (eventById.has(id)) return select("event", id, opts);
    if (factById.has(id)) return select("edge", id, opts);
    if (evEdges.has(id)) return select("event", evEdges.get(id).event.id, opts);
  }
  function clearSelection() {
    state.selected = null;
    focus = null;
    network.unselectAll();
    requestRedraw();
    panel.hidden = true;
    panelBody.textContent = "";
  }
  network.on("click", function (p) {
    if (p.nodes.length) selectNode(p.nodes[0]);
    else if (p.edges.length) selectNode(p.edges[0]);
    else clearSelection();
  });

  // ------------------------------------------------------------------ panel
  var panel = document.getElementById("panel"), panelBody = document.getElementById("panel-body");
  document.getElementById("panel-close").addEventListener("click", clearSelection);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && state.selected) clearSelection(); });

  function nodeLink(id) {
    var b = el("button", "node-link", nameOf(id));
    b.type = "button";
    b.addEventListener("click", function () { selectNode(id, { focus: true }); });
    return b;
  }
  function namesOf(id) {
    var n = nodeById.get(id);
    if (!n) return [];
    return [n.label, n.label_en].concat(n.aliases).filter(function (s) { return s && s.length >= 2; });
  }
  function markNames(text, names) { // <mark> every mention of the given names, via text nodes
    var ranges = [];
    names.forEach(function (nm) {
      var i = text.indexOf(nm);
      while (i >= 0 && ranges.length < 50) { ranges.push([i, i + nm.length]); i = text.indexOf(nm, i + nm.length); }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var frag = document.createDocumentFragment(), at = 0;
    ranges.forEach(function (r) {
      if (r[0] < at) return;
      if (r[0] > at) frag.appendChild(document.createTextNode(text.slice(at, r[0])));
      frag.appendChild(el("mark", null, text.slice(r[0], r[1])));
      at = r[1];
    });
    if (at < text.length) frag.appendChild(document.createTextNode(text.slice(at)));
    return frag;
  }
  function evidenceList(list, names, limit) {
    var wrap = el("div", "evidence-list");
    var sorted = list.slice().sort(function (a, b) { return (b.confidence || 0) - (a.confidence || 0); });
    function one(ev) {
      var box = el("div", "evidence");
      add(box, add(el("blockquote"), markNames(ev.sentence, names)));
      var src = [ev.doc || "?"];
      if (ev.start !== null) src.push("字符 chars " + ev.start + "–" + ev.end);
      if (ev.rule) src.push("规则 rule " + ev.rule);
      if (ev.confidence !== null) src.push("置信度 conf " + ev.confidence.toFixed(2));
      add(box, el("div", "src", src.join(" · ")));
      return box;
    }
    sorted.slice(0, limit).forEach(function (ev) { wrap.appendChild(one(ev)); });
    if (sorted.length > limit) {
      var more = el("button", "link-btn more", "另有 " + (sorted.length - limit) + " 条证据 more evidence");
      more.type = "button";
      more.addEventListener("click", function () {
        more.remove();
        sorted.slice(limit).forEach(function (ev) { wrap.appendChild(one(ev)); });
      });
      wrap.appendChild(more);
    }
    return wrap;
  }
  function metaLine(parts) {
    parts = parts.filter(Boolean);
    return parts.length ? el("div", "meta", parts.join(" · ")) : null;
  }
  function dl(rows) {
    var d = el("dl");
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === "") return;
      add(d, el("dt", null, r[0]), typeof r[1] === "string" ? el("dd", null, r[1]) : add(el("dd"), r[1]));
    });
    return d;
  }
  function factBlock(f, here, evLimit) {
    var st = relStyle(f.relation);
    var box = el("div", "fact" + (visible.has(f.id) ? "" : " filtered"));
    box.style.borderLeftColor = st.color;
    var head = el("div", "fact-head");
    function end(id) { return id === here ? el("strong", null, nameOf(id)) : nodeLink(id); }
    add(head, end(f.source), el("span", "rel", "—" + bi(st.zh, f.relation) + (st.arrow ? "→" : "—")), end(f.target));
    box.appendChild(head);
    var meta = metaLine([f.date, f.amount !== null ? fmtAmount(f.amount, f.currency) : null,
                         f.confidence !== null ? "置信度 conf " + f.confidence.toFixed(2) : null,
                         visible.has(f.id) ? null : "已被筛选隐藏 hidden by filters"]) || el("div", "meta");
    if (here !== null) {
      var det = el("button", "node-link small", "详情 details");
      det.type = "button";
      det.title = "Show this fact and all its evidence";
      det.addEventListener("click", function () { select("edge", f.id); });
      add(meta, " · ", det);
    }
    add(box, meta);
    add(box, evidenceList(f.evidence, namesOf(f.source).concat(namesOf(f.target)), evLimit));
    return box;
  }
  function eventBlock(ev, here) {
    var st = eventStyle(ev["class"]);
    var li = el("li");
    li.style.setProperty("--dot", st.color);
    var head = el("div");
    add(head, el("span", "when", ev.date || "无日期 undated"), el("span", "badge", bi(st.zh, ev["class"])));
    var open = el("button", "node-link", ev.label);
    open.type = "button";
    open.addEventListener("click", function () { select("event", ev.id); });
    add(head, open);
    li.appendChild(head);
    var roles = ev.participants.filter(function (p) { return p.entity === here; }).map(function (p) { return bi(roleZh(p.role), p.role); });
    add(li, metaLine([roles.length ? "角色 role: " + roles.join(", ") : null,
                      ev.amount !== null ? fmtAmount(ev.amount, ev.currency) : null, ev.round, ev.status]));
    var others = ev.participants.filter(function (p) { return p.entity !== here; });
    if (others.length) {
      var line = el("div", "meta");
      others.forEach(function (p, i) {
        add(line, i ? "; " : "", (roleZh(p.role) || p.role) + ": ", nodeLink(p.entity));
      });
      li.appendChild(line);
    }
    var names = [];
    ev.participants.forEach(function (p) { names = names.concat(namesOf(p.entity)); });
    add(li, evidenceList(ev.evidence, names, 1));
    return li;
  }

  var FACT_LIMIT = 60;
  function renderNode(n) {
    var st = classStyle(n["class"]);
    add(panelBody, el("h2", null, n.label));
    if (n.label_en) add(panelBody, el("p", "sub", n.label_en));
    var badges = el("div");
    add(badges, add(el("span", "badge"), swatch(st.shape, st.color), bi(st.zh, n["class"])),
        el("span", "badge", "度 degree " + n.degree),
        el("span", "badge", "中心度 centrality " + n.centrality.toFixed(3)));
    panelBody.appendChild(badges);
    if (!visible.has(n.id)) add(panelBody, el("p", "meta", "当前筛选条件下不可见 hidden by the current filters"));
    add(panelBody, dl([["别名 aliases", n.aliases.join("、")], ["IRI", n.id]]));

    var fs = (factsOf.get(n.id) || []).slice().sort(function (a, b) {
      var ra = Object.keys(RELATION_STYLE).indexOf(a.relation), rb = Object.keys(RELATION_STYLE).indexOf(b.relation);
      return (ra < 0 ? 99 : ra) - (rb < 0 ? 99 : rb) || byDate(a, b);
    });
    add(panelBody, el("h3", null, "关系 Facts (" + fs.length + ")"));
    var list = el("div");
    fs.slice(0, FACT_LIMIT).forEach(function (f) { list.appendChild(factBlock(f, n.id, 2)); });
    panelBody.appendChild(list);
    if (fs.length > FACT_LIMIT) {
      var more = el("button", "link-btn more", "显示全部 show all " + fs.length);
      more.type = "button";
      more.addEventListener("click", function () {
        more.remove();
        fs.slice(FACT_LIMIT).forEach(function (f) { list.appendChild(factBlock(f, n.id, 2)); });
      });
      panelBody.appendChild(more);
    }

    var evs = (eventsOf.get(n.id) || []).map(function (x) { return x.event; })
      .filter(function (ev, i, arr) { return arr.indexOf(ev) === i; })
      .sort(function (a, b) { return byDate(a, b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0); });
    add(panelBody, el("h3", null, "事件时间线 Events timeline (" + evs.length + ")"));
    var tl = el("ul", "timeline");
    evs.slice(0, FACT_LIMIT).forEach(function (ev) { tl.appendChild(eventBlock(ev, n.id)); });
    panelBody.appendChild(tl);
    if (evs.length > FACT_LIMIT) {
      var moreEv = el("button", "link-btn more", "显示全部 show all " + evs.length);
      moreEv.type = "button";
      moreEv.addEventListener("click", function () {
        moreEv.remove();
        evs.slice(FACT_LIMIT).forEach(function (ev) { tl.appendChild(eventBlock(ev, n.id)); });
      });
      panelBody.appendChild(moreEv);
    }
  }
  function renderEdge(f) {
    var st = relStyle(f.relation);
    add(panelBody, el("h2", null, "关系 Fact: " + bi(st.zh, f.relation)));
    add(panelBody, dl([["主体 subject", nodeLink(f.source)], ["客体 object", nodeLink(f.target)],
                       ["日期 date", f.date], ["金额 amount", f.amount !== null ? fmtAmount(f.amount, f.currency) : null],
                       ["置信度 confidence", f.confidence !== null ? f.confidence.toFixed(2) : null], ["IRI", f.id]]));
    add(panelBody, el("h3", null, "证据 Evidence (" + f.evidence.length + ")"));
    add(panelBody, evidenceList(f.evidence, namesOf(f.source).concat(namesOf(f.target)), 20));
  }
  function renderEvent(ev) {
    var st = eventStyle(ev["class"]);
    add(panelBody, el("h2", null, ev.label));
    add(panelBody, add(el("div"), add(el("span", "badge"), swatch("diamond", st.color), bi(st.zh, ev["class"]))));
    add(panelBody, dl([["日期 date", ev.date], ["金额 amount", ev.amount !== null ? fmtAmount(ev.amount, ev.currency) : null],
                       ["轮次 round", ev.round], ["状态 status", ev.status], ["IRI", ev.id]]));
    add(panelBody, el("h3", null, "参与方 Participants"));
    add(panelBody, dl(ev.participants.map(function (p) { return [bi(roleZh(p.role), p.role), nodeLink(p.entity)]; })));
    var names = [];
    ev.participants.forEach(function (p) { names = names.concat(namesOf(p.entity)); });
    add(panelBody, el("h3", null, "证据 Evidence (" + ev.evidence.length + ")"));
    add(panelBody, evidenceList(ev.evidence, names, 20));
  }
  function renderPanel() {
    var s = state.selected;
    panelBody.textContent = "";
    if (!s) { panel.hidden = true; return; }
    if (s.kind === "node") renderNode(nodeById.get(s.id));
    else if (s.kind === "edge") renderEdge(factById.get(s.id));
    else renderEvent(eventById.get(s.id));
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  // ------------------------------------------------------------------ search
  function norm(s) { return String(s).normalize("NFKC").toLowerCase(); }
  var searchIndex = nodes.map(function (n) {
    var names = [[n.label, "zh"]];
    if (n.label_en) names.push([n.label_en, "en"]);
    n.aliases.forEach(function (a) { names.push([a, "alias"]); });
    return { node: n, names: names.map(function (x) { return { text: x[0], kind: x[1], key: norm(x[0]) }; }) };
  });
  function search(q, limit) {
    var k = norm(q).trim();
    if (!k) return [];
    var hits = [];
    searchIndex.forEach(function (e) {
      var best = null;
      e.names.forEach(function (nm) {
        var i = nm.key.indexOf(k);
        if (i < 0) return;
        var score = nm.key === k ? 0 : i === 0 ? 1 : 2;
        if (!best || score < best.score) best = { score: score, name: nm };
      });
      if (best) hits.push({ id: e.node.id, score: best.score, matched: best.name.text, kind: best.name.kind, node: e.node });
    });
    hits.sort(function (a, b) { return a.score - b.score || b.node.degree - a.node.degree || (a.node.label < b.node.label ? -1 : 1); });
    return hits.slice(0, limit || 30);
  }
  var searchInput = document.getElementById("search"), resultsEl = document.getElementById("search-results");
  var hits = [], active = 0;
  function renderResults() {
    resultsEl.textContent = "";
    if (!searchInput.value.trim()) { resultsEl.hidden = true; return; }
    if (!hits.length) { resultsEl.appendChild(el("li", "empty", "无结果 no match")); }
    hits.forEach(function (h, i) {
      var st = classStyle(h.node["class"]);
      var li = el("li", i === active ? "active" : "");
      li.setAttribute("role", "option");
      add(li, swatch(st.shape, st.color), el("span", null, displayName(h.node)), el("span", "cls", st.zh || h.node["class"]));
      if (h.kind !== "zh" && h.matched !== h.node.label_en) add(li, el("span", "why", "← " + h.matched));
      if (!visible.has(h.id)) add(li, el("span", "hidden-note", "(已隐藏 hidden)"));
      li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
      resultsEl.appendChild(li);
    });
    resultsEl.hidden = false;
  }
  function choose(i) {
    var h = hits[i];
    if (!h) return;
    resultsEl.hidden = true;
    selectNode(h.id, { focus: true });
  }
  searchInput.addEventListener("input", function () { hits = search(searchInput.value); active = 0; renderResults(); });
  searchInput.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { active = Math.min(hits.length - 1, active + 1); renderResults(); e.preventDefault(); }
    else if (e.key === "ArrowUp") { active = Math.max(0, active - 1); renderResults(); e.preventDefault(); }
    else if (e.key === "Enter") { hits = search(searchInput.value); choose(Math.min(active, hits.length - 1)); e.preventDefault(); }
    else if (e.key === "Escape") { resultsEl.hidden = true; }
  });
  searchInput.addEventListener("blur", function () { resultsEl.hidden = true; });
  searchInput.addEventListener("focus", function () { if (searchInput.value.trim()) renderResults(); });

  // ------------------------------------------------------------------ start + API
  updateStats();
  if (!nN) {
    add(container, el("p", "meta", "图谱为空 The graph is empty."));
  }

  window.sekg = {
    view: VIEW, network: network, nodes: nodesDS, edges: edgesDS, state: state,
    search: function (q, limit) { return search(q, limit).map(function (h) { return h.id; }); },
    selectNode: function (id) { selectNode(id, { focus: true }); },
    selectEdge: function (id) { select("edge", id); },
    selectEvent: function (id) { select("event", id); },
    clearSelection: clearSelection,
    setClassVisible: function (c, on) { setMember("class", c, on); },
    setRelationVisible: function (r, on) { setMember("relation", r, on); },
    setEventClassVisible: function (c, on) { setMember("eventClass", c, on); },
    setYearRange: setYearRange,
    setIncludeUndated: function (on) { undatedCb.checked = on; state.includeUndated = on; applyFilters(); },
    setShowEvents: function (on) { showEventsCb.checked = on; state.showEvents = on; applyFilters(); },
    setHideUnlinked: function (on) { unlinkedCb.checked = on; state.hideUnlinked = on; applyFilters(); },
    relayout: relayout,
    // what vis actually draws (its visible-index lists)
    drawnNodeIds: function () { return network.body.nodeIndices.slice(); },
    drawnEdgeIds: function () { return network.body.edgeIndices.slice(); },
    counts: function () {
      var d = network.body.nodeIndices, de = network.body.edgeIndices;
      return {
        actors: d.filter(function (id) { return nodeById.has(id); }).length,
        events: d.filter(function (id) { return eventById.has(id); }).length,
        facts: de.filter(function (id) { return factById.has(id); }).length,
        eventEdges: de.filter(function (id) { return evEdges.has(id); }).length
      };
    },
    selected: function () { return state.selected; },
    focus: function () { return focus && { ids: Array.from(focus.ids), nodes: focus.nodes, edges: focus.edges }; },
    canvasPosition: function (id) { // DOM (page) coordinates of a node or an edge midpoint
      var p;
      if (factById.has(id)) {
        var f = factById.get(id), ps = network.getPositions([f.source, f.target]);
        p = { x: (ps[f.source].x + ps[f.target].x) / 2, y: (ps[f.source].y + ps[f.target].y) / 2 };
      } else {
        p = network.getPositions([id])[id];
      }
      var d = network.canvasToDOM(p), r = container.getBoundingClientRect();
      return { x: d.x + r.left, y: d.y + r.top };
    }
  };
})();
