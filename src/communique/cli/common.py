"""What every CLI command shares: building Options from flags, the console, exit codes."""

from __future__ import annotations

__all__ = [
    "EXIT_OK",
    "EXIT_ERROR",
    "EXIT_USAGE",
    "EXIT_PARTIAL",
    "console",
    "err_console",
    "options_from_args",
]

import argparse
from typing import Any

from rich.console import Console

from communique.config import Options, load_options

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3  # some inputs failed, the rest was stored

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False)


def options_from_args(args: argparse.Namespace, **overrides: Any) -> Options:
    """Defaults <- --config file <- global flags <- command-specific overrides."""
    flat: dict[str, Any] = {}
    if getattr(args, "db", None):
        flat["store.path"] = str(args.db)
    actors = getattr(args, "actors", None)
    if actors:
        flat["actors.files"] = [str(a) for a in actors]
    petrarch = getattr(args, "actors_petrarch", None)
    if petrarch:
        flat["actors.petrarch_files"] = [str(a) for a in petrarch]
    verbs = getattr(args, "verbs_petrarch", None)
    if verbs:
        flat["events.petrarch_verb_files"] = [str(v) for v in verbs]
    flat.update(overrides)
    return load_options(getattr(args, "config", None), flat)

