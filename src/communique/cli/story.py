"""``communique story``: the timeline of episodes with participants, outcomes and issues by side."""

from __future__ import annotations

__all__ = ["register", "cmd_story", "episode_rows"]

import argparse
import json
import re
from collections import Counter
from typing import Any

from communique.cli.common import EXIT_OK, console, options_from_args
from communique.records import Episode, Event
from communique.store import Store

# Outcomes shown per episode in the text timeline (all of them are in --json).
MAX_OUTCOMES = 8
NAMES_PER_SIDE = 3
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _date(value: str) -> str:
    if not _DATE.match(value):
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {value!r}")
    return value


def _dyad(value: str) -> tuple[str, str]:
    parts = [p.strip().upper() for p in re.split(r"[-–,/]", value) if p.strip()]
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(f"expected two country codes like USA-CHN, got {value!r}")
    return parts[0], parts[1]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("story", help="timeline of episodes: participants, outcomes, issues by side")
    p.add_argument("--db", metavar="FILE", help="DuckDB store (default from [store] path)")
    p.add_argument("--dyad", type=_dyad, metavar="A-B", help="only episodes with both countries, e.g. USA-CHN")
    p.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD", help="episodes ending on or after")
    p.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD", help="episodes starting on or before")
    p.add_argument("--json", action="store_true", help="print episodes with their outcomes as JSON")
    p.set_defaults(func=cmd_story)


def _keep(ep: Episode, args: argparse.Namespace) -> bool:
    if args.dyad and not set(args.dyad) <= {p.upper() for p in ep.participants}:
        return False
    if args.date_from and (ep.end or ep.start or "") < args.date_from:
        return False
    if args.date_to and (not ep.start or ep.start > args.date_to):
        return False
    return True


def _names(events: list[Event]) -> dict[str, list[str]]:
    """Most mentioned actor names per country among an episode's events."""
    per: dict[str, Counter[str]] = {}
    for e in events:
        for a in (e.source, e.target, *e.sources, *e.targets):
            if a is not None and a.country and a.name:
                per.setdefault(a.country, Counter())[a.name] += 1
    return {c: [n for n, _ in cnt.most_common(NAMES_PER_SIDE)] for c, cnt in per.items()}


def outcome_line(c: dict[str, Any]) -> str:
    """ "AGREE: agreed to form a joint working group (3 articles, 2 independent) USA→CHN" """
    kind = c["type"] + (f"/{c['mode']}" if c.get("mode") else "")
    arts = c.get("n_articles", 0)
    dyad = f"{c.get('source_country') or '?'}→{c.get('target_country') or '-'}"
    return (
        f"{kind}: {c.get('outcome') or c['type'].lower()} ({arts} article{'s' if arts != 1 else ''}, "
        f"{c.get('n_independent', 0)} independent) {dyad}"
    )


def episode_rows(store: Store, args: argparse.Namespace) -> list[dict[str, Any]]:
    """Episodes kept by the filters, each with its consolidated outcomes and actor names."""
    events = {e.id: e for e in store.events()}
    rows = []
    for ep in store.episodes():
        if not _keep(ep, args):
            continue
        evs = [events[i] for i in ep.event_ids if i in events]
        rows.append({
            "episode": ep.to_dict(),
            "consolidated": store.consolidated(episode_id=ep.id),
            "actors": _names(evs),
        })
    return rows


def cmd_story(args: argparse.Namespace) -> int:
    path = options_from_args(args).get("store.path")
    with Store(path, read_only=True) as store:
        rows = episode_rows(store, args)
    if args.json:
        console.print_json(json.dumps(rows, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        console.print("no episodes match" + ("" if args.dyad or args.date_from or args.date_to else
                                             f" (is {path} built with `communique run`?)"))
        return EXIT_OK
    for row in rows:
        ep = Episode.from_dict(row["episode"])
        console.print(f"[bold]{ep.label}[/bold]")
        tone = f"tone {ep.tone:+.2f}" if ep.tone is not None else "tone -"
        console.print(
            f"  {ep.id} · {ep.kind or '-'} · {len(ep.doc_ids)} article(s) · {len(ep.event_ids)} event(s) · {tone}",
            markup=False,
        )
        if ep.participants:
            who = "; ".join(
                c + (f" ({', '.join(row['actors'][c])})" if row["actors"].get(c) else "") for c in ep.participants
            )
            console.print(f"  participants: {who}", markup=False)
        cons = sorted(row["consolidated"], key=lambda c: (-c.get("n_independent", 0), -c.get("n_articles", 0), c["id"]))
        for c in cons[:MAX_OUTCOMES]:
            console.print(f"  - {outcome_line(c)}", markup=False)
        if len(cons) > MAX_OUTCOMES:
            console.print(f"  … and {len(cons) - MAX_OUTCOMES} more (--json for all)", markup=False)
        for side, issues in ep.issues.items():
            console.print(f"  {side} raised: {', '.join(issues)}", markup=False)
        console.print()
    return EXIT_OK
