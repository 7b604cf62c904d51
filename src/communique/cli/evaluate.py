"""``communique eval SUITE [--data FILE] [--json]``: score the system against annotated data."""

from __future__ import annotations

__all__ = ["register", "print_report"]

import argparse
import json
from pathlib import Path
from typing import Any

from rich.table import Table

from communique.cli.common import EXIT_OK, console, options_from_args
from communique.errors import EvalError
from communique.eval import SUITES, EvalReport, gated_metrics, run_suite


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("eval", help="evaluate against an annotated corpus or benchmark file")
    p.add_argument("suite", choices=sorted(SUITES))
    p.add_argument("--data", metavar="FILE", help="data file or folder (default: the suite's own)")
    p.add_argument("--json", action="store_true", help="print metrics as one JSON object on the last line")
    p.add_argument("--update-baseline", metavar="FILE",
                   help="corpus suite: write the measured scores as floors into FILE")
    p.add_argument("--allow-lower", action="store_true",
                   help="with --update-baseline: allow floors to go down (explicit on purpose)")
    p.add_argument("--actors", metavar="FILE", action="append", help="extra actor knowledge file")
    p.add_argument("--dicts", metavar="DIR",
                   help="petrarch suite: folder of PETRARCH actor/agent (and verb) dictionaries "
                        "(default: petrarch_validation_dicts/ud_2_02 next to --data)")
    p.add_argument("--split", choices=("dev", "train", "all"),
                   help="sentences suite: which split of the sentence sets to score (default dev)")
    p.set_defaults(func=cmd_eval)


def print_report(report: EvalReport) -> None:
    for title, rows in report.tables.items():
        if not rows:
            continue
        t = Table(title=title)
        for h in rows[0]:
            t.add_column(str(h))
        for r in rows[1:]:
            t.add_row(*("" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v)) for v in r))
        console.print(t)
    t = Table(title=f"suite {report.suite}")
    t.add_column("metric")
    t.add_column("value", justify="right")
    for k, v in report.metrics.items():
        t.add_row(k, "—" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v)))
    console.print(t)
    for n in report.notes:
        console.print(f"note: {n}", highlight=False, markup=False)


def cmd_eval(args: argparse.Namespace) -> int:
    options = options_from_args(args)
    extra: dict[str, Any] = {"dicts": Path(args.dicts)} if args.dicts else {}
    if extra and args.suite != "petrarch":
        raise EvalError("--dicts applies to the petrarch suite only", code="C703")
    if args.split:
        if args.suite != "sentences":
            raise EvalError("--split applies to the sentences suite only", code="C703")
        extra["split"] = args.split
    report = run_suite(args.suite, args.data, options, **extra)
    if args.update_baseline:
        from communique.eval.corpus import update_baseline

        update_baseline(report, Path(args.update_baseline), allow_lower=args.allow_lower,
                        gated=gated_metrics(args.suite))
        console.print(f"baseline written to {args.update_baseline}")
    if args.json:
        print(json.dumps(report.metrics, sort_keys=True, default=str))
    else:
        print_report(report)
    return EXIT_OK
