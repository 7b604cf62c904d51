"""``communique show DOC_ID``: the cleaned text with events marked, then what cleaning removed."""

from __future__ import annotations

__all__ = ["register"]

import argparse

from rich.text import Text

from communique.cli.common import EXIT_ERROR, EXIT_OK, console, err_console, options_from_args
from communique.store import EventFilter, QuoteFilter, Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("show", help="show a stored document with its events, quotes and removed spans")
    p.add_argument("doc_id")
    p.add_argument("--db", metavar="FILE", help="DuckDB store")
    p.set_defaults(func=cmd_show)


def cmd_show(args: argparse.Namespace) -> int:
    options = options_from_args(args)
    with Store(options.get("store.path"), read_only=True) as store:
        doc = store.document(args.doc_id)
        if doc is None:
            err_console.print(f"no document '{args.doc_id}' in {options.get('store.path')}")
            return EXIT_ERROR
        events = store.events(EventFilter(doc_id=doc.id))
        quotes = store.quotes(QuoteFilter(doc_id=doc.id))
    console.print(Text(f"{doc.title or '(no title)'}", style="bold"))
    console.print(f"id {doc.id} · {doc.source or '?'} · published {doc.published or '?'} · {doc.origin or ''}")
    if doc.duplicate_of:
        console.print(f"near-duplicate of {doc.duplicate_of} (similarity {doc.similarity:.2f})")
    for f in doc.flags:
        console.print(f"[yellow]flag[/yellow] {f.code}: {f.message}" + (f" — “{f.evidence}”" if f.evidence else ""))
    body = Text(doc.text)
    for e in events:
        body.stylize("underline", *e.span)
        if e.trigger_span:
            body.stylize("bold reverse", *e.trigger_span)
    for q in quotes:
        body.stylize("italic cyan", *q.span)
    console.print()
    console.print(body)
    console.print()
    if events:
        console.print("[bold]events[/bold] (sentence underlined, trigger reversed)")
        for e in events:
            tgt = e.target.code if e.target else "-"
            console.print(
                f"  {e.id} {e.type}{'/' + e.mode if e.mode else ''} cameo {e.cameo or '-'} "
                f"{e.source.code}→{tgt} date {e.date or '-'} ({e.date_precision or '-'}) "
                f"trigger “{e.trigger or ''}”", highlight=False)
    if quotes:
        console.print("[bold]quotes[/bold] (cyan)")
        for q in quotes:
            who = q.speaker.name or q.speaker.text if q.speaker else "?"
            console.print(f"  {who}: “{q.text[:100]}”{' (indirect)' if not q.direct else ''}", highlight=False)
    if doc.removed:
        console.print("[bold]removed by cleaning[/bold]")
        for r in doc.removed:
            console.print(f"  [{r.reason}] {r.text}", highlight=False, markup=False)
    return EXIT_OK
