"""``communique serve [--db FILE] [--host 127.0.0.1] [--port 8000]``: HTTP API + dashboard."""

from __future__ import annotations

__all__ = ["register", "cmd_serve"]

import argparse
import ipaddress
from pathlib import Path

from communique.cli.common import EXIT_OK, console, err_console, options_from_args


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API and the web dashboard (localhost by default)")
    p.add_argument("--db", metavar="FILE", help="DuckDB store (default communique.duckdb)")
    p.add_argument("--host", help="address to bind (default from [api] host: 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default from [api] port: 8000)")
    p.set_defaults(func=cmd_serve)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from communique.api import create_app

    options = options_from_args(args, **{"api.host": args.host, "api.port": args.port})
    host, port = str(options.get("api.host")), int(options.get("api.port"))
    db = str(options.get("store.path"))
    app = create_app(options, db_path=db)
    if not Path(db).exists():
        err_console.print(
            f"[yellow]warning[/yellow] no store at {db} yet: the API answers 503 until "
            "`communique run PATH --db` (or POST /api/ingest) creates it"
        )
    if not _is_loopback(host):
        err_console.print(f"[yellow]warning[/yellow] binding {host}: the API is reachable from other machines")
    console.print(f"communique dashboard on http://{host}:{port}/  (API docs /api/docs, store {db})")
    uvicorn.run(app, host=host, port=port, log_level="info", ws="none")
    return EXIT_OK
