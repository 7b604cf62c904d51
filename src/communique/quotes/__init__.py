"""Quotes: who said what (direct quotes, split and multi-paragraph quotes, indirect speech)."""

from __future__ import annotations

__all__ = ["find_quote_spans", "extract_attributions", "quotes_for", "load_cues", "Attribution", "QuoteSpan"]

from communique.quotes.attribute import Attribution, extract_attributions
from communique.quotes.lexicon import load_cues
from communique.quotes.marks import QuoteSpan, find_quote_spans
from communique.quotes.stage import quotes_for
