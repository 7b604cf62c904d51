"""``communique demo``: the main job on the bundled example corpus — ingest, store, summary table,
report file."""

from __future__ import annotations

__all__ = ["register", "examples_dir"]

import argparse
from pathlib import Path

from communique.cli.common import EXIT_OK, console, options_from_args
from communique.errors import InputError


def examples_dir() -> Path:
    """The repository's examples/ folder (the demo runs from a checkout)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "examples" / "corpus"
        if cand.is_dir():
            return cand
    raise InputError(
        "the example corpus (examples/corpus) was not found; run the demo from a checkout of the "
        "communique repository",
        code="C160",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="run the whole job on the bundled example corpus")
    p.add_argument("--db", metavar="FILE", default="communique-demo.duckdb", help="DuckDB store")
    p.add_argument("--out", metavar="FILE", default="communique-report.html", help="report file")
    p.set_defaults(func=cmd_demo, actors=None, actors_petrarch=None, verbs_petrarch=None, batch_size=None, workers=None, json=False)


def cmd_demo(args: argparse.Namespace) -> int:
    from communique.cli.run import execute, print_summary
    from communique.cli.story import cmd_story
    from communique.report import write_report

    corpus = examples_dir()
    console.print(f"communique demo: {corpus}")
    summary = execute(args, [str(corpus)])
    print_summary(summary, args.db)
    db = options_from_args(args).get("store.path")
    console.print()
    console.rule("episodes")
    cmd_story(argparse.Namespace(**vars(args) | {"dyad": None, "date_from": None, "date_to": None}))
    data = write_report(db, Path(args.out))
    console.print(
        f"report written to {args.out} ({len(data.episodes)} episodes, {len(data.events)} events); "
        f"explore with `communique story --db {db}` or `communique serve --db {db}`"
    )
    return EXIT_OK
