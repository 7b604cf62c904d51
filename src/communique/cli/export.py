"""``communique export KIND [--format jsonl|csv|parquet] [--out FILE]``."""

from __future__ import annotations

__all__ = ["register"]

import argparse
import sys
from pathlib import Path

from communique.cli.common import EXIT_OK, err_console, options_from_args
from communique.export import FORMATS, KINDS, write_export
from communique.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="export documents, events, quotes, episodes or actors")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--format", choices=FORMATS, default="jsonl")
    p.add_argument("--out", metavar="FILE", help="output file (default stdout; parquet needs a file)")
    p.add_argument("--db", metavar="FILE", help="DuckDB store")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    options = options_from_args(args)
    with Store(options.get("store.path"), read_only=True) as store:
        n = write_export(store, args.kind, args.format, Path(args.out) if args.out else sys.stdout)
    if args.out:
        err_console.print(f"wrote {n} {args.kind} to {args.out}")
    return EXIT_OK
