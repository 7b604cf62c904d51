"""The lexicon loader (validation, user files), the pipeline stage, the tables and the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from communique.config import Options
from communique.errors import KnowledgeError
from communique.events import code_text
from communique.events.lexicon import load_lexicon
from communique.events.tables import load_tables
from communique.records import EVENT_TYPES, SourceDocument


@pytest.mark.parametrize(("body", "code"), [
    ('[[verb]]\nlemmas = ["snub"]\ntype = "SNUB"\ncameo = "120"\n', "C302"),
    ('[[verb]]\nlemmas = ["snub"]\ntype = "REJECT"\nmode = "visit"\ncameo = "120"\n', "C333"),
    ('[[verb]]\nlemmas = ["snub"]\ntype = "REJECT"\ncameo = "999"\n', "C334"),
    ('[[verb]]\nlemmas = ["snub"]\ntype = "REJECT"\ncameo = "120"\ntarget = ["beside"]\n', "C335"),
    ('[[verb]]\nlemmas = []\ntype = "REJECT"\ncameo = "120"\n', "C332"),
    ('[[verbs]]\nlemmas = ["snub"]\n', "C332"),
    ('[[verb]]\nlemmas = ["snub"\n', "C301"),
])
def test_events_lexicon_refuses_bad_entries(tmp_path: Path, body: str, code: str) -> None:
    f = tmp_path / "bad.toml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load_lexicon(files=[str(f)])
    assert err.value.code == code


def test_events_lexicon_missing_user_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError) as err:
        load_lexicon(files=[str(tmp_path / "nope.toml")])
    assert err.value.code == "C336" and "nope.toml" in str(err.value)


def test_events_user_lexicon_adds_a_verb(tmp_path: Path, nlp: Any) -> None:
    f = tmp_path / "mine.toml"
    f.write_text('[[verb]]\nlemmas = ["stonewall"]\ntype = "REJECT"\ncameo = "120"\ntarget = ["dobj"]\n',
                 encoding="utf-8")
    text = "Hungary stonewalled Ukraine at the summit."
    assert not [e for e in code_text(text) if e.type == "REJECT"]
    opts = Options().with_overrides({"events.lexicon_files": [str(f)]})
    evs = [e for e in code_text(text, options=opts) if e.type == "REJECT"]
    assert evs and evs[0].source.country == "HUN" and evs[0].target is not None and evs[0].target.country == "UKR"


def test_events_lexicon_is_broad() -> None:
    lex = load_lexicon()
    assert len(lex.verbs) >= 400 and len(lex.nouns) >= 150
    assert {f.type for fs in lex.verbs.values() for f in fs} == set(EVENT_TYPES)


def test_events_tables_cover_every_type_and_code() -> None:
    t = load_tables()
    assert set(t.types) == set(EVENT_TYPES)
    assert t.quad("SANCTION") == 4 and t.quad("CONSULT") == 1 and t.quad("AID") == 2 and t.quad("ACCUSE") == 3
    assert t.score("CONSULT", "visit") == 4.0 and t.score("ASSAULT", "unconventional") == -10.0
    assert t.goldstein("1823") == -9.5 and t.goldstein("0873") == 9.0 and t.goldstein("04") == 1.0
    assert t.goldstein("1957") == -10.0  # an unlisted 4-digit code takes its parent's weight


def test_events_stage_in_the_pipeline_fills_events(nlp: Any) -> None:
    from communique.pipeline import Pipeline

    pipe = Pipeline(Options(), stages=("clean", "nlp", "actors", "events"))
    src = SourceDocument(id="d1", text="Japan and South Korea held talks in Seoul on Monday. "
                         "Later, Japan imposed sanctions on North Korea.", published="2024-03-04")
    out = pipe.process([src])
    assert not out.failures
    events = out.results[0].events
    types = {(e.type, e.source.country, e.target.country if e.target else None) for e in events}
    assert ("SANCTION", "JPN", "PRK") in types
    consult = [e for e in events if e.type == "CONSULT"]
    assert consult and {a.country for a in consult[0].sources} == {"JPN", "KOR"}
    for e in events:
        assert e.sentence_index is not None and e.doc_id == "d1"


def test_events_cli_code_json_and_explain(capsys: Any, nlp: Any) -> None:
    from communique.cli import main

    assert main(["code", "Germany expelled two Russian diplomats.", "--json"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.startswith("{")]
    assert any(x["type"] == "SANCTION" and x["mode"] == "expel" and x["source"]["country"] == "DEU" for x in lines)
    assert main(["code", "Israel did not agree to the ceasefire proposal.", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "negated" in out and "no events coded" in out and "dep" in out
    assert main(["code", "x", "--date", "2024/01/01"]) == 2


def test_cameo_codes_broader_and_compatible() -> None:
    from communique.events.tables import EventTables, load_tables

    assert EventTables.broader("1121") == ("1121", "112", "110")
    assert EventTables.broader("036") == ("036", "030")
    assert EventTables.broader("030") == ("030",)
    t = load_tables()
    assert t.compatible("112", "1124") and t.compatible("1124", "110") and t.compatible("036", "030")
    assert not t.compatible("036", "042") and not t.compatible("1121", "1124") and not t.compatible(None, "030")
