"""Inline SVG charts for the offline report, drawn in Python (no JS, no network).

Every string that reaches the SVG goes through :func:`esc`; labels come from articles.
"""

from __future__ import annotations

__all__ = ["esc", "timeline_svg", "tone_svg", "TONE_RANGE"]

import html
from collections.abc import Sequence
from datetime import date
from typing import Any

from communique.records import Episode

WIDTH = 960
ROW = 24  # px per episode row in the timeline
LABEL_W = 300  # px kept left of the timeline for episode labels
TONE_H = 180
PAD = 32
# Tone means live on the Goldstein-like scale the events stage scores with (-10..+10).
TONE_RANGE = 10.0
COOP, CONFLICT, NEUTRAL = "#2b7bb9", "#c0392b", "#7f8c8d"


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        try:
            return date.fromisoformat(value[:7] + "-01").toordinal()
        except ValueError:
            return None


def _color(tone: float | None) -> str:
    if tone is None:
        return NEUTRAL
    return COOP if tone >= 0 else CONFLICT


def _year_ticks(d0: int, d1: int) -> list[tuple[int, str]]:
    y0, y1 = date.fromordinal(d0).year, date.fromordinal(d1).year
    step = max(1, (y1 - y0 + 1) // 8)
    return [(date(y, 1, 1).toordinal(), str(y)) for y in range(y0, y1 + 2, step)
            if d0 <= date(y, 1, 1).toordinal() <= d1]


def timeline_svg(episodes: Sequence[Episode]) -> str:
    """One row per episode: a bar from start to end on a shared time axis, tone as colour."""
    dated: list[tuple[Episode, int, int]] = []
    for e in episodes:
        s, t = _day(e.start) or _day(e.end), _day(e.end) or _day(e.start)
        if s is not None and t is not None:
            dated.append((e, s, t))
    if not dated:
        return '<p class="empty">No dated episodes.</p>'
    lo = min(s for _, s, _ in dated) - 7
    hi = max(t for _, _, t in dated) + 7
    span = max(hi - lo, 1)
    plot_w = WIDTH - LABEL_W - PAD
    height = PAD + ROW * len(dated) + PAD

    def x(d: int) -> float:
        return LABEL_W + (d - lo) / span * plot_w

    parts = [
        f'<svg class="chart timeline" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-label="Episode timeline">'
    ]
    for d, label in _year_ticks(lo, hi):
        parts.append(
            f'<line x1="{x(d):.1f}" x2="{x(d):.1f}" y1="{PAD - 8}" y2="{height - PAD + 4}" class="grid"/>'
            f'<text x="{x(d):.1f}" y="{PAD - 12}" class="tick">{esc(label)}</text>'
        )
    for i, (ep, s, t) in enumerate(dated):
        y = PAD + i * ROW
        x0, x1 = x(s), x(t)
        w = max(x1 - x0, 6.0)
        tip = f"{ep.label} · {ep.start or '?'} – {ep.end or '?'} · {ep.place or ''} · tone {ep.tone if ep.tone is not None else '–'}"
        parts.append(
            f'<g class="episode"><title>{esc(tip)}</title>'
            f'<text x="{LABEL_W - 8}" y="{y + ROW * 0.65:.1f}" class="label" text-anchor="end">'
            f'{esc(_clip(ep.label, 44))}</text>'
            f'<a href="#{esc(_anchor(ep.id))}"><rect x="{x0:.1f}" y="{y + 4}" width="{w:.1f}" '
            f'height="{ROW - 8}" rx="3" fill="{_color(ep.tone)}"/></a></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def tone_svg(pair: str, points: Sequence[dict[str, Any]]) -> str:
    """Mean tone per period for one pair: a line through the periods, dots sized by events."""
    pts: list[tuple[dict[str, Any], int]] = []
    for p in points:
        d = _day(str(p["period"]))
        if p.get("mean") is not None and d is not None:
            pts.append((p, d))
    if not pts:
        return f'<p class="empty">No scored events for {esc(pair)}.</p>'
    lo = min(d for _, d in pts) - 3
    hi = max(d for _, d in pts) + 3
    span = max(hi - lo, 1)
    plot_w, plot_h = WIDTH - 2 * PAD - 40, TONE_H - 2 * PAD

    def x(d: int) -> float:
        return PAD + 40 + (d - lo) / span * plot_w

    def y(v: float) -> float:
        v = max(-TONE_RANGE, min(TONE_RANGE, v))
        return PAD + (TONE_RANGE - v) / (2 * TONE_RANGE) * plot_h

    parts = [
        f'<svg class="chart tone" viewBox="0 0 {WIDTH} {TONE_H}" width="{WIDTH}" height="{TONE_H}" '
        f'role="img" aria-label="Tone for {esc(pair)}">'
    ]
    for v in (-TONE_RANGE, 0.0, TONE_RANGE):
        parts.append(
            f'<line x1="{PAD + 40}" x2="{WIDTH - PAD}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
            f'class="{"zero" if v == 0 else "grid"}"/>'
            f'<text x="{PAD + 34}" y="{y(v) + 4:.1f}" class="tick" text-anchor="end">{f"{v:+.0f}" if v else "0"}</text>'
        )
    first, last = pts[0], pts[-1]
    ends = [(first[1], str(first[0]["period"]), "start")]
    if last[1] != first[1]:
        ends.append((last[1], str(last[0]["period"]), "end"))
    for d, label, anchor in ends:
        parts.append(f'<text x="{x(d):.1f}" y="{TONE_H - 8}" class="tick" text-anchor="{anchor}">{esc(label)}</text>')
    path = " ".join(f"{'M' if i == 0 else 'L'}{x(d):.1f},{y(float(p['mean'])):.1f}" for i, (p, d) in enumerate(pts))
    parts.append(f'<path d="{path}" class="line"/>')
    for p, d in pts:
        mean = float(p["mean"])
        r = min(3 + 1.5 * int(p.get("count") or 1), 12)
        tip = (f"{pair} {p['period']}: mean tone {mean:+.2f}, {p.get('count', 0)} events, "
               f"{100 * float(p.get('conflict_share') or 0):.0f}% conflict")
        parts.append(
            f'<circle cx="{x(d):.1f}" cy="{y(mean):.1f}" r="{r:.1f}" fill="{_color(mean)}">'
            f"<title>{esc(tip)}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _anchor(episode_id: str) -> str:
    return "ep-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in episode_id)
