"""``communique run PATH... [--db FILE]``: ingest, process, store, print a summary."""

from __future__ import annotations

__all__ = ["register", "cmd_run", "print_summary"]

import argparse
import sys

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from communique.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_PARTIAL,
    console,
    err_console,
    options_from_args,
)
from communique.engines.local import RunSummary, run_paths
from communique.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("run", help="ingest files/dirs/globs (or - for stdin), process, store")
    p.add_argument("paths", nargs="+", help="files, directories (recursive), globs, or - for stdin")
    add_store_args(p)
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_run)


def add_store_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="FILE", help="DuckDB store (default communique.duckdb)")
    p.add_argument("--actors", metavar="FILE", action="append", help="extra actor knowledge file")
    p.add_argument("--actors-petrarch", metavar="FILE", action="append", help="PETRARCH actor/agent dictionary")
    p.add_argument("--verbs-petrarch", metavar="FILE", action="append", help="PETRARCH verb dictionary")
    p.add_argument("--batch-size", type=int, default=None, help="documents per stored batch")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default 1)")


def execute(args: argparse.Namespace, paths: list[str]) -> RunSummary:
    options = options_from_args(args, **{"engine.workers": getattr(args, "workers", None)})
    show_bar = not getattr(args, "json", False) and err_console.is_terminal
    with Store(options.get("store.path")) as store:
        if not show_bar:
            return run_paths(paths, options=options, store=store, stdin=sys.stdin,
                             batch_size=args.batch_size)
        with Progress(
            TextColumn("[bold]processing"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(),
            console=err_console, transient=True,
        ) as bar:
            task = bar.add_task("docs", total=None, rate="-")

            def progress(done: int, seen: int) -> None:
                elapsed = bar.tasks[0].elapsed or 0.0
                bar.update(task, completed=done, total=max(seen, done),
                           rate=f"{done / elapsed:.1f}" if elapsed else "-")

            return run_paths(paths, options=options, store=store, stdin=sys.stdin,
                             progress=progress, batch_size=args.batch_size)


def print_summary(summary: RunSummary, db: str) -> None:
    t = Table(title=f"communique run {summary.run_id} → {db}", show_header=True)
    t.add_column("what")
    t.add_column("count", justify="right")
    for label, value in (
        ("documents seen", summary.seen),
        ("stored (new)", summary.stored),
        ("skipped (already stored)", summary.skipped),
        ("failed", len(summary.failures)),
        ("events", summary.events),
        ("quotes", summary.quotes),
        ("near-duplicates (corpus)", summary.duplicates),
        ("episodes (corpus)", summary.episodes),
    ):
        t.add_row(label, str(value))
    t.add_row("time", f"{summary.seconds:.1f} s ({summary.docs_per_s:.1f} docs/s)")
    console.print(t)
    for f in summary.failures:
        err_console.print(f"[yellow]failed[/yellow] {f}", highlight=False)
    if summary.failures and summary.seen == 0:
        err_console.print(f"every input failed ({len(summary.failures)}); nothing was stored")
    elif summary.failures:
        err_console.print(f"partial failure: {len(summary.failures)} input(s) failed, the rest was stored")


def cmd_run(args: argparse.Namespace) -> int:
    import json

    summary = execute(args, list(args.paths))
    if args.json:
        console.print_json(json.dumps(summary.to_dict()))
    else:
        print_summary(summary, str(options_from_args(args).get("store.path")))
    if summary.failures:
        return EXIT_ERROR if summary.seen == 0 else EXIT_PARTIAL
    return EXIT_OK
