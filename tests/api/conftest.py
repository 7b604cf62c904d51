"""Fixtures for the HTTP API tests: a sample store and a TestClient over the real app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api.sample_store import build_sample_store
from api.testclient import TestClient

from communique.api import create_app
from communique.config import Options


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_store(tmp_path_factory.mktemp("api") / "sample.duckdb")


@pytest.fixture(scope="session")
def client(sample_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Options(), db_path=str(sample_db), environ={})) as c:
        yield c


@pytest.fixture()
def make_client(tmp_path: Path) -> Iterator[object]:
    """A client over a fresh, writable sample store, with options overrides (for ingest)."""
    clients: list[TestClient] = []

    def make(overrides: dict[str, object] | None = None, environ: dict[str, str] | None = None) -> TestClient:
        db = build_sample_store(tmp_path / f"ingest{len(clients)}.duckdb")
        app = create_app(Options().with_overrides(overrides or {}), db_path=str(db), environ=environ or {})
        c = TestClient(app)
        c.__enter__()
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.__exit__(None, None, None)
