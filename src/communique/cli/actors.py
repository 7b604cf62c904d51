"""``communique actors resolve "text" [--date YYYY-MM-DD] [--context SENTENCE] [--json]``:
explain who a piece of text designates, with the office held on the date and why.

``communique actors check [--actors FILE]``: load and validate the knowledge base, list conflicts.
"""

from __future__ import annotations

__all__ = ["register", "cmd_resolve", "cmd_check"]

import argparse
import json
import re

from communique.cli.common import EXIT_OK, EXIT_USAGE, console, err_console, options_from_args

DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _kb_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--actors", metavar="FILE", action="append", help="extra actor file (.jsonl entries or .tsv role words); repeatable")
    p.add_argument("--actors-petrarch", metavar="FILE", action="append", dest="actors_petrarch", help="PETRARCH/TABARI actor or agent dictionary; repeatable")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("actors", help="actor knowledge: resolve a name or title, check the knowledge base")
    asub = p.add_subparsers(dest="actors_command", metavar="SUBCOMMAND")
    r = asub.add_parser("resolve", help="who does this text designate (on a date)?")
    r.add_argument("text", help='a name, title or phrase, e.g. "the Chinese foreign minister"')
    r.add_argument("--date", metavar="YYYY-MM-DD", help="the date offices are read for (default: today's holders)")
    r.add_argument("--context", metavar="SENTENCE", help="the sentence the text comes from")
    r.add_argument("--json", action="store_true", help="print one JSON object")
    _kb_flags(r)
    r.set_defaults(func=cmd_resolve)
    c = asub.add_parser("check", help="validate the knowledge base files and list conflicts")
    c.add_argument("--json", action="store_true", help="print one JSON object")
    _kb_flags(c)
    c.set_defaults(func=cmd_check)
    def _usage(args: argparse.Namespace) -> int:
        p.print_help()
        return EXIT_USAGE

    p.set_defaults(func=_usage)


def cmd_resolve(args: argparse.Namespace) -> int:
    from communique.actors import load_kb, resolve_text

    if args.date and not DATE_RE.fullmatch(args.date):
        err_console.print(f"[red]error[/red] --date must be YYYY-MM-DD, got {args.date!r}", highlight=False)
        return EXIT_USAGE
    options = options_from_args(args)
    kb = load_kb(options)
    res = resolve_text(args.text, date=args.date, context=args.context, options=options, kb=kb)
    if args.json:
        console.print(json.dumps(res.to_dict(), ensure_ascii=False), markup=False)
        return EXIT_OK
    a = res.actor
    console.print(f"text:      {res.text}", markup=False)
    console.print(f"date:      {res.date or '(today)'}", markup=False)
    if a is None:
        console.print(f"actor:     none ({res.why})", markup=False)
    else:
        console.print(f"actor:     {a.name or a.text}  [{a.code}]  country={a.country} sector={a.sector}", markup=False)
        console.print(f"office:    {res.office or '-'}", markup=False)
        console.print(f"method:    {res.method}", markup=False)
        console.print(f"why:       {res.why}", markup=False)
    if res.candidates:
        console.print("candidates:", markup=False)
        for cand in res.candidates:
            console.print(f"  {cand.score:.2f}  {cand.actor.code:<9} {cand.actor.name or cand.actor.text}  ({cand.method}: {cand.why})", markup=False)
    for f in res.flags:
        console.print(f"flag:      {f.code}: {f.message}", markup=False)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from communique.actors import load_kb

    kb = load_kb(options_from_args(args))
    kinds: dict[str, int] = {}
    for e in kb.entries.values():
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    if args.json:
        console.print(json.dumps({"files": kb.files, "entries": kinds, "roles": len(kb.roles), "conflicts": kb.conflicts}), markup=False)
        return EXIT_OK
    for f in kb.files:
        console.print(f"read {f}", markup=False)
    console.print(", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + f", {len(kb.roles)} role words", markup=False)
    for c in kb.conflicts:
        console.print(f"conflict: {c}", markup=False)
    if not kb.conflicts:
        console.print("no conflicts", markup=False)
    return EXIT_OK
