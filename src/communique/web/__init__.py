"""The web dashboard: static HTML/CSS/vanilla JS served by the HTTP API app at ``/``.

Everything it shows comes from ``/api/...``; article text is only ever put on the page with
``textContent`` (articles are untrusted input).
"""

from __future__ import annotations

__all__ = ["STATIC_DIR", "INDEX_HTML", "CONTENT_SECURITY_POLICY"]

from importlib import resources
from pathlib import Path

STATIC_DIR = Path(str(resources.files("communique.web").joinpath("static")))
INDEX_HTML = STATIC_DIR / "index.html"

# Same-origin scripts/styles only: even if some text slipped into the DOM as markup, inline
# script in it would not run.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
