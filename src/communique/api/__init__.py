"""The HTTP API (FastAPI) over a communique store, serving the web dashboard at ``/``.

``create_app(options, db_path=...)`` builds the app; ``communique serve`` runs it with uvicorn.
OpenAPI is at ``/openapi.json``; every error is ``{"error": {"code", "message"}}``.
"""

from __future__ import annotations

__all__ = ["create_app", "ApiError"]

from communique.api.app import create_app
from communique.api.errors import ApiError
