"""API errors: one JSON shape for every failure, ``{"error": {"code", "message", ...}}``.

Codes are stable (C8xx, the HTTP API's range) so clients and tests can rely on them; the
message is for people and may change.
"""

from __future__ import annotations

__all__ = ["ApiError", "CODES", "error_body"]

from typing import Any

from communique.errors import CommuniqueError

CODES: dict[str, str] = {
    "C801": "not found",
    "C802": "invalid parameter",
    "C803": "ingest disabled (no token configured)",
    "C804": "missing or wrong bearer token",
    "C805": "upload too large",
    "C806": "malformed upload",
    "C807": "store unavailable",
    "C808": "method not allowed",
}


class ApiError(CommuniqueError):
    """An error answered over HTTP: ``status`` is the HTTP status, ``param`` the query
    parameter at fault (for 422s), ``details`` extra JSON (e.g. ingest failures)."""

    code = "C800"

    def __init__(
        self,
        message: str,
        *,
        code: str,
        status: int,
        param: str | None = None,
        details: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(message, code=code)
        self.status = status
        self.param = param
        self.details = details


def error_body(
    code: str, message: str, *, param: str | None = None, details: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    err: dict[str, Any] = {"code": code, "message": message}
    if param is not None:
        err["param"] = param
    if details:
        err["details"] = details
    return {"error": err}
