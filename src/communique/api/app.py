"""The FastAPI app: read endpoints over the store, token-guarded ingest, and the dashboard.

Why this shape:
- DuckDB allows one writer process, and in one process a file cannot be open read-only and
  read-write at once. So every request opens the store read-only for its own duration, and
  ingest takes an exclusive lock, opens it read-write briefly, and closes it again.
- All errors share one JSON shape (:mod:`communique.api.errors`), including FastAPI's own
  validation errors and unknown paths, so clients need one error parser.
"""

from __future__ import annotations

__all__ = ["create_app", "MULTIPART_SLACK"]

import hmac
import logging
import os
import re
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique.api import queries
from communique.api.errors import ApiError, error_body
from communique.config import Options
from communique.errors import CommuniqueError, Failure, StoreError
from communique.records import EVENT_TYPES, SourceDocument
from communique.store import EventFilter, Store
from communique.web import CONTENT_SECURITY_POLICY, INDEX_HTML, STATIC_DIR

log = logging.getLogger(__name__)

TOKEN_ENV = "COMMUNIQUE_API_TOKEN"
# Multipart framing (boundaries, part headers) on top of the file bytes; a request whose
# Content-Length exceeds max_upload_bytes by more than this is refused before it is parsed.
MULTIPART_SLACK = 64 * 1024
UPLOAD_CHUNK = 256 * 1024
MAX_UPLOAD_FILES = 20
UPLOAD_FIELD = "file"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")

LIMIT = Query(queries.DEFAULT_LIMIT, ge=1, le=queries.MAX_LIMIT, description="page size (≤ 500)")
OFFSET = Query(0, ge=0, description="items to skip")
DYAD = Query(None, description="country pair, either direction, e.g. USA-CHN")
ACTOR = Query(None, description="country code or actor name (source or target)")
TYPE = Query(None, description="PLOVER event type: " + ", ".join(EVENT_TYPES))
FROM = Query(None, alias="from", description="on or after this date (YYYY-MM-DD, YYYY-MM, YYYY)")
TO = Query(None, alias="to", description="on or before this date (YYYY-MM-DD, YYYY-MM, YYYY)")
EPISODE = Query(None, description="episode id")
Q = Query(None, description="full-text search (case-insensitive substring)")


def _version() -> str:
    try:
        return version("communique")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


class _ReadWriteLock:
    """Many readers or one writer; a waiting writer holds back new readers."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._waiting_writers = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            while self._writer or self._waiting_writers:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._waiting_writers += 1
            while self._writer or self._readers:
                self._cond.wait()
            self._waiting_writers -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class _Service:
    """What the routes share: options, the store path, the lock, the ingest token."""

    def __init__(self, options: Options, db_path: str, environ: Mapping[str, str]) -> None:
        self.options = options
        self.db_path = db_path
        self.lock = _ReadWriteLock()
        self.token = str(options.get("api.token") or environ.get(TOKEN_ENV, ""))
        self.max_upload = int(options.get("api.max_upload_bytes"))

    @contextmanager
    def reader(self) -> Iterator[Store]:
        with self.lock.reading():
            try:
                store = Store(self.db_path, read_only=True)
            except StoreError as exc:
                raise ApiError(
                    f"store unavailable: {exc}", code="C807", status=503
                ) from exc
            try:
                yield store
            finally:
                store.close()

    def check_token(self, header: str | None) -> None:
        if not self.token:
            raise ApiError(
                "ingest over HTTP is disabled; set [api] token in the config or "
                f"{TOKEN_ENV} and send it as 'Authorization: Bearer <token>'",
                code="C803",
                status=403,
            )
        scheme, _, sent = (header or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(sent.strip().encode(), self.token.encode()):
            raise ApiError("missing or wrong bearer token", code="C804", status=403)

    def ingest_files(self, paths: list[Path], names: dict[str, str]) -> dict[str, Any]:
        """Check every upload parses before anything is stored (a malformed upload stores
        nothing), then run the pipeline on them with the store open read-write."""
        from communique.engines.local import run_paths
        from communique.ingest import iter_sources

        args = [str(p) for p in paths]
        items = list(iter_sources(args, options=self.options))
        failures = [i for i in items if isinstance(i, Failure)]
        docs = [i for i in items if isinstance(i, SourceDocument)]
        if failures or not docs:
            details = [_public_failure(f, names) for f in failures]
            raise ApiError(
                "upload is malformed; nothing was stored"
                if failures else "upload holds no document; nothing was stored",
                code="C806",
                status=422,
                details=details,
            )
        with self.lock.writing():
            try:
                store = Store(self.db_path)
            except StoreError as exc:
                raise ApiError(f"store unavailable: {exc}", code="C807", status=503) from exc
            with store:
                summary = run_paths(args, options=self.options, store=store)
        out = summary.to_dict()
        out["failures"] = [_public_failure(f, names) for f in summary.failures]
        return out


def _public_failure(f: Failure, names: dict[str, str]) -> dict[str, Any]:
    """A failure as JSON with the temp path replaced by the uploaded file's name."""
    d = f.to_dict()
    for tmp, name in names.items():
        if d.get("path") and str(d["path"]).startswith(tmp):
            d["path"] = name + str(d["path"])[len(tmp):]
        d["message"] = str(d["message"]).replace(tmp, name)
    return d


def _safe_name(filename: str | None, index: int) -> tuple[str, str]:
    """(name shown to the user, name on disk). Keeps the extension ingest dispatches on."""
    shown = Path((filename or "").replace("\\", "/")).name or f"upload{index}"
    disk = _SAFE_NAME.sub("_", shown).lstrip(".") or f"upload{index}"
    return shown, f"{index:03d}-{disk}"


def _error_response(exc: ApiError) -> JSONResponse:
    return JSONResponse(
        error_body(exc.code, exc.message, param=exc.param, details=exc.details),
        status_code=exc.status,
    )


def create_app(
    options: Options, *, db_path: str, environ: Mapping[str, str] | None = None
) -> FastAPI:
    """The HTTP API + dashboard over the store at ``db_path`` (opened read-only per request).

    ``environ`` is where ``COMMUNIQUE_API_TOKEN`` is looked up (default ``os.environ``)."""
    service = _Service(options, db_path, os.environ if environ is None else environ)
    app = FastAPI(
        title="communique",
        version=_version(),
        description="Sourced, structured event data from international news.",
        openapi_url="/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.service = service

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error_response(exc)

    @app.exception_handler(CommuniqueError)
    async def _communique_error(request: Request, exc: CommuniqueError) -> JSONResponse:
        # A stage failed while serving (e.g. the spaCy model is missing during ingest).
        log.error("%s %s failed: %s", request.method, request.url.path, exc)
        return JSONResponse(error_body(exc.code, str(exc)), status_code=500)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "path", "body")]
        param = loc[-1] if loc else None
        message = f"{param}: {first.get('msg', 'invalid value')}" if param else "invalid request"
        return JSONResponse(error_body("C802", message, param=param), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "C801", 405: "C808"}.get(exc.status_code, "C800")
        return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code)

    def not_found(kind: str, key: str) -> ApiError:
        return ApiError(f"no {kind} '{key}'", code="C801", status=404)

    # ------------------------------------------------------------------------------ documents

    @app.get("/api/documents", tags=["documents"])
    def list_documents(
        q: str | None = Q, dyad: str | None = DYAD, actor: str | None = ACTOR,
        type: str | None = TYPE, date_from: str | None = FROM, date_to: str | None = TO,
        episode: str | None = EPISODE, limit: int = LIMIT, offset: int = OFFSET,
    ) -> dict[str, Any]:
        """Cleaned documents with removed spans and quality flags. dyad/actor/type keep
        documents with a matching event; from/to filter the publication date."""
        events = queries.event_filter(dyad=dyad, actor=actor, type=type)
        df, dt = queries.parse_date(date_from, param="from"), queries.parse_date(date_to, param="to")
        with service.reader() as store:
            return queries.documents_page(
                store, q=q, date_from=df, date_to=dt, episode=episode, events=events,
                limit=limit, offset=offset,
            ).to_dict()

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def get_document(doc_id: str) -> dict[str, Any]:
        """One document, plus its sentences (offsets into ``text``)."""
        with service.reader() as store:
            doc = store.document(doc_id)
            if doc is None:
                raise not_found("document", doc_id)
            out = doc.to_dict()
            out["sentences"] = [s.to_dict() for s in store.sentences(doc_id)]
            return out

    # --------------------------------------------------------------------------------- events

    @app.get("/api/events", tags=["events"])
    def list_events(
        dyad: str | None = DYAD, actor: str | None = ACTOR, type: str | None = TYPE,
        date_from: str | None = FROM, date_to: str | None = TO, episode: str | None = EPISODE,
        q: str | None = Q,
        doc: str | None = Query(None, description="document id"),
        ids: str | None = Query(None, description="comma-separated event ids (≤ 500)"),
        limit: int = LIMIT, offset: int = OFFSET,
    ) -> dict[str, Any]:
        """Coded events, each with its evidence sentence and span, by date."""
        f = queries.event_filter(
            dyad=dyad, actor=actor, type=type, date_from=date_from, date_to=date_to,
            episode=episode, q=q, doc=doc, ids=ids,
        )
        with service.reader() as store:
            return queries.events_page(store, f, limit=limit, offset=offset).to_dict()

    @app.get("/api/events/{event_id}", tags=["events"])
    def get_event(event_id: str) -> dict[str, Any]:
        with service.reader() as store:
            found = store.events(EventFilter(ids=(event_id,)), limit=1)
        if not found:
            raise not_found("event", event_id)
        return found[0].to_dict()

    # --------------------------------------------------------------------------------- quotes

    @app.get("/api/quotes", tags=["quotes"])
    def list_quotes(
        actor: str | None = Query(None, description="speaker name or country code"),
        dyad: str | None = Query(None, description="speaker from either side of the pair"),
        date_from: str | None = FROM, date_to: str | None = TO, episode: str | None = EPISODE,
        q: str | None = Q, doc: str | None = Query(None, description="document id"),
        limit: int = LIMIT, offset: int = OFFSET,
    ) -> dict[str, Any]:
        """Who said what, by date."""
        pair = queries.parse_dyad(dyad)
        df, dt = queries.parse_date(date_from, param="from"), queries.parse_date(date_to, param="to")
        with service.reader() as store:
            return queries.quotes_page(
                store, speaker=actor, dyad=pair, date_from=df, date_to=dt, episode=episode,
                doc=doc, q=q, limit=limit, offset=offset,
            ).to_dict()

    @app.get("/api/quotes/{quote_id}", tags=["quotes"])
    def get_quote(quote_id: str) -> dict[str, Any]:
        with service.reader() as store:
            found = queries.quote_by_id(store, quote_id)
        if found is None:
            raise not_found("quote", quote_id)
        return found

    # ------------------------------------------------------------------------------- episodes

    @app.get("/api/episodes", tags=["episodes"])
    def list_episodes(
        dyad: str | None = Query(None, description="both countries take part, e.g. USA-CHN"),
        actor: str | None = Query(None, description="a participating country code"),
        date_from: str | None = FROM, date_to: str | None = TO, q: str | None = Q,
        limit: int = LIMIT, offset: int = OFFSET,
    ) -> dict[str, Any]:
        """Episodes (meetings, visits, talks, crises) by start date; from/to keep overlaps."""
        pair = queries.parse_dyad(dyad)
        df, dt = queries.parse_date(date_from, param="from"), queries.parse_date(date_to, param="to")
        with service.reader() as store:
            return queries.episodes_page(
                store, q=q, actor=actor, dyad=pair, date_from=df, date_to=dt,
                limit=limit, offset=offset,
            ).to_dict()

    @app.get("/api/episodes/{episode_id}", tags=["episodes"])
    def get_episode(episode_id: str) -> dict[str, Any]:
        """One episode with its consolidated events."""
        with service.reader() as store:
            eps = store.episodes(ids=[episode_id])
            if not eps:
                raise not_found("episode", episode_id)
            out = eps[0].to_dict()
            out["consolidated"] = store.consolidated(episode_id=episode_id)
            return out

    # --------------------------------------------------------------------------------- actors

    @app.get("/api/actors", tags=["actors"])
    def list_actors(
        q: str | None = Query(None, description="name contains"),
        country: str | None = Query(None, description="country code"),
        limit: int = LIMIT, offset: int = OFFSET,
    ) -> dict[str, Any]:
        """Resolved actors with mention counts, most mentioned first."""
        with service.reader() as store:
            return queries.actors_page(store, q=q, country=country, limit=limit, offset=offset).to_dict()

    @app.get("/api/actors/{actor_id}", tags=["actors"])
    def get_actor(actor_id: str) -> dict[str, Any]:
        """By knowledge-base id or by name."""
        with service.reader() as store:
            found = queries.find_actor(store, actor_id)
        if found is None:
            raise not_found("actor", actor_id)
        return found

    # ----------------------------------------------------------------------------------- tone

    @app.get("/api/tone", tags=["tone"])
    def get_tone(
        dyad: str | None = DYAD, freq: str = Query("week", description="day, week or month"),
        actor: str | None = ACTOR, type: str | None = TYPE, date_from: str | None = FROM,
        date_to: str | None = TO, episode: str | None = EPISODE,
        limit: int = Query(queries.MAX_LIMIT, ge=1, le=queries.MAX_LIMIT), offset: int = OFFSET,
    ) -> dict[str, Any]:
        """Mean tone per pair and period: points {pair, period, mean, count, conflict_share,
        event_ids}."""
        f = queries.event_filter(
            dyad=dyad, actor=actor, type=type, date_from=date_from, date_to=date_to, episode=episode,
        )
        fr = queries.parse_freq(freq)
        with service.reader() as store:
            return queries.tone_page(store, f, dyad=f.dyad, freq=fr, limit=limit, offset=offset).to_dict()

    @app.get("/api/pairs", tags=["tone"])
    def get_pairs() -> dict[str, Any]:
        """Country pairs with events between them (for the dashboard's pair selector)."""
        with service.reader() as store:
            items = queries.pairs(store)
        return {"items": items, "total": len(items), "limit": len(items), "offset": 0}

    @app.get("/api/meta", tags=["meta"])
    def get_meta() -> dict[str, Any]:
        """Store counts and the event types filters accept."""
        with service.reader() as store:
            counts = store.counts()
        return {"version": _version(), "event_types": list(EVENT_TYPES), "counts": counts}

    # --------------------------------------------------------------------------------- ingest

    @app.post(
        "/api/ingest",
        tags=["ingest"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"multipart/form-data": {"schema": {
                    "type": "object",
                    "required": [UPLOAD_FIELD],
                    "properties": {UPLOAD_FIELD: {
                        "type": "array", "items": {"type": "string", "format": "binary"},
                        "description": "files in any format `communique run` reads "
                                       "(.txt .html .jsonl .json .csv .xml .rss .atom)",
                    }},
                }}},
            },
            "security": [{"bearer": []}],
        },
    )
    async def ingest(request: Request) -> dict[str, Any]:
        """Upload files and run them through the pipeline into the store. Needs the configured
        token as ``Authorization: Bearer``. A malformed or oversized upload stores nothing."""
        service.check_token(request.headers.get("authorization"))
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > service.max_upload + MULTIPART_SLACK:
            raise ApiError(
                f"upload of {length} bytes is over api.max_upload_bytes={service.max_upload}",
                code="C805", status=413,
            )
        if not request.headers.get("content-type", "").startswith("multipart/form-data"):
            raise ApiError(
                f"send the files as multipart/form-data field '{UPLOAD_FIELD}'",
                code="C806", status=422, param=UPLOAD_FIELD,
            )
        try:
            form = await request.form(max_files=MAX_UPLOAD_FILES)
        except Exception as exc:  # starlette raises several types for bad multipart bodies
            raise ApiError(f"malformed multipart body: {exc}", code="C806", status=422,
                           param=UPLOAD_FIELD) from exc
        try:
            uploads = [v for k, v in form.multi_items() if k == UPLOAD_FIELD and isinstance(v, UploadFile)]
            if not uploads:
                raise ApiError(f"no file in multipart field '{UPLOAD_FIELD}'", code="C806",
                               status=422, param=UPLOAD_FIELD)
            from communique.ingest import EXTENSIONS

            known = sorted({*EXTENSIONS, ".xml", ".rss", ".atom"})
            with tempfile.TemporaryDirectory(prefix="communique-upload-") as tmp:
                paths: list[Path] = []
                names: dict[str, str] = {}
                total = 0
                for i, up in enumerate(uploads):
                    shown, disk = _safe_name(up.filename, i)
                    suffix = Path(disk).suffix.lower()
                    if suffix not in known:
                        raise ApiError(
                            f"'{shown}': unknown format '{suffix or '(no extension)'}'; "
                            f"use one of {' '.join(known)}",
                            code="C806", status=422, param=UPLOAD_FIELD,
                        )
                    dest = Path(tmp) / disk
                    with dest.open("wb") as out:
                        while chunk := await up.read(UPLOAD_CHUNK):
                            total += len(chunk)
                            if total > service.max_upload:
                                raise ApiError(
                                    f"upload is over api.max_upload_bytes={service.max_upload}",
                                    code="C805", status=413,
                                )
                            out.write(chunk)
                    paths.append(dest)
                    names[str(dest)] = shown
                return await run_in_threadpool(service.ingest_files, paths, names)
        finally:
            await form.close()

    # ------------------------------------------------------------------------------ dashboard

    @app.get("/", include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse(
            INDEX_HTML.read_text(encoding="utf-8"),
            headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY},
        )

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
