"""``communique code "a sentence" [--date YYYY-MM-DD] [--explain] [--json]``: code one text.

Runs nlp -> actors -> events on the text as given (no cleaning) and shows the actors found, the
events coded and why; ``--explain`` adds the parse (token, lemma, dependency, head) and every
frame the lexicon found, including the ones not coded (negated, hypothetical, questions).
"""

from __future__ import annotations

__all__ = ["register", "cmd_code"]

import argparse
import json
import re

from rich.markup import escape
from rich.table import Table

from communique.cli.common import EXIT_OK, EXIT_USAGE, console, err_console, options_from_args

DATE_RX = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("code", help="code the events of one sentence and say why")
    p.add_argument("text", help="the sentence or short text to code")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="story date (picks who held an office)")
    p.add_argument("--explain", action="store_true", help="show the parse and every frame found")
    p.add_argument("--json", action="store_true", help="print events as JSON (one object per line)")
    p.add_argument("--actors", metavar="FILE", action="append", help="extra actor knowledge file")
    p.add_argument("--actors-petrarch", metavar="FILE", action="append", dest="actors_petrarch",
                   help="PETRARCH/TABARI actor or agent dictionary; repeatable")
    p.add_argument("--verbs-petrarch", metavar="FILE", action="append", dest="verbs_petrarch",
                   help="PETRARCH/TABARI verb dictionary (CAMEO.2.0.txt format); repeatable")
    p.set_defaults(func=cmd_code)


def cmd_code(args: argparse.Namespace) -> int:
    from communique.events import explain_text

    if args.date and not DATE_RX.match(args.date):
        err_console.print(f"--date must be YYYY-MM-DD, got {args.date!r}")
        return EXIT_USAGE
    options = options_from_args(args)
    analysis, explained = explain_text(args.text, date=args.date, options=options)
    events = [x.event for x in explained if x.event is not None]
    if args.json:
        for e in events:
            console.print(json.dumps(e.to_dict(), ensure_ascii=False), markup=False)
        return EXIT_OK
    if args.explain:
        t = Table(title="parse")
        for h in ("i", "token", "lemma", "pos", "dep", "head"):
            t.add_column(h)
        for tok in analysis.doc:
            t.add_row(str(tok.i), tok.text, tok.lemma_, tok.pos_, tok.dep_, f"{tok.head.i} {tok.head.text}")
        console.print(t)
    t = Table(title="actors")
    for h in ("text", "code", "name", "how"):
        t.add_column(h)
    for m in analysis.mentions:
        t.add_row(escape(m.text), m.actor.code, escape(m.actor.name or ""), escape(m.why or m.method))
    console.print(t)
    t = Table(title="events")
    for h in ("type", "mode", "cameo", "source(s)", "target(s)", "trigger", "conf", "pattern"):
        t.add_column(h)
    for e in events:
        t.add_row(e.type, e.mode or "", e.cameo or "", ", ".join(a.code or a.text for a in e.sources),
                  ", ".join(a.code or a.text for a in e.targets), e.trigger or "", f"{e.confidence:.2f}",
                  escape(e.pattern or ""))
    console.print(t)
    for x in explained:
        if not args.explain and x.event is None:
            continue
        f = x.frame
        console.print(f"- sentence {x.sentence_index}, trigger '{f.trigger.text}' ({f.pattern}):", markup=False)
        for step in [*f.steps, *x.why]:
            console.print(f"    {step}", markup=False)
        if x.event is not None and x.event.reported_by is not None:
            console.print(f"    reported by {x.event.reported_by.code or x.event.reported_by.text}")
    if not events:
        console.print("no events coded")
    return EXIT_OK
