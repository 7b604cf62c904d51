"""Fixtures for the stories tests. The records live in ``story_corpus`` (a uniquely named module:
``from conftest import`` is ambiguous when several test folders have a conftest)."""

from __future__ import annotations

import pytest
from story_corpus import Corpus, build_corpus


@pytest.fixture()
def corpus() -> Corpus:
    return build_corpus()
