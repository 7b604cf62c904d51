// communique dashboard: plain JS over /api. Article text is untrusted: it only ever reaches the
// page through textContent / createTextNode, never innerHTML.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const PAGE_SIZE = 25;
const TONE_RANGE = 10; // event scores live on a -10..+10 scale
const CONFLICT_QUADS = [3, 4];
const LABEL_CHAR_PX = 6.8; // average width of a 12px label character, for clipping timeline labels
const REMOVED_OPEN_MAX = 3; // longer lists of removed spans start folded
const QUOTES_OPEN_MAX = 3; // longer quote lists start folded
const MAX_WEEKLY_POINTS = 60; // past this many weeks the tone chart switches to months

const state = {
  dyad: "", type: "", from: "", to: "", q: "",
  episode: null,      // {id, label} when an episode is picked on the timeline
  point: null,        // {pair, period, event_ids} when a tone point is picked
  offset: 0,
  total: 0,
  selectedEvent: null,
};

// Each panel drops responses that a newer request for the same panel has overtaken, so quick
// clicks or filter changes never draw two charts or an old list.
const generation = { timeline: 0, tone: 0, events: 0, document: 0 };

function nextGeneration(panel) {
  generation[panel] += 1;
  const mine = generation[panel];
  return () => mine !== generation[panel];
}

// ------------------------------------------------------------------------------------ helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-")) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

function svgText(attrs, text) {
  const t = svg("text", attrs);
  t.textContent = text;
  return t;
}

function tooltip(node, text) {
  const t = svg("title");
  t.textContent = text;
  node.append(t);
}

function setStatus(message) {
  document.getElementById("status").textContent = message || "";
}

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") qs.set(k, v);
  }
  const url = qs.toString() ? `${path}?${qs}` : path;
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const msg = body && body.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${res.status}`;
    throw new Error(msg);
  }
  return body;
}

function dayNumber(iso) {
  if (!iso) return null;
  const s = iso.length === 7 ? `${iso}-01` : iso.slice(0, 10);
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isNaN(t) ? null : t / 86400000;
}

function toneColor(v) {
  if (v === null || v === undefined) return "var(--neutral)";
  return v >= 0 ? "var(--coop)" : "var(--conflict)";
}

function quadClass(quad) {
  return CONFLICT_QUADS.includes(quad) ? "conflict" : (quad === 1 || quad === 2 ? "coop" : "");
}

function actorCode(a) {
  if (!a) return "–";
  return (a.country || "---") + (a.sector || "");
}

// Keyboard users reach timeline bars, tone points and event rows with Tab and open them with Enter.
function onEnter(node, fn) {
  node.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      fn();
    }
  });
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function boxWidth(node) {
  return Math.max(node.clientWidth || 0, 320);
}

// ------------------------------------------------------------------------------------ filters

function baseFilters() {
  return { dyad: state.dyad, type: state.type, from: state.from, to: state.to, q: state.q };
}

function readFilters() {
  state.dyad = document.getElementById("pair").value;
  state.type = document.getElementById("type").value;
  state.from = document.getElementById("from").value;
  state.to = document.getElementById("to").value;
  state.q = document.getElementById("q").value.trim();
}

async function loadMeta() {
  const meta = await api("/api/meta");
  const c = meta.counts;
  document.getElementById("counts").textContent =
    `${c.documents} documents · ${c.events} events · ${c.quotes} quotes · ${c.episodes} episodes`;
  const typeSel = document.getElementById("type");
  for (const t of meta.event_types) typeSel.append(el("option", { value: t }, t));
  const pairs = await api("/api/pairs");
  const pairSel = document.getElementById("pair");
  for (const p of pairs.items) pairSel.append(el("option", { value: p.pair }, `${p.pair} (${p.count})`));
  if (pairs.items.length) pairSel.value = pairs.items[0].pair;
}

// ----------------------------------------------------------------------------------- timeline

async function loadTimeline() {
  const box = document.getElementById("timeline");
  const stale = nextGeneration("timeline");
  const data = await api("/api/episodes", { dyad: state.dyad, from: state.from, to: state.to, limit: 500 });
  if (stale()) return;
  clear(box);
  const eps = data.items
    .map((e) => ({ e, s: dayNumber(e.start || e.end), t: dayNumber(e.end || e.start) }))
    .filter((x) => x.s !== null && x.t !== null);
  if (!eps.length) {
    box.append(el("p", { class: "empty" }, "No episodes for these filters."));
    return;
  }
  const width = boxWidth(box), row = 24, pad = 26, labelW = Math.min(320, width * 0.45);
  const maxChars = Math.floor((labelW - 12) / LABEL_CHAR_PX);
  const lo = Math.min(...eps.map((x) => x.s)) - 7, hi = Math.max(...eps.map((x) => x.t)) + 7;
  const x = (d) => labelW + ((d - lo) / Math.max(hi - lo, 1)) * (width - labelW - 16);
  const height = pad * 2 + row * eps.length;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": "Episode timeline" });
  const y0 = new Date(lo * 86400000).getUTCFullYear(), y1 = new Date(hi * 86400000).getUTCFullYear();
  const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 8));
  const firstTick = Date.UTC(y0 + 1, 0, 1) / 86400000;
  if (x(firstTick) - x(lo) > 40) {
    root.append(svgText({ x: x(lo), y: pad - 12, class: "tick" }, new Date(lo * 86400000).toISOString().slice(0, 7)));
  }
  for (let y = y0; y <= y1 + 1; y += step) {
    const d = Date.UTC(y, 0, 1) / 86400000;
    if (d < lo || d > hi) continue;
    root.append(svg("line", { x1: x(d), x2: x(d), y1: pad - 8, y2: height - pad + 4, class: "grid" }));
    root.append(svgText({ x: x(d), y: pad - 12, class: "tick" }, String(y)));
  }
  eps.forEach(({ e, s, t }, i) => {
    const y = pad + i * row;
    const g = svg("g", { class: "episode", "data-id": e.id, tabindex: 0 });
    if (state.episode && state.episode.id === e.id) g.classList.add("selected");
    // A transparent full-row target: the label and the bar are both part of the click area.
    g.append(svg("rect", { class: "hit", x: 0, y, width, height: row, fill: "transparent" }));
    const label = e.label.length > maxChars ? `${e.label.slice(0, maxChars - 1)}…` : e.label;
    g.append(svgText({ x: labelW - 8, y: y + row * 0.65, class: "label", "text-anchor": "end" }, label));
    g.append(svg("rect", {
      x: x(s), y: y + 4, width: Math.max(x(t) - x(s), 6), height: row - 8, rx: 3, fill: toneColor(e.tone),
    }));
    tooltip(g, `${e.label} · ${e.start || "?"} – ${e.end || "?"} · ${e.place || ""} · tone ${e.tone ?? "–"}`);
    g.addEventListener("click", () => pickEpisode(e));
    onEnter(g, () => pickEpisode(e));
    root.append(g);
  });
  box.append(root);
}

function showEpisode(e) {
  const box = document.getElementById("episode");
  clear(box);
  box.hidden = false;
  box.append(el("strong", {}, e.label));
  box.append(el("span", { class: "muted" },
    ` ${e.start || "?"} – ${e.end || "?"} · ${e.place || "place unknown"} · ${e.participants.join(", ")}` +
    ` · tone ${e.tone === null ? "–" : e.tone.toFixed(2)} · ${e.doc_ids.length} article(s)`));
  const sides = Object.entries(e.issues || {});
  if (sides.length) {
    const table = el("table", { class: "issues" }, el("tr", {}, el("th", {}, "side"), el("th", {}, "issues raised")));
    for (const [side, issues] of sides) table.append(el("tr", {}, el("td", {}, side), el("td", {}, issues.join(", "))));
    box.append(table);
  }
}

async function pickEpisode(e) {
  state.episode = { id: e.id, label: e.label };
  state.point = null;
  state.offset = 0;
  showEpisode(e);
  await Promise.all([loadTimeline(), loadEvents()]);
}

// --------------------------------------------------------------------------------------- tone

async function loadTone() {
  const box = document.getElementById("tone");
  const stale = nextGeneration("tone");
  if (!state.dyad) {
    clear(box);
    document.getElementById("tone-pair").textContent = "(pick a pair)";
    box.append(el("p", { class: "empty" }, "Pick a country pair to see its tone over time."));
    return;
  }
  let data = await api("/api/tone", { ...baseFilters(), freq: "week" });
  if (data.items.length > MAX_WEEKLY_POINTS) data = await api("/api/tone", { ...baseFilters(), freq: "month" });
  if (stale()) return;
  clear(box);
  document.getElementById("tone-pair").textContent = state.dyad;
  const pts = data.items
    .filter((p) => p.mean !== null && p.mean !== undefined)
    .map((p) => ({ p, d: dayNumber(p.period) }))
    .filter((x) => x.d !== null);
  if (!pts.length) {
    box.append(el("p", { class: "empty" }, `No scored events for ${state.dyad}.`));
    return;
  }
  const width = boxWidth(box), height = 200, padL = 40, pad = 22;
  const lo = Math.min(...pts.map((x) => x.d)) - 3, hi = Math.max(...pts.map((x) => x.d)) + 3;
  const x = (d) => padL + ((d - lo) / Math.max(hi - lo, 1)) * (width - padL - pad);
  const y = (v) => pad + ((TONE_RANGE - Math.max(-TONE_RANGE, Math.min(TONE_RANGE, v))) / (2 * TONE_RANGE)) * (height - 2 * pad);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": `Tone ${state.dyad}` });
  for (const v of [-TONE_RANGE, 0, TONE_RANGE]) {
    root.append(svg("line", { x1: padL, x2: width - pad, y1: y(v), y2: y(v), class: v === 0 ? "zero" : "grid" }));
    root.append(svgText({ x: padL - 6, y: y(v) + 4, class: "tick", "text-anchor": "end" }, v > 0 ? `+${v}` : String(v)));
  }
  root.append(svgText({ x: x(pts[0].d), y: height - 4, class: "tick" }, pts[0].p.period));
  if (pts.length > 1) {
    root.append(svgText({ x: x(pts[pts.length - 1].d), y: height - 4, class: "tick", "text-anchor": "end" }, pts[pts.length - 1].p.period));
  }
  root.append(svg("path", { class: "line", d: pts.map((q, i) => `${i ? "L" : "M"}${x(q.d)},${y(q.p.mean)}`).join(" ") }));
  for (const { p, d } of pts) {
    const c = svg("circle", {
      class: "point", cx: x(d), cy: y(p.mean), r: Math.min(3 + 1.5 * p.count, 12), fill: toneColor(p.mean),
      "data-period": p.period, tabindex: 0,
    });
    if (state.point && state.point.period === p.period && state.point.pair === p.pair) c.classList.add("selected");
    tooltip(c, `${p.pair} ${p.period}: mean ${p.mean.toFixed(2)}, ${p.count} events, ` +
      `${Math.round(100 * (p.conflict_share || 0))}% conflict`);
    c.addEventListener("click", () => pickPoint(p));
    onEnter(c, () => pickPoint(p));
    root.append(c);
  }
  box.append(root);
}

async function pickPoint(p) {
  state.point = { pair: p.pair, period: p.period, event_ids: p.event_ids.slice(0, 500) };
  state.episode = null;
  state.offset = 0;
  document.getElementById("episode").hidden = true;
  await Promise.all([loadTone(), loadTimeline(), loadEvents()]);
}

// ------------------------------------------------------------------------------------- events

function eventParams() {
  const params = { ...baseFilters(), limit: PAGE_SIZE, offset: state.offset };
  if (state.episode) params.episode = state.episode.id;
  if (state.point) params.ids = state.point.event_ids.join(",");
  return params;
}

async function loadEvents() {
  const stale = nextGeneration("events");
  const data = await api("/api/events", eventParams());
  if (stale()) return;
  state.total = data.total;
  const scope = document.getElementById("events-scope");
  scope.textContent = state.episode ? `in episode “${state.episode.label}”`
    : state.point ? `${state.point.pair}, period ${state.point.period}`
    : state.dyad ? `between ${state.dyad}` : "all";
  const body = document.querySelector("#events tbody");
  clear(body);
  if (!data.items.length) {
    body.append(el("tr", {}, el("td", { colSpan: 4, class: "empty" }, "No events for these filters.")));
  }
  for (const e of data.items) {
    const sentence = e.sentence.length > 160 ? `${e.sentence.slice(0, 159)}…` : e.sentence;
    const tr = el("tr", { class: "event-row", "data-id": e.id, tabIndex: 0 },
      el("td", {}, e.date || "undated"),
      el("td", {}, el("span", { class: `tag ${quadClass(e.quad)}` }, e.type), e.negated ? " (negated)" : ""),
      el("td", {}, `${actorCode(e.source)} → ${actorCode(e.target)}`),
      el("td", { class: "sentence" }, sentence));
    if (state.selectedEvent === e.id) tr.classList.add("selected");
    tr.addEventListener("click", () => pickEvent(e, tr));
    onEnter(tr, () => pickEvent(e, tr));
    body.append(tr);
  }
  const end = Math.min(state.offset + data.items.length, data.total);
  document.getElementById("page-info").textContent = data.total ? `${state.offset + 1}–${end} of ${data.total}` : "";
  document.getElementById("prev").disabled = state.offset <= 0;
  document.getElementById("next").disabled = end >= data.total;
}

// ----------------------------------------------------------------------------------- document

async function pickEvent(e, row) {
  state.selectedEvent = e.id;
  for (const r of document.querySelectorAll("tr.event-row.selected")) r.classList.remove("selected");
  row.classList.add("selected");
  const stale = nextGeneration("document");
  const [doc, quotes] = await Promise.all([
    api(`/api/documents/${encodeURIComponent(e.doc_id)}`),
    api("/api/quotes", { doc: e.doc_id, limit: 500 }),
  ]);
  if (stale()) return;
  showDocument(doc, e, quotes.items);
}

function showDocument(doc, event, quotes) {
  const box = document.getElementById("document");
  clear(box);
  box.append(el("h3", { id: "doc-title" }, doc.title || "(no title)"));
  box.append(el("p", { class: "muted" },
    `${doc.source || "source unknown"} · ${doc.published || "undated"} · ${doc.id}`,
    doc.duplicate_of ? ` · near-duplicate of ${doc.duplicate_of}` : ""));
  box.append(el("p", { class: "muted" },
    el("span", { class: `tag ${quadClass(event.quad)}` }, event.type),
    ` ${actorCode(event.source)} → ${actorCode(event.target)} · ${event.date || "undated"}` +
    (event.trigger ? ` · trigger “${event.trigger}”` : "") + ` · confidence ${event.confidence}`));
  const flags = el("ul", { id: "doc-flags" });
  for (const f of doc.flags || []) {
    flags.append(el("li", {}, el("span", { class: "tag" }, f.code), ` ${f.message}`, f.evidence ? ` — “${f.evidence}”` : ""));
  }
  box.append(el("h4", {}, `Quality flags (${(doc.flags || []).length})`), flags);
  const removed = el("ul", { id: "doc-removed" });
  for (const r of doc.removed || []) {
    removed.append(el("li", {}, el("span", { class: "tag" }, r.reason), ` ${r.text}`));
  }
  const nRemoved = (doc.removed || []).length;
  box.append(el("details", { open: nRemoved <= REMOVED_OPEN_MAX },
    el("summary", {}, `Removed by cleaning (${nRemoved})`), removed));
  const said = el("ul", { id: "doc-quotes" });
  for (const q of quotes) {
    const who = q.speaker ? (q.speaker.name || q.speaker.text) : "unknown speaker";
    said.append(el("li", {}, el("strong", {}, who), q.direct ? ": “" : " (reported): ", q.text, q.direct ? "”" : ""));
  }
  box.append(el("details", { open: quotes.length <= QUOTES_OPEN_MAX },
    el("summary", {}, `Quotes (${quotes.length})`), said));
  // Offsets are Python code points; Array.from splits by code point too (not UTF-16 units).
  const chars = Array.from(doc.text);
  const [s, t] = event.span;
  const text = el("div", { id: "doc-text" },
    chars.slice(0, s).join(""), el("mark", {}, chars.slice(s, t).join("")), chars.slice(t).join(""));
  box.append(text);
  // Scroll only the text box (not the page) so the marked sentence is in view.
  const mark = text.querySelector("mark");
  if (mark) text.scrollTop = Math.max(0, mark.offsetTop - 40);
}

// --------------------------------------------------------------------------------------- wire

async function refresh() {
  setStatus("");
  try {
    await Promise.all([loadTimeline(), loadTone(), loadEvents()]);
  } catch (err) {
    setStatus(err.message);
  }
}

function guard(fn) {
  return async (...args) => {
    try {
      await fn(...args);
    } catch (err) {
      setStatus(err.message);
    }
  };
}

pickEpisode = guard(pickEpisode);
pickPoint = guard(pickPoint);
pickEvent = guard(pickEvent);

document.addEventListener("DOMContentLoaded", async () => {
  document.getElementById("filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    readFilters();
    state.episode = null;
    state.point = null;
    state.offset = 0;
    document.getElementById("episode").hidden = true;
    refresh();
  });
  document.getElementById("pair").addEventListener("change", () => document.getElementById("apply").click());
  document.getElementById("type").addEventListener("change", () => document.getElementById("apply").click());
  document.getElementById("reset").addEventListener("click", () => {
    document.getElementById("filters").reset();
    document.getElementById("apply").click();
  });
  document.getElementById("prev").addEventListener("click", guard(async () => {
    state.offset = Math.max(0, state.offset - PAGE_SIZE);
    await loadEvents();
  }));
  document.getElementById("next").addEventListener("click", guard(async () => {
    state.offset += PAGE_SIZE;
    await loadEvents();
  }));
  try {
    await loadMeta();
    readFilters();
    await refresh();
    document.body.dataset.ready = "1";
  } catch (err) {
    setStatus(err.message);
    document.body.dataset.ready = "error";
  }
});
