"""Boilerplate rules: loaded from TOML data files and validated before any text is touched.

The built-in file is ``communique/clean/data/boilerplate.toml``; users add files through the
option ``clean.pattern_files``. A rule in a later file with the name of an earlier one replaces
it, so a user can fix a built-in rule without editing the package.
"""

from __future__ import annotations

__all__ = ["Rule", "Rules", "load_rules", "default_rules", "BUILTIN_FILE", "SCOPES"]

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from communique.errors import KnowledgeError
from communique.knowledge import LINE, Validator, check_pattern, data_path, read_toml

SCOPES = frozenset({"line", "inline"})
BUILTIN_FILE = "boilerplate.toml"
_KEYS = frozenset({"name", "scope", "reason", "regex", "comment", LINE})
_SNAKE = re.compile(r"[a-z][a-z0-9_]*")
# Group names a contributor rule uses for the names it captures.
NAME_GROUPS = ("names", "names2", "names3")


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled boilerplate rule; ``origin`` is ``file:line`` for error messages."""

    name: str
    scope: str
    reason: str
    pattern: re.Pattern[str]
    comment: str
    origin: str


@dataclass(frozen=True, slots=True)
class Rules:
    """Rules by scope, in file order (the first matching line rule wins)."""

    line: tuple[Rule, ...]
    inline: tuple[Rule, ...]

    @property
    def names(self) -> list[str]:
        return [r.name for r in self.line + self.inline]


def _lines_of_rules(text: str) -> list[int]:
    """1-based line of each ``[[rule]]`` header, so errors can point at the rule."""
    return [i for i, ln in enumerate(text.splitlines(), start=1) if ln.strip() == "[[rule]]"]


def _read_file(path: Path) -> list[Rule]:
    data = read_toml(path)
    unknown = set(data) - {"rule"}
    if unknown:
        raise KnowledgeError(
            f"unknown top-level key(s) {sorted(unknown)}; a pattern file holds only [[rule]] tables",
            code="C302",
            path=str(path),
        )
    entries = data.get("rule")
    if not isinstance(entries, list) or not entries:
        raise KnowledgeError("no [[rule]] tables in pattern file", code="C302", path=str(path))
    try:
        lines = _lines_of_rules(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        lines = []
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        record: dict[str, Any] = dict(entry)
        record[LINE] = lines[i] if i < len(lines) else None
        v = Validator(path, record)
        extra = set(record) - _KEYS
        if extra:
            raise v.fail(
                f"unknown field(s) {sorted(extra)}; allowed: name, scope, reason, regex, comment"
            )
        name = v.str("name")
        if name in seen:
            raise v.fail(f"duplicate rule name '{name}' in this file")
        seen.add(name)
        scope = v.str("scope", choices=SCOPES)
        reason = v.str("reason")
        if not _SNAKE.fullmatch(reason):
            raise v.fail(f"reason {reason!r} must be snake_case (it is stored on every removal)")
        v.str("comment")
        pattern = check_pattern(v.str("regex"), path=path, line=v.line)
        if reason == "contributor_line" and not set(NAME_GROUPS) & set(pattern.groupindex):
            raise v.fail("a contributor_line rule needs a (?P<names>...) group for the names")
        rules.append(Rule(name, scope, reason, pattern, record["comment"], f"{path}:{v.line}"))
    return rules


def load_rules(extra_files: Sequence[str | Path] = ()) -> Rules:
    """The built-in rules plus ``extra_files``; a later rule with an earlier name replaces it."""
    by_name: dict[str, Rule] = {}
    for file in (data_path("clean", BUILTIN_FILE), *map(Path, extra_files)):
        for rule in _read_file(Path(file)):
            by_name[rule.name] = rule  # a replacement keeps the replaced rule's position
    ordered = list(by_name.values())
    return Rules(
        line=tuple(r for r in ordered if r.scope == "line"),
        inline=tuple(r for r in ordered if r.scope == "inline"),
    )


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The built-in rules, loaded once per process."""
    return load_rules()
