"""One exception tree for communique.

    CommuniqueError                 base; every message carries a stable code like [C104]
    ├── InputError      C1xx        a document or file that cannot be read (file, line, reason)
    ├── ConfigError     C2xx        bad options or config file
    ├── KnowledgeError  C3xx        a knowledge-base / lexicon / pattern file that fails validation
    ├── ModelError      C4xx        the spaCy pipeline is missing or unusable
    ├── StoreError      C5xx        the DuckDB store (schema version, locked file, ...)
    ├── PipelineError   C6xx        stages registered in an impossible order, unknown stage
    └── EvalError       C7xx        an evaluation suite or its data file

Tests assert the code, not the prose. Context (file, line, document id) is attached once, at the
batch boundary, with :meth:`CommuniqueError.at`.
"""

from __future__ import annotations

__all__ = [
    "CommuniqueError",
    "InputError",
    "ConfigError",
    "KnowledgeError",
    "ModelError",
    "StoreError",
    "PipelineError",
    "EvalError",
    "Failure",
]

from dataclasses import dataclass


class CommuniqueError(Exception):
    """Base class. ``code`` is stable (``C104``); ``path``/``line``/``doc_id`` locate the problem."""

    code: str = "C000"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        path: str | None = None,
        line: int | None = None,
        doc_id: str | None = None,
    ) -> None:
        if code is not None:
            self.code = code
        self.message = message
        self.path = path
        self.line = line
        self.doc_id = doc_id
        super().__init__(str(self))

    def at(
        self, *, path: str | None = None, line: int | None = None, doc_id: str | None = None
    ) -> CommuniqueError:
        """Attach location once (fields already set are kept)."""
        self.path = self.path or path
        self.line = self.line if self.line is not None else line
        self.doc_id = self.doc_id or doc_id
        self.args = (str(self),)
        return self

    @property
    def where(self) -> str:
        parts = []
        if self.path:
            parts.append(self.path + (f":{self.line}" if self.line is not None else ""))
        elif self.line is not None:
            parts.append(f"line {self.line}")
        if self.doc_id:
            parts.append(f"doc {self.doc_id}")
        return " ".join(parts)

    def __str__(self) -> str:
        where = self.where
        return f"[{self.code}] {where + ': ' if where else ''}{self.message}"


class InputError(CommuniqueError):
    code = "C100"


class ConfigError(CommuniqueError):
    code = "C200"


class KnowledgeError(CommuniqueError):
    code = "C300"


class ModelError(CommuniqueError):
    code = "C400"


class StoreError(CommuniqueError):
    code = "C500"


class PipelineError(CommuniqueError):
    code = "C600"


class EvalError(CommuniqueError):
    code = "C700"


@dataclass(frozen=True, slots=True)
class Failure:
    """A recorded failure of one input inside a batch (the batch goes on)."""

    code: str
    path: str | None
    line: int | None
    doc_id: str | None
    message: str

    @classmethod
    def from_error(cls, err: CommuniqueError) -> Failure:
        return cls(err.code, err.path, err.line, err.doc_id, err.message)

    def __str__(self) -> str:
        loc = (self.path or "") + (f":{self.line}" if self.line is not None else "")
        return f"[{self.code}] {loc}{': ' if loc else ''}{self.message}"

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "path": self.path,
            "line": self.line,
            "doc_id": self.doc_id,
            "message": self.message,
        }
