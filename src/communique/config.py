"""One options object, built in layers: the shipped default config, a user file, then flags.

The CLI, the Python API and the HTTP API all call :func:`load_options`, so they cannot drift.
Sections are plain dicts validated against the default file: an unknown section or key, or a
value of the wrong type, is a ``ConfigError`` naming the file and key.
"""

from __future__ import annotations

__all__ = ["Options", "load_options", "DEFAULT_CONFIG"]

import copy
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from communique.errors import ConfigError

DEFAULT_CONFIG = Path(str(resources.files("communique").joinpath("data").joinpath("default.toml")))


def _defaults() -> dict[str, dict[str, Any]]:
    with DEFAULT_CONFIG.open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True, slots=True)
class Options:
    """Validated options. Access a section as ``options.section("nlp")["model"]``."""

    sections: dict[str, dict[str, Any]] = field(default_factory=_defaults)

    def section(self, name: str) -> dict[str, Any]:
        try:
            return self.sections[name]
        except KeyError:
            raise ConfigError(f"unknown config section '{name}'", code="C201") from None

    def get(self, dotted: str) -> Any:
        sec, _, key = dotted.partition(".")
        s = self.section(sec)
        if key not in s:
            raise ConfigError(f"unknown config key '{dotted}'", code="C202")
        return s[key]

    def with_overrides(self, overrides: dict[str, Any], *, origin: str = "flags") -> Options:
        """Return new Options with ``{"section.key": value}`` applied (None values are skipped)."""
        merged = copy.deepcopy(self.sections)
        for dotted, value in overrides.items():
            if value is None:
                continue
            sec, _, key = dotted.partition(".")
            _check(merged, sec, key, value, origin)
            merged[sec][key] = value
        return Options(merged)

    def to_dict(self) -> dict[str, dict[str, Any]]:
        return copy.deepcopy(self.sections)


def _check(base: dict[str, dict[str, Any]], sec: str, key: str, value: Any, origin: str) -> None:
    if sec not in base:
        raise ConfigError(f"unknown section [{sec}]", code="C201", path=origin)
    if key not in base[sec]:
        raise ConfigError(f"unknown key '{key}' in [{sec}]", code="C202", path=origin)
    default = base[sec][key]
    ok = isinstance(value, type(default)) or (
        isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool)
    )
    if not ok:
        raise ConfigError(
            f"[{sec}] {key} must be {type(default).__name__}, got {value!r}", code="C203", path=origin
        )


def load_options(
    config_file: str | Path | None = None, overrides: dict[str, Any] | None = None
) -> Options:
    """Defaults ← user TOML file ← overrides ({"section.key": value})."""
    opts = Options()
    if config_file is not None:
        p = Path(config_file)
        try:
            with p.open("rb") as fh:
                user = tomllib.load(fh)
        except OSError as exc:
            raise ConfigError(f"cannot read config file: {exc}", code="C204", path=str(p)) from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"not valid TOML: {exc}", code="C205", path=str(p)) from exc
        flat = {}
        for sec, values in user.items():
            if not isinstance(values, dict):
                raise ConfigError(f"top-level key '{sec}' must be a [section]", code="C201", path=str(p))
            for key, value in values.items():
                flat[f"{sec}.{key}"] = value
        opts = opts.with_overrides(flat, origin=str(p))
    if overrides:
        opts = opts.with_overrides(overrides)
    return opts
