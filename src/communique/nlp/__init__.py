"""spaCy stage: load the English pipeline once, parse cleaned text in batches."""

from __future__ import annotations

__all__ = ["load_model", "sentences_of", "INSTALL_HINT"]

from communique.nlp.model import INSTALL_HINT, load_model, sentences_of
