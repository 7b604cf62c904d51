"""Fixtures for the report tests: the sample store shared with the API tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from api.sample_store import build_sample_store


@pytest.fixture(scope="session")
def report_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_store(tmp_path_factory.mktemp("report") / "sample.duckdb")
