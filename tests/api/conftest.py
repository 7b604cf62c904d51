"""Fixtures for the HTTP API tests: a sample store and a TestClient over the real app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api.sample_store import build_sample_store
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.config import Options


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_store(tmp_path_factory.mktemp("api") / "sample.duckdb")


@pytest.fixture(scope="session")
def client(sample_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Options(), db_path=str(sample_db))) as c:
        yield c
