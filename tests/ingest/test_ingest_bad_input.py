"""Bad input becomes a Failure with a stable code naming the file (and line); the batch goes on."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from communique.config import Options
from communique.errors import Failure
from communique.ingest import iter_sources
from communique.records import SourceDocument

GOOD_TEXT = (
    "Title: Seoul summit\n\nSouth Korea and Japan agreed to restore a military intelligence pact.\n"
)
GOOD_RECORD = {"id": "ok", "text": "Chile recalled its ambassador to Israel on Tuesday."}


def _bytes(data: bytes) -> Callable[[Path], list[str]]:
    return lambda d: [_put(d / "bad.txt", data)]


def _put(path: Path, data: bytes | str) -> str:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


# Each case: writes its bad input under the folder and returns the path arguments;
# then the expected code and line of the failure (None: the file as a whole).
CASES: dict[str, tuple[Callable[[Path], list[str]], str, int | None]] = {
    "unknown extension": (
        lambda d: [_put(d / "notes.docx", "Minutes of the meeting")],
        "C103",
        None,
    ),
    "binary file": (_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "C104", None),
    "bytes in no configured encoding": (
        _bytes("Le ministre a rencontr\u00e9 son homologue \u00e0 Paris.".encode("latin-1")),
        "C104",
        None,
    ),
    "empty file": (lambda d: [_put(d / "empty.txt", "  \n\n ")], "C105", None),
    "front matter only": (
        lambda d: [_put(d / "fm.txt", "Title: Nothing here\nSource: Wire\n")],
        "C105",
        None,
    ),
    "file over max_bytes": (
        lambda d: [_put(d / "big.txt", "Talks continued. " * 200)],
        "C106",
        None,
    ),
    "malformed JSON line": (
        lambda d: [
            _put(
                d / "mixed.jsonl",
                json.dumps({"id": "j1", "text": "Kenya and Ethiopia signed a power deal."})
                + '\n{"id": "j2", "text": "unterminated\n'
                + json.dumps({"id": "j3", "text": "Egypt hosted Sudan talks."})
                + "\n",
            )
        ],
        "C107",
        2,
    ),
    "JSON file that does not parse": (lambda d: [_put(d / "x.json", '[{"text": "a"')], "C107", 1),
    "JSON record that is not an object": (
        lambda d: [_put(d / "l.jsonl", '["Chile", "Israel"]\n')],
        "C113",
        1,
    ),
    "record field of the wrong type": (
        lambda d: [_put(d / "t.jsonl", json.dumps({"text": "Talks.", "title": ["a", "b"]}) + "\n")],
        "C113",
        1,
    ),
    "JSON line without text": (
        lambda d: [
            _put(d / "n.jsonl", json.dumps({"id": "n1", "title": "Only a headline"}) + "\n")
        ],
        "C108",
        1,
    ),
    "CSV row without text": (
        lambda d: [
            _put(
                d / "rows.csv",
                "id,title,text\nc1,Power deal,Kenya and Ethiopia signed a power deal.\nc2,No body,\n",
            )
        ],
        "C108",
        3,
    ),
    "CSV without a text column": (
        lambda d: [_put(d / "cols.csv", "id,title\nc1,Power deal\n")],
        "C111",
        1,
    ),
    "HTML with no article text": (
        lambda d: [
            _put(
                d / "404.html",
                "<html><head><title>Page not found</title></head><body><nav><a href='/'>Home</a>"
                " <a href='/world'>World</a></nav><div class='error'></div></body></html>",
            )
        ],
        "C109",
        None,
    ),
    "html record with no article text": (
        lambda d: [
            _put(
                d / "h.jsonl",
                json.dumps({"html": "<html><body><nav>Home</nav></body></html>"}) + "\n",
            )
        ],
        "C109",
        1,
    ),
    "broken XML feed": (
        lambda d: [_put(d / "feed.rss", "<rss><channel><item><title>x</item>")],
        "C110",
        1,
    ),
    "XML that is not a feed": (
        lambda d: [_put(d / "data.xml", "<?xml version='1.0'?><catalog><book/></catalog>")],
        "C103",
        None,
    ),
    "feed without items": (
        lambda d: [
            _put(d / "e.rss", "<rss version='2.0'><channel><title>Wire</title></channel></rss>")
        ],
        "C110",
        None,
    ),
    "path that does not exist": (lambda d: [str(d / "missing" / "a.txt")], "C101", None),
    "glob matching nothing": (lambda d: [str(d / "*.nothing")], "C102", None),
    "bad sidecar line": (
        lambda d: [
            _put(d / "ok2.txt", GOOD_TEXT),
            _put(d / "metadata.jsonl", '{"file": "ok2.txt", "source": "Wire"}\nnot json\n'),
        ][:1],
        "C112",
        2,
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_bad_input_is_a_failure_and_the_rest_comes_through(case: str, tmp_path: Path) -> None:
    make, code, line = CASES[case]
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    bad_args = make(bad_dir)
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (good / "b.jsonl").write_text(json.dumps(GOOD_RECORD) + "\n", encoding="utf-8")
    options = Options().with_overrides({"ingest.max_bytes": 2000})

    items = list(
        iter_sources([str(good / "a.txt"), *bad_args, str(good / "b.jsonl")], options=options)
    )

    failures = [i for i in items if isinstance(i, Failure)]
    docs = [i for i in items if isinstance(i, SourceDocument)]
    assert [f.code for f in failures] == [code], [str(f) for f in failures]
    failure = failures[0]
    assert failure.line == line
    assert failure.path is not None and failure.path.startswith(str(bad_dir))
    assert failure.message
    origins = [d.origin for d in docs]
    assert str(good / "a.txt") in origins and f"{good / 'b.jsonl'}:1" in origins


def test_record_failures_do_not_stop_the_other_records_of_the_file(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_text(
        json.dumps({"id": "j1", "text": "Kenya and Ethiopia signed a power deal."})
        + "\nnot json at all\n"
        + json.dumps({"id": "j3"})
        + "\n"
        + json.dumps({"id": "j4", "text": "Egypt hosted talks on Sudan."})
        + "\n",
        encoding="utf-8",
    )
    items = list(iter_sources([str(f)], options=Options()))
    assert [
        (type(i).__name__, getattr(i, "id", None) or getattr(i, "code", None)) for i in items
    ] == [
        ("SourceDocument", "j1"),
        ("Failure", "C107"),
        ("Failure", "C108"),
        ("SourceDocument", "j4"),
    ]
    assert [i.line for i in items if isinstance(i, Failure)] == [2, 3]


@pytest.mark.parametrize(
    ("stdin", "max_bytes", "code"),
    [("   \n", 5000, "C105"), ("Talks went on. " * 50, 100, "C106")],
)
def test_bad_stdin_is_a_failure(stdin: str, max_bytes: int, code: str) -> None:
    options = Options().with_overrides({"ingest.max_bytes": max_bytes})
    (item,) = list(iter_sources(["-"], options=options, stdin=io.StringIO(stdin)))
    assert isinstance(item, Failure)
    assert (item.code, item.path) == (code, "<stdin>")
