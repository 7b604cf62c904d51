"""The polnear suite on a small PolNeAR-shaped file written here (never the benchmark file)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from communique.config import Options
from communique.errors import EvalError
from communique.eval import run_suite
from communique.eval.polnear import has_quotation_mark, load_articles

ARTICLE_1 = (
    "Talks open in Anchorage\n"
    "\u201cWe will raise our deep concerns about Xinjiang,\u201d Blinken said on Thursday.\n"
    "Wang Yi said China would never accept interference in its internal affairs.\n"
    "The senator backs a tougher line on trade."
)
ARTICLE_2 = '"We will not back down," Blinken said.\nThe ministry was silent on the matter.'


def _att(text: str, source: str, cue: str, content: str, *, kind: str = "Attribution") -> dict[str, Any]:
    def part(words: str) -> dict[str, Any]:
        start = text.index(words)
        return {"text": words, "spans": [[start, start + len(words)]]}

    att = {"type": kind, "cue": part(cue), "content": part(content)}
    if kind == "Attribution":
        att["source"] = part(source)
    return att


def _write(path: Path) -> Path:
    rows = [
        {
            "id": "a1", "publisher": "wire", "publication_date": "2021-03-19", "title": "Talks open", "wire": "None",
            "text": ARTICLE_1,
            "annotations": [{"annotator": "x1", "attributions": [
                _att(ARTICLE_1, "Blinken", "said", "\u201cWe will raise our deep concerns about Xinjiang,\u201d"),
                _att(ARTICLE_1, "Wang Yi", "said", "China would never accept interference in its internal affairs"),
                _att(ARTICLE_1, "The senator", "backs", "a tougher line on trade"),
                _att(ARTICLE_1, "", "open", "Talks open in Anchorage", kind="Attribution-no-source"),
            ]}],
        },
        {
            "id": "a2", "publisher": "daily", "publication_date": "2021-03-20", "title": "", "wire": "None",
            "text": ARTICLE_2,
            "annotations": [
                # the suite scores the smallest annotator id of a multi-annotator article ("b2")
                {"annotator": "z9", "attributions": [_att(ARTICLE_2, "The ministry", "was silent", "on the matter")]},
                {"annotator": "b2", "attributions": [_att(ARTICLE_2, "Blinken", "said", '"We will not back down,"')]},
            ],
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_polnear_suite_scores_attributions_and_direct_quotes(tmp_path: Path) -> None:
    report = run_suite("polnear", _write(tmp_path / "mini.jsonl"), Options())
    m = report.metrics
    assert m["n"] == 2
    assert m["gold"] == 4  # 3 sourced in a1 (no-source one left out) + 1 from annotator b2
    assert m["recall"] == pytest.approx(3 / 4)  # "backs" is an endorsement, not speech
    assert m["precision"] == pytest.approx(1.0)
    assert m["direct_gold"] == 2
    assert (m["direct_precision"], m["direct_recall"]) == (1.0, 1.0)
    assert report.tables["by publisher"][0][0] == "publisher"


def test_polnear_suite_picks_smallest_annotator_for_multi_annotator_articles(tmp_path: Path) -> None:
    articles = load_articles(_write(tmp_path / "mini.jsonl"))
    assert [a.annotator for a in articles] == ["x1", "b2"]
    assert [a.no_source for a in articles] == [1, 0]


def test_polnear_suite_without_data_says_how(tmp_path: Path) -> None:
    with pytest.raises(EvalError) as err:
        run_suite("polnear", None, Options())
    assert err.value.code == "C751"


@pytest.mark.parametrize(
    "line",
    ['{"text": "x"}', "not json", '{"text": "a", "annotations": [{"annotator": "a", "attributions": '
     '[{"type": "Attribution", "source": {"spans": [[5, 1]]}, "content": {"spans": [[0, 1]]}}]}]}'],
)
def test_polnear_suite_malformed_line_names_the_line(tmp_path: Path, line: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('\n' + line + "\n", encoding="utf-8")
    with pytest.raises(EvalError) as err:
        load_articles(path)
    assert err.value.code == "C752" and err.value.line == 2


@pytest.mark.parametrize(
    ("text", "quoted"),
    [("\u201ckeep the details\u201d", True), ("Clinton\u2019s team", False), ("'We will'", True), ("it's", False)],
)
def test_polnear_quotation_mark_detection(text: str, quoted: bool) -> None:
    assert has_quotation_mark(text) is quoted
