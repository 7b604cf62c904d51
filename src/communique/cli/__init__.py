"""``communique`` command line. Each command lives in its own module with ``register(sub)``.

Exit codes: 0 ok, 1 error, 2 usage, 3 partial failure (some inputs failed, the rest stored).
"""

from __future__ import annotations

__all__ = ["main", "build_parser", "COMMAND_MODULES"]

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from communique.cli.common import EXIT_ERROR, EXIT_USAGE, err_console
from communique.errors import CommuniqueError

# One module per command group, in the order `--help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "communique.cli.run",
    "communique.cli.export",
    "communique.cli.show",
    "communique.cli.code",
    "communique.cli.actors",
    "communique.cli.story",
    "communique.cli.report",
    "communique.cli.serve",
    "communique.cli.evaluate",
    "communique.cli.demo",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="communique",
        description="Sourced, structured event data from international news.",
    )
    parser.add_argument("--config", metavar="FILE", help="TOML file layered over the defaults")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real import error inside the module
                raise
            logging.getLogger(__name__).warning("command module %s is not installed", name)
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=[logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)],
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args) or 0)
    except CommuniqueError as exc:
        err_console.print(f"[red]error[/red] {exc}", markup=True, highlight=False)
        return EXIT_ERROR
    except BrokenPipeError:  # `communique export events | head`: the reader left, not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        err_console.print("interrupted; what was stored so far is kept, re-run to continue")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
