"""The DuckDB store: one file holds documents, sentences, mentions, events, quotes and stories.

Why this shape:
- Each record keeps its full JSON (``record``) so exports round-trip exactly, plus flat columns
  for filtering (type, countries, dates) that the CLI, HTTP API and dashboard query.
- Writes go through Arrow tables in batches (row-by-row inserts are ~1000x slower in DuckDB).
- One transaction per batch of documents: a crash or Ctrl-C leaves whole documents or nothing,
  and the next run skips ids already stored, so a re-run adds nothing and resumes where it stopped.
- Corpus-wide results (near-duplicates, episodes, consolidated events) are derived tables that are
  replaced whole, in one transaction, after the per-document batches.
"""

from __future__ import annotations

__all__ = [
    "Store",
    "SCHEMA_VERSION",
    "EventFilter",
    "QuoteFilter",
    "DocumentFilter",
    "event_filter_sql",
    "quote_filter_sql",
    "document_filter_sql",
]

import json
import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from communique.errors import Failure, StoreError
from communique.records import (
    ActorRef,
    DocResult,
    Document,
    Episode,
    Event,
    Mention,
    Quote,
    Sentence,
)

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, seq BIGINT, title VARCHAR, source VARCHAR, url VARCHAR,
    published VARCHAR, author VARCHAR, origin VARCHAR, format VARCHAR, text VARCHAR,
    content_hash VARCHAR, duplicate_of VARCHAR, similarity DOUBLE, n_removed INTEGER,
    n_flags INTEGER, signature UBIGINT[], record VARCHAR, run_id VARCHAR, stored_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR, idx INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR, actor_id VARCHAR,
    name VARCHAR, country VARCHAR, sector VARCHAR, office VARCHAR, method VARCHAR,
    sentence INTEGER, confidence DOUBLE, record VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR, episode_id VARCHAR, type VARCHAR, mode VARCHAR,
    cameo VARCHAR, quad INTEGER, score DOUBLE, source_name VARCHAR, source_country VARCHAR,
    source_sector VARCHAR, target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    date VARCHAR, date_precision VARCHAR, location_name VARCHAR, location_country VARCHAR,
    negated BOOLEAN, confidence DOUBLE, sentence VARCHAR, span_start INTEGER, span_end INTEGER,
    record VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR, episode_id VARCHAR, speaker_name VARCHAR,
    speaker_country VARCHAR, speaker_sector VARCHAR, text VARCHAR, span_start INTEGER,
    span_end INTEGER, direct BOOLEAN, cue VARCHAR, event_id VARCHAR, date VARCHAR, record VARCHAR
);
CREATE TABLE IF NOT EXISTS episodes (
    id VARCHAR PRIMARY KEY, label VARCHAR, start_date VARCHAR, end_date VARCHAR, place VARCHAR,
    country VARCHAR, n_docs INTEGER, n_events INTEGER, record VARCHAR
);
CREATE TABLE IF NOT EXISTS consolidated (
    id VARCHAR PRIMARY KEY, episode_id VARCHAR, type VARCHAR, source_country VARCHAR,
    target_country VARCHAR, date VARCHAR, n_mentions INTEGER, n_articles INTEGER,
    n_independent INTEGER, record VARCHAR
);
CREATE TABLE IF NOT EXISTS doc_flags (doc_id VARCHAR, code VARCHAR, record VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
    id VARCHAR PRIMARY KEY, started VARCHAR, finished VARCHAR, status VARCHAR,
    n_stored INTEGER, n_skipped INTEGER, n_failed INTEGER, failures VARCHAR
);
"""

_TABLES = ("documents", "sentences", "mentions", "events", "quotes")


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _actor_cols(a: ActorRef | None) -> tuple[str | None, str | None, str | None]:
    if a is None:
        return (None, None, None)
    return (a.name or a.text, a.country, a.sector)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters shared by the CLI, the HTTP API and the dashboard."""

    doc_id: str | None = None
    episode_id: str | None = None
    type: str | None = None
    actor: str | None = None  # a country code or a name (matches source or target)
    dyad: tuple[str, str] | None = None  # (A, B): either direction
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None  # full text over the evidence sentence
    ids: tuple[str, ...] | None = None


def _where(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""


def event_filter_sql(f: EventFilter) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.doc_id:
        where.append("doc_id = ?")
        params.append(f.doc_id)
    if f.episode_id:
        where.append("episode_id = ?")
        params.append(f.episode_id)
    if f.type:
        where.append("type = ?")
        params.append(f.type.upper())
    if f.actor:
        where.append(
            "(source_country = ? OR target_country = ? OR lower(source_name) = lower(?) "
            "OR lower(target_name) = lower(?))"
        )
        params += [f.actor.upper(), f.actor.upper(), f.actor, f.actor]
    if f.dyad:
        a, b = (x.upper() for x in f.dyad)
        where.append(
            "((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))"
        )
        params += [a, b, b, a]
    if f.date_from:
        where.append("date >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("date <= ?")
        params.append(f.date_to + "\uffff")
    if f.q:
        where.append("sentence ILIKE ?")
        params.append(f"%{f.q}%")
    if f.ids is not None:
        where.append("list_contains(?, id)")
        params.append(list(f.ids))
    return _where(where), params


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Quote filters shared by the CLI and the HTTP API. ``speaker`` is a name or a country code;
    ``dyad`` keeps quotes whose speaker belongs to either side."""

    doc_id: str | None = None
    episode_id: str | None = None
    speaker: str | None = None
    dyad: tuple[str, str] | None = None
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None


def quote_filter_sql(f: QuoteFilter) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.doc_id:
        where.append("doc_id = ?")
        params.append(f.doc_id)
    if f.episode_id:
        where.append("episode_id = ?")
        params.append(f.episode_id)
    if f.speaker:
        where.append("(lower(speaker_name) = lower(?) OR speaker_country = upper(?))")
        params += [f.speaker, f.speaker]
    if f.dyad:
        where.append("speaker_country IN (?, ?)")
        params += [x.upper() for x in f.dyad]
    if f.date_from:
        where.append("date >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("date <= ?")
        params.append(f.date_to + "\uffff")
    if f.q:
        where.append("text ILIKE ?")
        params.append(f"%{f.q}%")
    return _where(where), params


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    """Document filters: full text over title and text, publication dates, ids, and an event
    filter that keeps documents with at least one matching event."""

    q: str | None = None
    published_from: str | None = None
    published_to: str | None = None
    ids: tuple[str, ...] | None = None
    events: EventFilter | None = None


def document_filter_sql(f: DocumentFilter) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.ids is not None:
        where.append("list_contains(?, id)")
        params.append(list(f.ids))
    if f.q:
        where.append("(text ILIKE ? OR title ILIKE ?)")
        params += [f"%{f.q}%", f"%{f.q}%"]
    if f.published_from:
        where.append("published >= ?")
        params.append(f.published_from)
    if f.published_to:
        where.append("published <= ?")
        params.append(f.published_to + "\uffff")
    if f.events is not None and f.events != EventFilter():
        ev_where, ev_params = event_filter_sql(f.events)
        where.append(f"id IN (SELECT doc_id FROM events{ev_where})")
        params += ev_params
    return _where(where), params


class Store:
    """A DuckDB file. Use as a context manager; ``read_only=True`` for servers and exports."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}; run `communique run PATH` first", code="C501", path=self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store: {exc}", code="C502", path=self.path) from exc
        self.read_only = read_only
        if not read_only:
            self.con.execute(_DDL)
        self._check_version()

    # ------------------------------------------------------------------------------- lifecycle

    def _check_version(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException as exc:
            raise StoreError("not a communique store (no meta table)", code="C503", path=self.path) from exc
        if row is None:
            if self.read_only:
                raise StoreError("store has no schema version", code="C503", path=self.path)
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        elif int(row[0]) != SCHEMA_VERSION:
            raise StoreError(
                f"store schema version {row[0]}, this communique writes {SCHEMA_VERSION}; "
                "re-run into a new --db file",
                code="C504",
                path=self.path,
            )

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------------------------- writes

    def known_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT id FROM documents").fetchall()}

    def start_run(self) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs VALUES (?, ?, NULL, 'running', 0, 0, 0, '[]')",
            [run_id, datetime.now(UTC).isoformat(timespec="seconds")],
        )
        return run_id

    def finish_run(
        self, run_id: str, *, status: str, stored: int, skipped: int, failures: Sequence[Failure]
    ) -> None:
        self.con.execute(
            "UPDATE runs SET finished = ?, status = ?, n_stored = ?, n_skipped = ?, n_failed = ?, "
            "failures = ? WHERE id = ?",
            [
                datetime.now(UTC).isoformat(timespec="seconds"),
                status,
                stored,
                skipped,
                len(failures),
                _j([f.to_dict() for f in failures]),
                run_id,
            ],
        )

    def write_results(self, results: Sequence[DocResult], *, run_id: str | None = None) -> int:
        """Store a batch in one transaction; documents already stored are skipped. Returns the
        number of documents written."""
        known = self.known_ids()
        fresh: list[DocResult] = []
        seen: set[str] = set()
        for r in results:
            if r.document.id in known or r.document.id in seen:
                continue
            seen.add(r.document.id)
            fresh.append(r)
        if not fresh:
            return 0
        seq0 = self.con.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()[0]  # type: ignore[index]
        now = datetime.now(UTC).replace(tzinfo=None)
        tables = self._arrow(fresh, seq0=int(seq0), run_id=run_id, now=now)
        self.con.begin()
        try:
            for name, table in tables.items():
                if table.num_rows == 0:
                    continue
                self.con.register("_batch", table)
                cols = ", ".join(f'"{c}"' for c in table.column_names)
                self.con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM _batch")
                self.con.unregister("_batch")
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        return len(fresh)

    @staticmethod
    def _arrow(
        results: Sequence[DocResult], *, seq0: int, run_id: str | None, now: datetime
    ) -> dict[str, pa.Table]:
        docs: dict[str, list[Any]] = {k: [] for k in (
            "id", "seq", "title", "source", "url", "published", "author", "origin", "format",
            "text", "content_hash", "duplicate_of", "similarity", "n_removed", "n_flags",
            "signature", "record", "run_id", "stored_at")}
        sents: dict[str, list[Any]] = {k: [] for k in ("doc_id", "idx", "start_char", "end_char", "text")}
        ments: dict[str, list[Any]] = {k: [] for k in (
            "doc_id", "start_char", "end_char", "text", "actor_id", "name", "country", "sector",
            "office", "method", "sentence", "confidence", "record")}
        evs: dict[str, list[Any]] = {k: [] for k in (
            "id", "doc_id", "episode_id", "type", "mode", "cameo", "quad", "score", "source_name",
            "source_country", "source_sector", "target_name", "target_country", "target_sector",
            "date", "date_precision", "location_name", "location_country", "negated",
            "confidence", "sentence", "span_start", "span_end", "record")}
        qts: dict[str, list[Any]] = {k: [] for k in (
            "id", "doc_id", "episode_id", "speaker_name", "speaker_country", "speaker_sector",
            "text", "span_start", "span_end", "direct", "cue", "event_id", "date", "record")}
        for i, r in enumerate(results, start=1):
            d = r.document
            doc_row: tuple[tuple[str, Any], ...] = (
                ("id", d.id), ("seq", seq0 + i), ("title", d.title), ("source", d.source),
                ("url", d.url), ("published", d.published), ("author", d.author),
                ("origin", d.origin), ("format", d.format), ("text", d.text),
                ("content_hash", d.content_hash), ("duplicate_of", d.duplicate_of),
                ("similarity", d.similarity), ("n_removed", len(d.removed)),
                ("n_flags", len(d.flags)), ("signature", list(r.signature) or None),
                ("record", _j(d.to_dict())), ("run_id", run_id), ("stored_at", now),
            )
            for k, v in doc_row:
                docs[k].append(v)
            for s in r.sentences:
                for k, v in zip(sents, (s.doc_id, s.index, s.start, s.end, s.text), strict=True):
                    sents[k].append(v)
            for m in r.mentions:
                a = m.actor
                for k, v in zip(ments, (
                    m.doc_id, m.start, m.end, m.text, a.actor_id, a.name, a.country, a.sector,
                    a.office, m.method, m.sentence, m.confidence, _j(m.to_dict())), strict=True):
                    ments[k].append(v)
            for e in r.events:
                sn, sc, ss = _actor_cols(e.source)
                tn, tc, ts = _actor_cols(e.target)
                loc = e.location
                for k, v in zip(evs, (
                    e.id, e.doc_id, e.episode_id, e.type, e.mode, e.cameo, e.quad, e.score,
                    sn, sc, ss, tn, tc, ts, e.date, e.date_precision,
                    loc.name if loc else None, loc.country if loc else None, e.negated,
                    e.confidence, e.sentence, e.span[0], e.span[1], _j(e.to_dict())), strict=True):
                    evs[k].append(v)
            for q in r.quotes:
                qn, qc, qs = _actor_cols(q.speaker)
                for k, v in zip(qts, (
                    q.id, q.doc_id, q.episode_id, qn, qc, qs, q.text, q.span[0], q.span[1],
                    q.direct, q.cue, q.event_id, q.date, _j(q.to_dict())), strict=True):
                    qts[k].append(v)
        doc_schema = pa.schema([
            ("id", pa.string()), ("seq", pa.int64()), ("title", pa.string()), ("source", pa.string()),
            ("url", pa.string()), ("published", pa.string()), ("author", pa.string()),
            ("origin", pa.string()), ("format", pa.string()), ("text", pa.string()),
            ("content_hash", pa.string()), ("duplicate_of", pa.string()), ("similarity", pa.float64()),
            ("n_removed", pa.int32()), ("n_flags", pa.int32()), ("signature", pa.list_(pa.uint64())),
            ("record", pa.string()), ("run_id", pa.string()), ("stored_at", pa.timestamp("us")),
        ])
        return {
            "documents": pa.table(docs, schema=doc_schema),
            "sentences": pa.table(sents),
            "mentions": pa.table(ments) if ments["doc_id"] else pa.table({}),
            "events": pa.table(evs) if evs["id"] else pa.table({}),
            "quotes": pa.table(qts) if qts["id"] else pa.table({}),
        }

    def set_duplicates(self, mapping: dict[str, tuple[str, float]]) -> None:
        """Replace every document's duplicate_of/similarity (corpus-wide, one transaction)."""
        self.con.begin()
        try:
            self.con.execute("UPDATE documents SET duplicate_of = NULL, similarity = NULL")
            if mapping:
                table = pa.table({
                    "id": list(mapping),
                    "dup": [v[0] for v in mapping.values()],
                    "sim": [float(v[1]) for v in mapping.values()],
                })
                self.con.register("_dups", table)
                self.con.execute(
                    "UPDATE documents SET duplicate_of = _dups.dup, similarity = _dups.sim "
                    "FROM _dups WHERE documents.id = _dups.id"
                )
                self.con.unregister("_dups")
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def replace_stories(
        self,
        episodes: Sequence[Episode],
        consolidated: Sequence[dict[str, Any]] = (),
        *,
        doc_flags: dict[str, list[dict[str, Any]]] | None = None,
    ) -> None:
        """Replace episodes, consolidated events and story-level document flags, and point
        events/quotes at their episode — all in one transaction."""
        ev_ep = {eid: ep.id for ep in episodes for eid in ep.event_ids}
        q_ep = {qid: ep.id for ep in episodes for qid in ep.quote_ids}
        self.con.begin()
        try:
            for t in ("episodes", "consolidated", "doc_flags"):
                self.con.execute(f"DELETE FROM {t}")
            self.con.execute("UPDATE events SET episode_id = NULL")
            self.con.execute("UPDATE quotes SET episode_id = NULL")
            if episodes:
                self.con.register("_eps", pa.table({
                    "id": [e.id for e in episodes],
                    "label": [e.label for e in episodes],
                    "start_date": [e.start for e in episodes],
                    "end_date": [e.end for e in episodes],
                    "place": [e.place for e in episodes],
                    "country": [e.country for e in episodes],
                    "n_docs": pa.array([len(e.doc_ids) for e in episodes], pa.int32()),
                    "n_events": pa.array([len(e.event_ids) for e in episodes], pa.int32()),
                    "record": [_j(e.to_dict()) for e in episodes],
                }))
                self.con.execute("INSERT INTO episodes SELECT * FROM _eps")
                self.con.unregister("_eps")
            if consolidated:
                self.con.register("_con", pa.table({
                    "id": [c["id"] for c in consolidated],
                    "episode_id": [c.get("episode_id") for c in consolidated],
                    "type": [c.get("type") for c in consolidated],
                    "source_country": [c.get("source_country") for c in consolidated],
                    "target_country": [c.get("target_country") for c in consolidated],
                    "date": [c.get("date") for c in consolidated],
                    "n_mentions": pa.array([c.get("n_mentions", 0) for c in consolidated], pa.int32()),
                    "n_articles": pa.array([c.get("n_articles", 0) for c in consolidated], pa.int32()),
                    "n_independent": pa.array([c.get("n_independent", 0) for c in consolidated], pa.int32()),
                    "record": [_j(c) for c in consolidated],
                }))
                self.con.execute("INSERT INTO consolidated SELECT * FROM _con")
                self.con.unregister("_con")
            for name, mapping in (("events", ev_ep), ("quotes", q_ep)):
                if mapping:
                    self.con.register("_map", pa.table({"id": list(mapping), "ep": list(mapping.values())}))
                    self.con.execute(
                        f"UPDATE {name} SET episode_id = _map.ep FROM _map WHERE {name}.id = _map.id"
                    )
                    self.con.unregister("_map")
            rows = [(d, f.get("code"), _j(f)) for d, fl in (doc_flags or {}).items() for f in fl]
            if rows:
                self.con.register("_fl", pa.table({
                    "doc_id": [r[0] for r in rows], "code": [r[1] for r in rows], "record": [r[2] for r in rows],
                }))
                self.con.execute("INSERT INTO doc_flags SELECT * FROM _fl")
                self.con.unregister("_fl")
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    # ----------------------------------------------------------------------------------- reads

    def counts(self) -> dict[str, int]:
        out = {}
        for t in (*_TABLES, "episodes", "consolidated"):
            out[t] = int(self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # type: ignore[index]
        return out

    def signatures(self) -> list[tuple[str, tuple[int, ...]]]:
        """(id, MinHash signature) in duplicate-resolution order: publication date, then
        ingestion order — the earlier document is the original."""
        rows = self.con.execute(
            "SELECT id, signature FROM documents WHERE signature IS NOT NULL "
            "ORDER BY published NULLS LAST, seq"
        ).fetchall()
        return [(r[0], tuple(r[1])) for r in rows]

    def _records(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self.con.execute(sql, list(params)).fetchall()]

    def documents(
        self, f: DocumentFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Document]:
        """Documents in ingestion order, with current duplicate_of and story flags merged in."""
        where, params = document_filter_sql(f or DocumentFilter())
        sql = f"SELECT record, duplicate_of, similarity, id FROM documents{where} ORDER BY seq"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        rows = self.con.execute(sql, params).fetchall()
        story_flags: dict[str, list[dict[str, Any]]] = {}
        if rows:
            for doc_id, rec in self.con.execute(
                "SELECT doc_id, record FROM doc_flags WHERE list_contains(?, doc_id)",
                [[r[3] for r in rows]],
            ).fetchall():
                story_flags.setdefault(doc_id, []).append(json.loads(rec))
        out = []
        for rec, dup, sim, doc_id in rows:
            d = json.loads(rec)
            d["duplicate_of"], d["similarity"] = dup, sim
            d["flags"] = list(d.get("flags") or []) + story_flags.get(doc_id, [])
            out.append(Document.from_dict(d))
        return out

    def count_documents(self, f: DocumentFilter | None = None) -> int:
        where, params = document_filter_sql(f or DocumentFilter())
        return int(self.con.execute(f"SELECT count(*) FROM documents{where}", params).fetchone()[0])  # type: ignore[index]

    def document(self, doc_id: str) -> Document | None:
        docs = self.documents(DocumentFilter(ids=(doc_id,)))
        return docs[0] if docs else None

    def sentences(self, doc_id: str) -> list[Sentence]:
        rows = self.con.execute(
            "SELECT doc_id, idx, start_char, end_char, text FROM sentences WHERE doc_id = ? ORDER BY idx",
            [doc_id],
        ).fetchall()
        return [Sentence(*r) for r in rows]

    def mentions(self, doc_id: str | None = None) -> list[Mention]:
        if doc_id:
            return [Mention.from_dict(r) for r in self._records(
                "SELECT record FROM mentions WHERE doc_id = ? ORDER BY start_char", [doc_id])]
        return [Mention.from_dict(r) for r in self._records(
            "SELECT record FROM mentions ORDER BY doc_id, start_char")]

    def events(
        self, f: EventFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Event]:
        where, params = event_filter_sql(f or EventFilter())
        sql = f"SELECT record, episode_id FROM events{where} ORDER BY date NULLS LAST, doc_id, span_start, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        out = []
        for rec, ep in self.con.execute(sql, params).fetchall():
            d = json.loads(rec)
            d["episode_id"] = ep
            out.append(Event.from_dict(d))
        return out

    def count_events(self, f: EventFilter | None = None) -> int:
        where, params = event_filter_sql(f or EventFilter())
        return int(self.con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0])  # type: ignore[index]

    def quotes(
        self, f: QuoteFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Quote]:
        where, params = quote_filter_sql(f or QuoteFilter())
        sql = f"SELECT record, episode_id FROM quotes{where} ORDER BY date NULLS LAST, doc_id, span_start, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [self._quote(rec, ep) for rec, ep in self.con.execute(sql, params).fetchall()]

    def count_quotes(self, f: QuoteFilter | None = None) -> int:
        where, params = quote_filter_sql(f or QuoteFilter())
        return int(self.con.execute(f"SELECT count(*) FROM quotes{where}", params).fetchone()[0])  # type: ignore[index]

    def quote(self, quote_id: str) -> Quote | None:
        row = self.con.execute("SELECT record, episode_id FROM quotes WHERE id = ?", [quote_id]).fetchone()
        return None if row is None else self._quote(row[0], row[1])

    @staticmethod
    def _quote(rec: str, episode_id: str | None) -> Quote:
        d = json.loads(rec)
        d["episode_id"] = episode_id
        return Quote.from_dict(d)

    def episodes(self, *, ids: Iterable[str] | None = None) -> list[Episode]:
        if ids is not None:
            return [Episode.from_dict(r) for r in self._records(
                "SELECT record FROM episodes WHERE list_contains(?, id) ORDER BY start_date NULLS LAST, id",
                [list(ids)])]
        return [Episode.from_dict(r) for r in self._records(
            "SELECT record FROM episodes ORDER BY start_date NULLS LAST, id")]

    def consolidated(self, *, episode_id: str | None = None) -> list[dict[str, Any]]:
        if episode_id:
            return self._records(
                "SELECT record FROM consolidated WHERE episode_id = ? ORDER BY date, id", [episode_id])
        return self._records("SELECT record FROM consolidated ORDER BY date NULLS LAST, id")

    def actors(self) -> list[dict[str, Any]]:
        """Resolved actors with mention counts (the ``actors`` export)."""
        rows = self.con.execute(
            "SELECT coalesce(name, text) AS n, country, sector, count(*) AS c, "
            "count(DISTINCT doc_id) AS d, any_value(actor_id) AS aid "
            "FROM mentions GROUP BY n, country, sector ORDER BY c DESC, n"
        ).fetchall()
        return [
            {"name": r[0], "country": r[1], "sector": r[2], "mentions": int(r[3]),
             "documents": int(r[4]), "actor_id": r[5]}
            for r in rows
        ]

    def runs(self) -> list[dict[str, Any]]:
        cols = ("id", "started", "finished", "status", "n_stored", "n_skipped", "n_failed", "failures")
        rows = self.con.execute(f"SELECT {', '.join(cols)} FROM runs ORDER BY started").fetchall()
        return [dict(zip(cols, r, strict=True)) | {"failures": json.loads(r[7] or "[]")} for r in rows]
