"""Publication dates become ISO; a date we cannot read is kept raw and left out of `published`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.config import Options
from communique.ingest import iter_sources, normalise_date
from communique.records import SourceDocument


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2023-06-19", "2023-06-19"),
        ("2023-06-19T07:30:00Z", "2023-06-19T07:30:00+00:00"),
        ("2023-06-19 07:30", "2023-06-19T07:30:00"),
        ("Mon, 19 Jun 2023 07:30:00 GMT", "2023-06-19T07:30:00+00:00"),
        ("June 19, 2023", "2023-06-19"),
        ("19 June 2023", "2023-06-19"),
        ("2023/06/19", "2023-06-19"),
        ("2023-02-30", None),  # no such day
        ("June 2023", None),  # no day: refused, not guessed
        ("last Tuesday", None),
        ("19/06", None),  # no year
        ("3023-06-19", None),  # typo year
        ("", None),
    ],
)
def test_normalise_date(raw: str, iso: str | None) -> None:
    assert normalise_date(raw) == iso


def test_malformed_date_is_kept_raw_and_document_still_ingested(tmp_path: Path) -> None:
    f = tmp_path / "d.jsonl"
    f.write_text(
        json.dumps(
            {
                "id": "x1",
                "text": "Seoul and Tokyo resumed shuttle diplomacy.",
                "published": "2023-13-45",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    (doc,) = list(iter_sources([str(f)], options=Options()))
    assert isinstance(doc, SourceDocument)
    assert doc.published is None
    assert doc.meta["published_raw"] == "2023-13-45"
