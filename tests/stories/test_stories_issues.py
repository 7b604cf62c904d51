"""Issues by side: topic cues found in quotes and event sentences, credited to who raised them."""

from __future__ import annotations

from pathlib import Path

import pytest
from story_corpus import BLINKEN, CHINA, US, WANG, YANG, Corpus

from communique.errors import KnowledgeError
from communique.stories import build_stories, load_issues
from communique.stories.issues import find_issue_mentions


@pytest.mark.parametrize(
    ("text", "issues"),
    [
        ("Blinken raised concerns about Xinjiang and the treatment of Uyghurs.", ["xinjiang", "xinjiang"]),
        ("The two sides traded barbs before the cameras.", []),
        ("The US trade representative said new tariffs on chips would follow.", ["trade", "technology"]),
        ("Troops pulled back along the LAC near Depsang.", ["border", "border"]),
        ("The lac of the dam was drained.", []),
        ("They agreed to hold talks on AI safety and to keep the air bridge open.", ["artificial_intelligence"]),
        ("Taiwan-based chipmakers were exempted.", ["taiwan"]),
        ("Washington sanctioned eleven officials.", ["sanctions"]),
        ("He urged Beijing to restore military-to-military communication channels.", ["military_communication"]),
    ],
)
def test_stories_issue_cues(text: str, issues: list[str]) -> None:
    assert [i.name for i, _, _ in load_issues().find(text)] == issues


@pytest.mark.parametrize(
    ("sentence", "type_", "source", "target", "side", "issue"),
    [
        ("Blinken raised concerns about Xinjiang.", "ACCUSE", BLINKEN, CHINA, "USA", "xinjiang"),
        ("Yang warned the US over Taiwan.", "THREATEN", YANG, US, "CHN", "taiwan"),
        ("Wang Yi complained that new US sanctions were no way to welcome guests.", "ACCUSE", WANG, US, "CHN",
         "sanctions"),
    ],
)
def test_stories_issue_goes_to_the_acting_side_of_a_statement(sentence, type_, source, target, side, issue) -> None:
    c = Corpus()
    c.doc("d1", "ANCHORAGE — " + sentence, source="Wire", published="2021-03-19", title="t")
    c.event("d1", type_, source, target, sentence[:12], sentence.split()[1], "2021-03-18")
    mentions = find_issue_mentions(c.events, c.quotes, load_issues())
    assert [(m["side"], m["issue"]) for m in mentions] == [(side, issue)]
    m = mentions[0]
    assert c.documents[0].text[m["span"][0]:m["span"][1]] == m["cue"]
    assert m["event_id"] == c.events[0].id and m["evidence"] == c.events[0].sentence


def test_stories_material_event_sentence_gives_no_issue_to_its_actor() -> None:
    """'new US sanctions' in China's complaint is China's issue, not something the US raised."""
    c = Corpus()
    c.doc("d1", "Wang Yi complained that new US sanctions were no way to welcome guests.", source="W",
          published="2021-03-19", title="t")
    c.event("d1", "ACCUSE", WANG, US, "Wang Yi", "complained", "2021-03-18")
    c.event("d1", "SANCTION", US, CHINA, "Wang Yi", "sanctions", "2021-03-17")
    sides = {(m["side"], m["issue"]) for m in find_issue_mentions(c.events, c.quotes, load_issues())}
    assert sides == {("CHN", "sanctions")}


def test_stories_issue_in_a_quote_goes_to_the_speaker() -> None:
    c = Corpus()
    c.doc("d1", "Qin said the Taiwan question was the most significant risk.", source="W",
          published="2023-06-18", title="t")
    q = c.quote("d1", WANG, "the Taiwan question was the most significant risk")
    [m] = find_issue_mentions(c.events, c.quotes, load_issues())
    assert (m["side"], m["issue"], m["quote_id"]) == ("CHN", "taiwan", q.id)
    assert c.documents[0].text[m["span"][0]:m["span"][1]] == "Taiwan"


def test_stories_negated_statement_raises_nothing() -> None:
    from dataclasses import replace

    c = Corpus()
    c.doc("d1", "Blinken did not raise Taiwan during the dinner.", source="W", published="2023-06-18", title="t")
    ev = c.event("d1", "ACCUSE", BLINKEN, CHINA, "Blinken", "raise", "2023-06-18")
    assert find_issue_mentions([replace(ev, negated=True)], [], load_issues()) == []


@pytest.mark.parametrize(
    ("doc_id", "issues"),
    [
        ("anc-wire", {"USA": ["hong_kong", "xinjiang", "taiwan", "climate", "cyber"],
                      "CHN": ["climate", "human_rights", "sanctions"]}),
        ("bj23-qin", {"USA": ["fentanyl", "detained_citizens", "military_communication"], "CHN": ["taiwan"]}),
        ("cn24-xi", {"USA": ["russia_ukraine", "artificial_intelligence", "fentanyl"],
                     "CHN": ["technology", "taiwan"]}),  # technology named twice
        ("in-cn-moscow", {"IND": ["border"], "CHN": ["border"]}),
    ],
)
def test_stories_episode_issues_by_side(corpus, options, doc_id, issues) -> None:
    stories = build_stories(corpus.documents, corpus.events, corpus.quotes, options=options)
    ep = next(e for e in stories.episodes if doc_id in e.doc_ids)
    assert ep.issues == dict(sorted(issues.items()))
    assert {(m["side"], m["issue"]) for m in ep.issue_evidence} == {
        (side, i) for side, names in issues.items() for i in names}
    assert all(m["doc_id"] in ep.doc_ids for m in ep.issue_evidence)


def test_stories_user_issue_file_adds_and_extends_topics(tmp_path: Path, corpus, options) -> None:
    f = tmp_path / "mine.toml"
    f.write_text(
        '[[issue]]\nname = "arctic"\nlabel = "Arctic"\ncontexts = ["territory"]\ncues = ["Arctic", "Alaska"]\n\n'
        '[[issue]]\nname = "taiwan"\ncues = ["red lines"]\n',
        encoding="utf-8",
    )
    book = load_issues([f])
    assert [i.name for i, _, _ in book.find("China's red lines in the Arctic")] == ["taiwan", "arctic"]
    opts = options.with_overrides({"stories.issue_files": [str(f)]})
    stories = build_stories(corpus.documents, corpus.events, corpus.quotes, options=opts)
    ep = next(e for e in stories.episodes if "cn24-wangyi" in e.doc_ids)
    assert ep.issues["CHN"].count("taiwan") == 1


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ('[[issue]]\nname = "x"\nlabel = "X"\ncontexts = ["weather"]\ncues = ["storms"]\n', "C372"),
        ('[[issue]]\nname = "x"\nlabel = "X"\ncontexts = ["cyber"]\ncues = ["AI"]\n', "C373"),
        ('[[issue]]\nname = "Bad Name"\nlabel = "X"\ncues = ["storms"]\n', "C371"),
        ('[[issue]]\nname = "x"\nlabel = "X"\ncues = []\n', "C374"),
        ('[[issue]]\nname = "x"\nlabel = "X"\npatterns = ["(a|)"]\n', "C304"),
        ('[[issue]]\nname = "x"\nlabel = "X"\npatterns = ["(unclosed"]\n', "C303"),
        ('title = "no issues here"\n', "C370"),
        ('[[issue]\nname = "x"\n', "C301"),
        ('[[issue]]\nname = "x"\nlabel = "X"\ncues = ["storms"]\nself = "Korea"\n', "C376"),
    ],
)
def test_stories_bad_issue_file_is_refused_with_its_code(tmp_path: Path, body: str, code: str) -> None:
    f = tmp_path / "bad.toml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load_issues([f])
    assert err.value.code == code
    assert str(f) in str(err.value)


def test_stories_missing_issue_file_names_the_config_key(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError) as err:
        load_issues([tmp_path / "nope.toml"])
    assert err.value.code == "C375" and "issue_files" in str(err.value)


def test_stories_country_naming_itself_does_not_raise_its_own_issue() -> None:
    """Pyongyang warning that "North Korea would act" is not North Korea raising north_korea;
    Tokyo protesting to Pyongyang is Japan raising it."""
    from story_corpus import ActorRef

    prk = ActorRef("North Korea's defence ministry", "North Korea", "PRK", "MIL")
    jpn = ActorRef("Tokyo", "Japan", "JPN", "GOV")
    c = Corpus()
    c.doc("d", "North Korea's defence ministry warned that North Korea would take offensive action. "
          "Tokyo lodged a strong protest with Pyongyang.", source="W", published="2023-12-19", title="t")
    c.event("d", "THREATEN", prk, None, "offensive action", "warned", "2023-12-18")
    c.event("d", "ACCUSE", jpn, prk, "lodged a strong protest", "protest", "2023-12-18")
    sides = {(m["side"], m["issue"]) for m in find_issue_mentions(c.events, c.quotes, load_issues())}
    assert sides == {("JPN", "north_korea")}


def test_stories_extra_issue_file_ships_with_the_package(corpus, options) -> None:
    from communique.knowledge import data_path

    extra = data_path("stories", "issues_extra.toml")
    opts = options.with_overrides({"stories.issue_files": [str(extra)]})
    stories = build_stories(corpus.documents, corpus.events, corpus.quotes, options=opts)
    ep = next(e for e in stories.episodes if "bj23-qin" in e.doc_ids)
    assert "people_exchanges" in ep.issues["USA"]
