"""FastAPI's TestClient, imported once without starlette's import-time warning.

starlette warns at import that it prefers the ``httpx2`` package over the ``httpx`` we install;
the client works the same, and warnings are errors in this test suite.
"""

from __future__ import annotations

import warnings

from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

__all__ = ["TestClient"]
