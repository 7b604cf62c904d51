"""``communique report [--db FILE] [--dyad USA-CHN] --out report.html``: one offline HTML file."""

from __future__ import annotations

__all__ = ["register", "cmd_report"]

import argparse

from communique.cli.common import EXIT_OK, EXIT_USAGE, console, err_console, options_from_args
from communique.errors import CommuniqueError

DEFAULT_OUT = "report.html"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report",
        help="write a self-contained HTML report (timeline, tone, issues, evidence, quotes)",
    )
    p.add_argument("--db", metavar="FILE", help="DuckDB store (default communique.duckdb)")
    p.add_argument("--dyad", metavar="A-B", help="only this country pair, e.g. USA-CHN")
    p.add_argument("--title", help="report title")
    p.add_argument("--out", "-o", metavar="FILE", default=DEFAULT_OUT,
                   help=f"output HTML file (default {DEFAULT_OUT})")
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from communique.api.queries import parse_dyad
    from communique.report import write_report

    options = options_from_args(args)
    try:
        dyad = parse_dyad(args.dyad, param="--dyad")
    except CommuniqueError as exc:
        err_console.print(f"[red]error[/red] {exc.message}", highlight=False)
        return EXIT_USAGE
    data = write_report(options.get("store.path"), args.out, dyad=dyad, title=args.title)
    console.print(
        f"wrote {args.out}: {len(data.episodes)} episodes, {len(data.events)} events, "
        f"{len(data.quotes)} quotes, {len(data.documents)} documents"
    )
    return EXIT_OK
