"""The speech-cue lexicon (``quotes/data/cues.toml``), loaded and validated once."""

from __future__ import annotations

__all__ = ["CueLexicon", "load_cues", "DEFAULT_CUES"]

import functools
from dataclasses import dataclass
from pathlib import Path

from communique.errors import KnowledgeError
from communique.knowledge import data_path, read_toml

DEFAULT_CUES = data_path("quotes", "cues.toml")


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Reporting-verb lemmas (all / those that introduce indirect speech), cue phrases, and the
    pronoun and title words that stand for a speaker named earlier."""

    verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    accusation_verbs: frozenset[str]
    according: tuple[str, ...]
    audience: tuple[str, ...]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    titles: frozenset[str]
    # "the ministry said": the last organisation named with that head noun
    body_nouns: frozenset[str] = frozenset()


def _words(raw: object, where: str, path: Path) -> list[str]:
    if not isinstance(raw, list) or not raw:
        raise KnowledgeError(f"'{where}' must be a non-empty list of strings", code="C351", path=str(path))
    out = []
    for w in raw:
        if not isinstance(w, str) or not w.strip():
            raise KnowledgeError(f"'{where}' has an empty or non-string entry {w!r}", code="C351", path=str(path))
        out.append(w.strip().lower())
    return out


@functools.lru_cache(maxsize=8)
def load_cues(path: str | Path = DEFAULT_CUES) -> CueLexicon:
    """Read and check the cue file; a malformed entry is a ``KnowledgeError`` [C351]."""
    p = Path(path)
    raw = read_toml(p)
    verbs: set[str] = set()
    indirect: set[str] = set()
    groups = raw.get("verbs")
    if not isinstance(groups, list) or not groups:
        raise KnowledgeError("missing [[verbs]] tables", code="C351", path=str(p))
    for i, group in enumerate(groups):
        lemmas = _words(group.get("lemmas"), f"verbs[{i}].lemmas", p)
        flag = group.get("indirect", False)
        if not isinstance(flag, bool):
            raise KnowledgeError(f"verbs[{i}].indirect must be true or false", code="C351", path=str(p))
        verbs.update(lemmas)
        if flag:
            indirect.update(lemmas)
    phrases = raw.get("phrases") or {}
    speakers = raw.get("speakers") or {}
    return CueLexicon(
        verbs=frozenset(verbs),
        indirect_verbs=frozenset(indirect),
        accusation_verbs=frozenset(_words(raw.get("accusation", {}).get("lemmas"), "accusation.lemmas", p)),
        according=tuple(_words(phrases.get("according"), "phrases.according", p)),
        audience=tuple(_words(phrases.get("audience"), "phrases.audience", p)),
        person_pronouns=frozenset(_words(speakers.get("person_pronouns"), "speakers.person_pronouns", p)),
        group_pronouns=frozenset(_words(speakers.get("group_pronouns"), "speakers.group_pronouns", p)),
        titles=frozenset(_words(speakers.get("titles"), "speakers.titles", p)),
        body_nouns=frozenset(
            _words(speakers["body_nouns"], "speakers.body_nouns", p) if "body_nouns" in speakers else ()
        ),
    )
