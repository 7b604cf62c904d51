"""Clean: strip page boilerplate (recorded, never silent), keep contributors, set quality flags,
and compute the MinHash signature used to find near-duplicate articles.

Patterns live in ``communique/clean/data/boilerplate.toml``; users add files through the option
``clean.pattern_files``.
"""

from __future__ import annotations

__all__ = [
    "clean_document",
    "clean_text",
    "Rules",
    "load_rules",
    "default_rules",
    "signature",
    "find_duplicates",
    "make",
]

from communique.clean.cleaner import clean_document, clean_text
from communique.clean.dedup import find_duplicates, signature
from communique.clean.rules import Rules, default_rules, load_rules
from communique.clean.stage import make
