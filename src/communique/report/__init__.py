"""The offline report: one self-contained HTML file from a store.

Why this shape: the report is mailed around and opened on laptops without network, so it loads
nothing (inline CSS, charts as inline SVG drawn in Python, no script at all) and says so in its
Content-Security-Policy. Article text is untrusted input and is HTML-escaped everywhere; links
are only made for http(s) URLs.
"""

from __future__ import annotations

__all__ = ["build_report", "write_report", "ReportData", "collect"]

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from communique.records import Document, Episode, Event, Quote
from communique.report.charts import _anchor, esc, timeline_svg, tone_svg
from communique.store import EventFilter, Store
from communique.stories import tone_series

log = logging.getLogger(__name__)

MAX_PAIRS = 8  # tone charts drawn (most events first); more would bury the report
# Documents carry their full text; past this many the file gets too big to open comfortably
# (a 300-word article is ~2 KB of HTML, so ~1 MB). The rest are counted, not shown.
MAX_DOCUMENTS = 500
MAX_QUOTES_PER_SPEAKER = 20  # the most prolific speakers would otherwise fill the report
MONTHLY_AFTER_DAYS = 400  # spans longer than about a year are charted by month, shorter by week
DASH = "\u2013"
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@dataclass(frozen=True, slots=True)
class ReportData:
    """What the report shows, already filtered to the dyad when one is given."""

    dyad: tuple[str, str] | None
    episodes: list[Episode]
    events: list[Event]
    tone: dict[str, list[dict[str, Any]]]
    consolidated: list[dict[str, Any]]
    quotes: list[Quote]
    documents: list[Document]
    counts: dict[str, int]


def _freq(events: Sequence[Event]) -> str:
    days = []
    for e in events:
        try:
            days.append(date.fromisoformat((e.date or "")[:10]).toordinal())
        except ValueError:
            continue
    return "month" if days and max(days) - min(days) > MONTHLY_AFTER_DAYS else "week"


def collect(store: Store, *, dyad: tuple[str, str] | None = None) -> ReportData:
    events = store.events(EventFilter(dyad=dyad) if dyad else None)
    episodes = store.episodes()
    if dyad:
        episodes = [e for e in episodes if {dyad[0], dyad[1]} <= {p.upper() for p in e.participants}]
    points = tone_series(events, dyad=dyad, freq=_freq(events))
    tone: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in points:
        tone[str(p["pair"])].append(p)
    ranked = sorted(tone, key=lambda k: (-sum(int(p.get("count") or 0) for p in tone[k]), k))
    tone_top = {k: tone[k] for k in ranked[:MAX_PAIRS]}
    ep_ids = {e.id for e in episodes}
    consolidated = [c for c in store.consolidated() if not dyad or c.get("episode_id") in ep_ids]
    quotes = store.quotes()
    documents = store.documents()
    if dyad:
        sides = set(dyad)
        quotes = [q for q in quotes if q.episode_id in ep_ids
                  or (q.speaker is not None and q.speaker.country in sides and q.doc_id in {e.doc_id for e in events})]
        keep = {e.doc_id for e in events} | {d for ep in episodes for d in ep.doc_ids}
        documents = [d for d in documents if d.id in keep]
    return ReportData(dyad, episodes, events, tone_top, consolidated, quotes, documents, store.counts())


# ---------------------------------------------------------------------------------------- HTML

_STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2733;margin:0;background:#f6f7f9}
main{max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:2px solid #d8dde3}
h3{font-size:16px;margin:20px 0 6px}.muted{color:#5f6b78;font-size:13px}
section.card,article.card{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:12px 16px;margin:10px 0}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eef0f3;vertical-align:top}
.chart{max-width:100%;height:auto;background:#fff;border:1px solid #dde2e8;border-radius:6px}
.chart .grid{stroke:#e3e7ec}.chart .zero{stroke:#9aa5b1;stroke-dasharray:4 3}.chart .tick{font-size:11px;fill:#5f6b78}
.chart .label{font-size:12px;fill:#1d2733}.chart .line{fill:none;stroke:#4a5968;stroke-width:1.5}
blockquote{margin:6px 0;padding:4px 12px;border-left:3px solid #9aa5b1;background:#f4f6f8}
.evidence{background:#fff6d6;padding:1px 3px}.tag{display:inline-block;font-size:12px;padding:0 6px;border-radius:8px;background:#e8edf3;margin-right:4px}
.conflict{background:#f8dcd8}.coop{background:#d8e9f6}.flag{color:#8a4b00}.removed{color:#6b5b5b;font-size:13px}
.docs details{margin:4px 0}.doctext{white-space:pre-wrap;font-size:14px}.empty{color:#5f6b78;font-style:italic}
"""


def _tag(text: object, cls: str = "") -> str:
    return f'<span class="tag {cls}">{esc(text)}</span>'


def _quad_cls(quad: int | None) -> str:
    return "conflict" if quad in (3, 4) else "coop" if quad in (1, 2) else ""


def _link(url: str | None) -> str:
    if url and url.lower().startswith(("http://", "https://")):
        return f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(url)}</a>'
    return esc(url or "")


def _event_line(e: Event, docs: dict[str, Document]) -> str:
    tgt = e.target.code if e.target else "\u2013"
    doc = docs.get(e.doc_id)
    where = f"{doc.title or doc.id}" if doc else e.doc_id
    return (
        f'<li>{_tag(e.type, _quad_cls(e.quad))}{esc(e.source.code)} \u2192 {esc(tgt)} '
        f'<span class="muted">{esc(e.date or "undated")} \u00b7 {esc(where)}</span><br>'
        f'<span class="evidence">{esc(e.sentence.strip())}</span></li>'
    )


def _episode_section(
    ep: Episode, data: ReportData, by_id: dict[str, Event], docs: dict[str, Document]
) -> str:
    out = [f'<section class="card episode" id="{esc(_anchor(ep.id))}">',
           f"<h3>{esc(ep.label)}</h3>",
           f'<p class="muted">{esc(ep.start or "?")} \u2013 {esc(ep.end or "?")} \u00b7 '
           f'{esc(ep.place or "place unknown")}{(" (" + esc(ep.country) + ")") if ep.country else ""} \u00b7 '
           f'participants {esc(", ".join(ep.participants) or DASH)} \u00b7 '
           f'tone {esc(f"{ep.tone:+.2f}" if ep.tone is not None else DASH)} \u00b7 '
           f'{len(ep.doc_ids)} article(s)</p>']
    if ep.issues:
        out.append("<table><tr><th>side</th><th>issues raised</th></tr>")
        for side, issues in sorted(ep.issues.items()):
            out.append(f"<tr><td>{esc(side)}</td><td>{esc(', '.join(issues))}</td></tr>")
        out.append("</table>")
    cons = [c for c in data.consolidated if c.get("episode_id") == ep.id]
    if cons:
        out.append("<h4>Consolidated events</h4><ul>")
        for c in cons:
            members = [by_id[i] for i in c.get("event_ids") or () if i in by_id]
            outcome = f" \u00b7 {esc(c['outcome'])}" if c.get("outcome") else ""
            out.append(
                f'<li>{_tag(c.get("type"))}{esc(c.get("source_country") or DASH)} \u2192 '
                f'{esc(c.get("target_country") or DASH)}{outcome} <span class="muted">'
                f'{esc(c.get("date") or "")} \u00b7 {esc(c.get("n_mentions", len(members)))} mention(s) in '
                f'{esc(c.get("n_articles", ""))} article(s), {esc(c.get("n_independent", ""))} independent</span>'
            )
            if members:
                out.append("<ul>" + "".join(_event_line(m, docs) for m in members) + "</ul>")
            elif c.get("evidence"):  # events filtered out of this report: the record's own evidence
                out.append("<ul>" + "".join(
                    f'<li><span class="evidence">{esc(str(ev.get("sentence") or "").strip())}</span> '
                    f'<span class="muted">{esc(ev.get("doc_id"))}</span></li>'
                    for ev in c["evidence"]) + "</ul>")
            out.append("</li>")
        out.append("</ul>")
    shown = {i for c in cons for i in c.get("event_ids") or ()}
    evs = [by_id[i] for i in ep.event_ids if i in by_id] or [e for e in data.events if e.episode_id == ep.id]
    evs = [e for e in evs if e.id not in shown]
    if evs:
        heading = "Other events with evidence" if cons else "Events with evidence"
        out.append(f"<h4>{heading}</h4><ul>" + "".join(_event_line(e, docs) for e in evs) + "</ul>")
    out.append("</section>")
    return "".join(out)


def build_report(data: ReportData, *, title: str | None = None, generated: str | None = None) -> str:
    """The whole report as one HTML string."""
    pair = "-".join(data.dyad) if data.dyad else None
    heading = title or (f"communique report: {pair}" if pair else "communique report")
    stamp = generated or datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    docs = {d.id: d for d in data.documents}
    by_id = {e.id: e for e in data.events}
    c = data.counts
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(heading)}</title><style>{_STYLE}</style></head><body><main>",
        f"<h1>{esc(heading)}</h1>",
        f'<p class="muted">generated {esc(stamp)} \u00b7 store: {c.get("documents", 0)} documents, '
        f'{c.get("events", 0)} events, {c.get("quotes", 0)} quotes, {c.get("episodes", 0)} episodes'
        + (f" \u00b7 showing pair {esc(pair)}" if pair else "") + "</p>",
        '<nav class="muted"><a href="#timeline">Timeline</a> \u00b7 <a href="#tone">Tone</a> \u00b7 '
        '<a href="#episodes">Episodes</a> \u00b7 <a href="#quotes">Quotes</a> \u00b7 '
        '<a href="#documents">Documents</a></nav>',
        '<h2 id="timeline">Episode timeline</h2>',
        timeline_svg(data.episodes),
        '<h2 id="tone">Tone by pair</h2>',
        '<p class="muted">Mean event score per period (\u221210 conflict \u2026 +10 cooperation); '
        "dot size grows with the number of events.</p>",
    ]
    if not data.tone:
        parts.append('<p class="empty">No events between two countries.</p>')
    for pair_name, points in data.tone.items():
        n = sum(int(p.get("count") or 0) for p in points)
        parts.append(f'<h3>{esc(pair_name)} <span class="muted">{n} events</span></h3>')
        parts.append(tone_svg(pair_name, points))
    parts.append('<h2 id="episodes">Episodes: issues by side, consolidated events, evidence</h2>')
    if not data.episodes:
        parts.append('<p class="empty">No episodes.</p>')
    parts += [_episode_section(ep, data, by_id, docs) for ep in data.episodes]
    parts.append('<h2 id="quotes">Quotes by speaker</h2>')
    parts.append(_quotes_section(data.quotes, docs))
    parts.append('<h2 id="documents">Documents: removed spans and quality flags</h2>')
    parts.append(_documents_section(data.documents))
    parts.append("</main></body></html>")
    return "\n".join(parts)


def _quotes_section(quotes: Sequence[Quote], docs: dict[str, Document]) -> str:
    if not quotes:
        return '<p class="empty">No quotes.</p>'
    groups: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        who = (q.speaker.name or q.speaker.text) if q.speaker else "unknown speaker"
        groups[who].append(q)
    out = []
    for who in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        qs = groups[who]
        sp = qs[0].speaker
        meta = " ".join(x for x in ((sp.country if sp else None), (sp.office if sp else None)) if x)
        out.append(f'<section class="card quotes"><h3>{esc(who)} <span class="muted">{esc(meta)}</span></h3>')
        if len(qs) > MAX_QUOTES_PER_SPEAKER:
            out.append(f'<p class="muted">{MAX_QUOTES_PER_SPEAKER} of {len(qs)} quotes shown</p>')
        for q in qs[:MAX_QUOTES_PER_SPEAKER]:
            doc = docs.get(q.doc_id)
            src = (doc.title or doc.id) if doc else q.doc_id
            kind = "" if q.direct else " (reported)"
            out.append(f"<blockquote>{esc(q.text)}<br><span class=\"muted\">{esc(q.date or '')} \u00b7 "
                       f"{esc(src)}{esc(kind)}</span></blockquote>")
        out.append("</section>")
    return "".join(out)


def _documents_section(documents: Sequence[Document]) -> str:
    if not documents:
        return '<p class="empty">No documents.</p>'
    out = ['<div class="docs">']
    if len(documents) > MAX_DOCUMENTS:
        out.append(f'<p class="muted">showing the first {MAX_DOCUMENTS} of {len(documents)} documents '
                   "(use --dyad to narrow the report)</p>")
    for d in documents[:MAX_DOCUMENTS]:
        out.append(f'<article class="card doc" id="doc-{esc(d.id)}"><h3>{esc(d.title or "(no title)")}</h3>')
        out.append(f'<p class="muted">{esc(d.id)} \u00b7 {esc(d.source or "source unknown")} \u00b7 '
                   f'{esc(d.published or "undated")} \u00b7 {_link(d.url)}</p>')
        if d.duplicate_of:
            sim = f" (similarity {d.similarity:.2f})" if d.similarity is not None else ""
            out.append(f'<p class="flag">near-duplicate of {esc(d.duplicate_of)}{esc(sim)}</p>')
        if d.flags:
            out.append("<ul>" + "".join(
                f'<li class="flag">{_tag(f.code)}{esc(f.message)}'
                + (f" \u2014 \u201c{esc(f.evidence)}\u201d" if f.evidence else "") + "</li>"
                for f in d.flags) + "</ul>")
        if d.removed:
            out.append('<p class="muted">removed by cleaning:</p><ul>' + "".join(
                f'<li class="removed">{_tag(r.reason)}{esc(r.text)}</li>' for r in d.removed) + "</ul>")
        out.append(f'<details><summary>text ({len(d.text.split())} words)</summary>'
                   f'<div class="doctext">{esc(d.text)}</div></details></article>')
    out.append("</div>")
    return "".join(out)


def write_report(
    db_path: str | Path, out: str | Path, *, dyad: tuple[str, str] | None = None,
    title: str | None = None,
) -> ReportData:
    """Read the store (read-only) and write the report to ``out``. Returns what it showed."""
    with Store(db_path, read_only=True) as store:
        data = collect(store, dyad=dyad)
    Path(out).write_text(build_report(data, title=title), encoding="utf-8")
    log.info("report: %d episodes, %d events → %s", len(data.episodes), len(data.events), out)
    return data

