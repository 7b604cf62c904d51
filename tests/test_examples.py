"""Sanity of the example corpus and its gold annotations (the accuracy gate depends on both).

These tests read the corpus files with the standard library only, so a bug in ingest cannot hide
a broken gold file: every article parses as its format, every gold record points at a real
article, every substring the gold quotes occurs in that article, and every PLOVER type occurs.
"""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from communique.records import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
GOLD = ROOT / "examples" / "gold"
BAD = ROOT / "examples" / "bad"

ISSUE_TOPICS = frozenset(
    "taiwan hong_kong xinjiang tibet human_rights trade technology cyber fentanyl "
    "military_communication south_china_sea north_korea iran russia_ukraine climate "
    "artificial_intelligence detained_citizens sanctions border grain nuclear".split()
)
# Article length the brief asks for: short news items, not fragments and not features.
MIN_WORDS, MAX_WORDS = 100, 520
ISO_DAY = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
COUNTRY = re.compile(r"^[A-Z]{3}$")


_TAG = re.compile(r"<[^>]+>")


def _norm(text: str) -> str:
    """Markup dropped (inline tags join their words), entities decoded, whitespace squashed."""
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def _gold() -> list[dict[str, Any]]:
    with (GOLD / "annotations.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _episodes() -> list[dict[str, Any]]:
    with (GOLD / "episodes.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _rss_items(path: Path) -> dict[str, str]:
    root = ElementTree.parse(path).getroot()
    return {
        (item.findtext("title") or "").strip(): item.findtext("description") or ""
        for item in root.iter("item")
    }


def _article_text(record: dict[str, Any]) -> str:
    """The raw text of the article a gold record points at (markup left in, entities decoded)."""
    path = CORPUS / record["file"]
    fmt = record["format"]
    if fmt in ("txt", "html"):
        return _norm(path.read_text(encoding="utf-8"))
    if fmt == "jsonl":
        for line in path.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            if obj["id"] == record["record"]:
                return _norm(obj.get("text") or obj.get("html") or "")
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row["id"] == record["record"]:
                    return _norm(row["text"])
    if fmt == "rss":
        return _norm(_rss_items(path)[record["match"]["title"]])
    raise AssertionError(f"{record['id']}: no article found for {record['file']}")


def _substrings(record: dict[str, Any]) -> list[tuple[str, str]]:
    """(what, text) pairs for every piece of text the gold claims is in the article."""
    out: list[tuple[str, str]] = []
    for r in record["removed"]:
        out.append(("removed", r["text"]))
    for f in record["flags"]:
        out.append(("flag evidence", f["evidence"]))
    for a in record["actors"]:
        out.append(("actor", a["text"]))
        if a.get("context"):
            out.append(("actor context", a["context"]))
            assert a["text"] in a["context"], f"actor text {a['text']!r} not inside its context"
    for e in record["events"]:
        out.append(("event sentence", e["sentence"]))
        assert e["trigger"].lower() in e["sentence"].lower(), (e["trigger"], e["sentence"])
    for q in record["quotes"]:
        out.append(("quote", q["text"]))
    if record.get("dateline"):
        out.append(("dateline", record["dateline"]))
    return out


# ------------------------------------------------------------------------------- corpus files


CORPUS_FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file())


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_examples_corpus_file_parses_as_its_format(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    suffix = path.suffix
    if suffix in (".jsonl",):
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        assert rows
        if path.name != "metadata.jsonl":
            for row in rows:
                assert row.get("id") and (row.get("text") or row.get("html")), row.get("id")
    elif suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert rows and all(r["id"] and r["text"].strip() for r in rows)
    elif suffix == ".xml":
        assert len(_rss_items(path)) >= 2
    elif suffix == ".html":
        assert "<article" in text or 'id="content"' in text
        assert re.search(r"<title>[^<]+</title>", text)
    elif suffix == ".txt":
        assert len(text.split()) >= MIN_WORDS
    else:
        raise AssertionError(f"unexpected file in the corpus: {path}")


def test_examples_corpus_has_every_required_format() -> None:
    suffixes = {p.suffix for p in CORPUS_FILES}
    assert {".txt", ".html", ".jsonl", ".csv", ".xml"} <= suffixes
    assert (CORPUS / "india_china" / "metadata.jsonl").exists()


@pytest.mark.parametrize("record", _gold(), ids=lambda r: r["id"])
def test_examples_article_length_is_news_sized(record: dict[str, Any]) -> None:
    words = len(re.sub(r"<[^>]+>", " ", _article_text(record)).split())
    if record["format"] == "html":  # whole pages carry menus and footers around the article
        assert words >= MIN_WORDS
    else:
        assert MIN_WORDS <= words <= MAX_WORDS, words


def test_examples_bad_inputs_cover_each_failure_kind() -> None:
    names = {p.name for p in BAD.iterdir()}
    assert (BAD / "empty.txt").stat().st_size == 0
    assert b"\x00" in (BAD / "photo_not_text.txt").read_bytes()
    lines = (BAD / "mixed_lines.jsonl").read_text(encoding="utf-8").splitlines()
    parsed = []
    for line in lines:
        try:
            parsed.append(json.loads(line))
        except json.JSONDecodeError:
            parsed.append(None)
    assert parsed[0] and parsed[-1] and None in parsed[1:-1]
    with (BAD / "rows.csv").open(encoding="utf-8", newline="") as fh:
        assert any(not row["text"].strip() for row in csv.DictReader(fh))
    assert "no_article.html" in names
    assert any(Path(n).suffix not in {".txt", ".jsonl", ".csv", ".html"} for n in names)


# ----------------------------------------------------------------------------------- the gold


def test_examples_gold_ids_are_unique_and_cover_the_corpus() -> None:
    gold = _gold()
    ids = [r["id"] for r in gold]
    assert len(ids) == len(set(ids))
    assert 20 <= len(ids) <= 25
    files = {r["file"] for r in gold}
    articles = {str(p.relative_to(CORPUS)) for p in CORPUS_FILES if p.name != "metadata.jsonl"}
    assert files == articles


@pytest.mark.parametrize("record", _gold(), ids=lambda r: r["id"])
def test_examples_gold_id_exists_in_its_file(record: dict[str, Any]) -> None:
    """Ids that ingest assigns (front matter, record id, sidecar) must be in the file; HTML and
    feed items get content-hash ids, so their gold is keyed by origin file (+ title)."""
    path = CORPUS / record["file"]
    assert path.exists()
    fmt = record["format"]
    if fmt == "txt":
        text = path.read_text(encoding="utf-8")
        sidecar = path.parent / "metadata.jsonl"
        ids = re.findall(r"(?im)^Id:\s*(\S+)", text)
        if sidecar.exists():
            for line in sidecar.read_text(encoding="utf-8").splitlines():
                obj = json.loads(line)
                if obj["file"] == path.name:
                    ids.append(obj["id"])
        assert record["id"] in ids
    elif fmt in ("jsonl", "csv"):
        assert record["record"] == record["id"]
        assert _article_text(record)
    else:
        assert record["match"]["origin"] == path.name
        assert _article_text(record)


@pytest.mark.parametrize("record", _gold(), ids=lambda r: r["id"])
def test_examples_gold_substrings_occur_in_the_article(record: dict[str, Any]) -> None:
    text = _article_text(record)
    missing = [(what, s) for what, s in _substrings(record) if _norm(s) not in text]
    assert not missing, missing


@pytest.mark.parametrize("record", _gold(), ids=lambda r: r["id"])
def test_examples_gold_values_are_well_formed(record: dict[str, Any]) -> None:
    ids = {r["id"] for r in _gold()}
    assert record["duplicate_of"] is None or record["duplicate_of"] in ids
    for e in record["events"]:
        assert e["type"] in EVENT_TYPES
        for side in ("source", "target"):
            values = e[side] if isinstance(e[side], list) else [e[side]]
            for v in values:
                assert v is None and side == "target" or COUNTRY.match(v), (side, v)
        if "date" in e:
            assert ISO_DAY.match(e["date"]) and e["date_precision"] in ("day", "month")
            assert (e["date_precision"] == "day") == (len(e["date"]) == 10)
    for side, topics in record.get("issues", {}).items():
        assert COUNTRY.match(side)
        assert set(topics) <= ISSUE_TOPICS, set(topics) - ISSUE_TOPICS
    for q in record["quotes"]:
        assert q["speaker"] or q.get("speaker_alt")
        assert isinstance(q["direct"], bool)


def test_examples_gold_covers_every_plover_type() -> None:
    seen = {e["type"] for r in _gold() for e in r["events"]}
    assert seen == set(EVENT_TYPES), set(EVENT_TYPES) - seen


def test_examples_gold_has_the_hard_cases() -> None:
    gold = {r["id"]: r for r in _gold()}
    dupes = {r["id"] for r in gold.values() if r["duplicate_of"]}
    assert {"anc-syndicated", "anc-respun"} <= dupes
    flags = {(r["id"], f["code"]) for r in gold.values() for f in r["flags"]}
    assert ("anc-respun", "title_contradiction") in flags
    assert ("bj23-paywall", "paywall_stub") in flags
    assert ("anc-encyclopedia", "non_news_page") in flags
    anchorage = [r for r in gold.values() if r["episode"] == "anchorage-2021-03"]
    assert len({r["file"] for r in anchorage}) >= 4


def test_examples_episodes_reference_gold_documents() -> None:
    gold = {r["id"]: r for r in _gold()}
    episodes = _episodes()
    assert {e["id"] for e in episodes} == {r["episode"] for r in gold.values()}
    for ep in episodes:
        members = {i for i, r in gold.items() if r["episode"] == ep["id"]}
        assert set(ep["doc_ids"]) == members, ep["id"]
        for c in ep.get("consolidated", []):
            assert c["type"] in EVENT_TYPES
            assert set(c["doc_ids"]) <= members
            assert c["n_articles"] == len(c["doc_ids"])
            assert 1 <= c["n_independent"] <= c["n_articles"]
