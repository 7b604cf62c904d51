"""PETRARCH/TABARI verb dictionaries as user lexicon knowledge: the reader (synonym sets, patterns,
codes, errors) and what the coder makes of our own sentences with a small dictionary we write."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from communique.cli import main
from communique.config import Options
from communique.errors import KnowledgeError
from communique.events import code_text, explain_text
from communique.events.lexicon import load_lexicon
from communique.events.petrarch_verbs import read_verb_dictionary
from communique.events.tables import load_tables
from communique.records import Event

VERBS = """\
# A test verb dictionary in the PETRARCH format (written for these tests)
####### SYNONYM SETS #######
&TIES
+RELATIONS
+DIPLOMATIC_TIES
+CONTACTS_

&ARMS
+WEAPON
+MISSILE
+AMMUNITION_

&HARDWARE            # a set that takes in another
+&ARMS
+ARMORED_VEHICLE

####### VERB PATTERNS #######
--- REBUKE  [111]  ---
REBUKE
CHASTISE {CHASTISES CHASTISED CHASTISING}   # irregular forms
- * (OVER &ARMS)                    [1121]  # weapons tests: the more specific pattern
- * (FOR {HUMAN RIGHTS} ABUSES)     [112]

--- RESTORE  [---]  ---
RESTORE
- * &TIES (WITH +)                  [050:050]
- * ELECTRICITY                     [---]

--- SHIP  [070]  ---
SHIP
- * &HARDWARE (TO +)                [072]

--- RECEIVE  [---]  ---
RECEIVE
- + * AID (FROM $)                  [070]

--- LEND  [075A]  ---
LEND
- * SUPPORT                         [051]

--- GREET  [043:042]  ---
GREET

--- ISSUE  [010]  ---
ISSUE
- * ULTIMATUM (TO +)                [130]

--- DETAIN  [212]  ---
DETAIN

--- CONFER  [040]  ---
CONFER
- % *                               [040]
* (WITH &TIES)                      [050]   # a pattern without its leading '-'

--- YIELD  [080]  ---
+BACK_DOWN {+BACKS_DOWN +BACKED_DOWN +BACKING_DOWN}

--- DISCUSS  [---]  ---                     # talking about a thing is no event here
DISCUSS
- * TRADE (WITH +)                  [040]

--- EQUIP  [070]  ---
EQUIP
- * (WITH &DRONES)                  [072]   # a set this file never defines
"""


@pytest.fixture()
def verbs(tmp_path: Path) -> Path:
    path = tmp_path / "test.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    return path


def _opts(path: Path) -> Options:
    return Options().with_overrides({"events.petrarch_verb_files": [str(path)]})


def _codes(events: list[Event]) -> set[tuple[str, str | None, str | None, str | None]]:
    return {(e.type, e.cameo, e.source.country, e.target.country if e.target else None) for e in events}


def test_petrarch_verbs_reader_reads_blocks_synsets_and_codes(verbs: Path, caplog: Any) -> None:
    with caplog.at_level(logging.WARNING, logger="communique.events.petrarch_verbs"):
        frames = read_verb_dictionary(verbs, load_tables(), 0)
    by = {(f.lemma, f.dictionary.text if f.dictionary else ""): f for f in frames}
    # the bare default and each pattern of the block, for every verb of the block
    assert by[("chastise", "*")].cameo == "111" and by[("chastise", "* (OVER &ARMS)")].cameo == "1121"
    assert by[("chastise", "* (OVER &ARMS)")].type == "ACCUSE"
    # a non-CAMEO code is kept as written, its type read from the root's row
    assert (by[("lend", "*")].cameo, by[("lend", "*")].type) == ("075A", "AID")
    # [---] and a statement code (01, dropped by PLOVER) are frames that code no event
    assert by[("discuss", "*")].type == "" and by[("issue", "*")].type == "" and by[("issue", "*")].cameo == "010"
    # "+" and "$" give the slots; a paired code the reversed event
    restore = by[("restore", "* &TIES (WITH +)")]
    assert restore.target == ("prep:with",) and restore.dictionary is not None
    assert restore.dictionary.pair == ("SUPPORT", None, "050")
    receive = by[("receive", "+ * AID (FROM $)")]
    assert receive.target == ("subject",) and receive.dictionary is not None and receive.dictionary.source == ("prep:from",)
    # synonym sets expand, nested ones too, multiword members as consecutive words
    ship = by[("ship", "* &HARDWARE (TO +)")]
    assert ship.dictionary is not None
    assert {("armored", "vehicle"), ("missile",), ("ammunition",)} <= ship.dictionary.parts[0].words[0]
    assert by[("confer", "% *")].reciprocal and by[("confer", "* (WITH &TIES)")].cameo == "050"
    # the multiword verb: "back" with "down" after it
    back = by[("back", "*")]
    assert back.dictionary is not None and back.dictionary.parts[0].words == (frozenset({("down",)}),)
    # a WEIS-only code and an undefined synonym set are skipped with a warning, not an error
    assert not any(f.lemma == "detain" for f in frames)
    assert not any(f.lemma == "equip" and f.cameo == "072" for f in frames)
    warned = " ".join(r.getMessage() for r in caplog.records)
    assert "[212]" in warned and "&DRONES" in warned


@pytest.mark.parametrize(("text", "expected"), [
    # the bare verb: its default code; the target is the first party after it
    ("Sweden rebuked Norway on Tuesday.", {("ACCUSE", "111", "SWE", "NOR")}),
    # a matching pattern wins over the default
    ("Sweden rebuked Norway over its missile tests.", {("ACCUSE", "1121", "SWE", "NOR")}),
    ("Sweden chastised Norway for human rights abuses.", {("ACCUSE", "112", "SWE", "NOR")}),
    # "+" sets the recipient: not the first party after the verb ("German"), the one after "to"
    ("France shipped German missiles to Ukraine.", {("AID", "072", "FRA", "UKR")}),
    # "+ *" and "(FROM $)": the subject is the recipient, the from-phrase the source
    ("Kenya received aid from Japan.", {("AID", "070", "JPN", "KEN")}),
    # a paired code: the event both ways
    ("Egypt restored diplomatic ties with Qatar.", {("SUPPORT", "050", "EGY", "QAT"), ("SUPPORT", "050", "QAT", "EGY")}),
    # [---]: the verb codes nothing, and our lexicon (CONSULT for "discussed ... with") does not step in
    ("France discussed the crisis with Germany.", set()),
    ("France discussed trade with Germany.", {("CONSULT", "040", "FRA", "DEU")}),
    ("Egypt restored electricity to the capital.", set()),
    # a non-CAMEO code reaches the event as written
    ("Japan lent Kenya fifty million dollars.", {("AID", "075A", "JPN", "KEN")}),
    ("Japan lent its support to Kenya.", {("SUPPORT", "051", "JPN", "KEN")}),
    ("Iran issued an ultimatum to Iraq.", {("THREATEN", "130", "IRN", "IRQ")}),
    # a hosted visit: PLOVER's visitor -> host, once
    ("Mexico greeted the Canadian prime minister.", {("CONSULT", "042", "CAN", "MEX")}),
    # "%": a compound subject is a joint event
    ("Chile and Peru conferred on Monday.", {("CONSULT", "040", "CHL", None)}),
    # a multiword verb needs its second word; without it, "back" keeps our lexicon
    ("Serbia backed down after the talks.", {("CONCEDE", "080", "SRB", None)}),
])
def test_petrarch_verbs_code_our_sentences(verbs: Path, nlp: Any, text: str, expected: set[Any]) -> None:
    assert _codes(code_text(text, options=_opts(verbs))) == expected


def test_petrarch_verbs_joint_event_lists_both_parties(verbs: Path, nlp: Any) -> None:
    [ev] = code_text("Chile and Peru conferred on Monday.", options=_opts(verbs))
    assert {a.country for a in ev.sources} == {"CHL", "PER"}


@pytest.mark.parametrize("text", [
    "Russia attacked Ukraine on Monday.",  # a verb the dictionary lacks
    "Police detained the activists in Cairo.",  # a verb whose only code was skipped
    "Serbia backed Kosovo's bid for membership.",  # "back" without "down"
])
def test_petrarch_verbs_leave_other_verbs_to_our_lexicon(verbs: Path, nlp: Any, text: str) -> None:
    ours = code_text(text)
    assert ours and _codes(code_text(text, options=_opts(verbs))) == _codes(ours)


def test_petrarch_verbs_frame_says_which_line_coded_it(verbs: Path, nlp: Any) -> None:
    _, explained = explain_text("Sweden rebuked Norway over its missile tests.", options=_opts(verbs))
    [x] = [x for x in explained if x.event is not None]
    assert x.frame.pattern == "verb:rebuke <* (OVER &ARMS)>->ACCUSE"
    assert any("test.verbs.txt:21" in s for s in x.frame.steps)


@pytest.mark.parametrize(("body", "line"), [
    ("--- MEET [040] ---\nMEET\n- * (WITH +  [040]\n", 3),  # "(" without ")"
    ("--- MEET [040] ---\nMEET\n- * TALKS\n", 3),  # no code
    ("--- MEET [040] ---\nMEET\n- TALKS (WITH) [040]\n", 3),  # no "*"
    ("--- MEET [040] ---\nMEET\n- * * TALKS [040]\n", 3),  # two verbs
    ("--- MEET [040] ---\nMEET\n- * TALKS [040:041:042]\n", 3),  # not a code
    ("--- MEET [040] ---\nMEET\n- * (WITH (IN TOWN)) [040]\n", 3),  # nested phrases
    ("- * TALKS [040]\n", 1),  # a pattern before any verb block
    ("--- MEET [040 ---\nMEET\n", 1),  # a broken header
    ("--- NOTE [010] ---\nTAKE_NOTE\n", 2),  # a multiword verb without its '+'
    ("&TIES RELATIONS\n", 1),  # a synonym set header with a member on it
    ("# comment\n\n--- MEET [040] ---\nMEET\n- * {PEACE $} [040]\n", 5),  # a marker inside {..}
])
def test_petrarch_verbs_malformed_line_is_refused_with_its_line(tmp_path: Path, body: str, line: int) -> None:
    path = tmp_path / "bad.verbs.txt"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        read_verb_dictionary(path, load_tables(), 0)
    assert err.value.code == "C340" and err.value.line == line and "bad.verbs.txt" in str(err.value)


def test_petrarch_verbs_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError) as err:
        load_lexicon(petrarch_files=[str(tmp_path / "nope.txt")])
    assert err.value.code == "C341" and "nope.txt" in str(err.value)


def test_petrarch_verbs_comments_and_transformations_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "c.verbs.txt"
    path.write_text("<!-- a comment\n  over two lines -->\n--- MEET [040] --- # the block\nMEET  <!-- inline -->\n"
                    "- * {PEACE TALKS} [036]   # a pattern\n~ a (b . MEET) SAY = a b 036\n", encoding="utf-8")
    frames = read_verb_dictionary(path, load_tables(), 0)
    assert [(f.lemma, f.cameo) for f in frames] == [("meet", "040"), ("meet", "036")]


def test_petrarch_verbs_flag_on_code_command(verbs: Path, nlp: Any, capsys: Any) -> None:
    assert main(["code", "Kenya received aid from Japan.", "--json", "--verbs-petrarch", str(verbs)]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert [(e["type"], e["cameo"]) for e in events] == [("AID", "070")]


# ------------------------------------------------ [events] dictionary_codes: "plover" | "literal"
TENSE_VERBS = """\
# A second test dictionary (written for these tests): codes whose PLOVER reading depends on tense
--- VISIT  [042]  ---
VISIT
--- ATTACK  [190]  ---
ATTACK
--- WITHDRAW  [080]  ---
WITHDRAW
--- HELP  [070]  ---
HELP
--- HOST  [043:042]  ---
HOST
"""


def _mode_opts(tmp_path: Path, mode: str) -> Options:
    path = tmp_path / "tense.verbs.txt"
    path.write_text(TENSE_VERBS, encoding="utf-8")
    return Options().with_overrides({"events.petrarch_verb_files": [str(path)], "events.dictionary_codes": mode})


@pytest.mark.parametrize(("text", "plover", "literal"), [
    # a future visit: PLOVER's auxiliary-mode rule makes it an intent (AGREE 036); PETRARCH codes
    # the dictionary's 042 whatever the tense
    ("France will visit Germany next week.", {("AGREE", "036", "FRA", "DEU")}, {("CONSULT", "042", "FRA", "DEU")}),
    ("France said it would visit Germany.", {("AGREE", "036", "FRA", "DEU")}, {("CONSULT", "042", "FRA", "DEU")}),
    # a past visit: the same either way
    ("France visited Germany on Monday.", {("CONSULT", "042", "FRA", "DEU")}, {("CONSULT", "042", "FRA", "DEU")}),
    # a modal: PLOVER codes no hypothetical force (or a threat in reported speech); PETRARCH's
    # modals pass the verb's code up unchanged
    ("Russia could attack Ukraine.", set(), {("ASSAULT", "190", "RUS", "UKR")}),
    ("Russia might attack Ukraine, officials said.", {("THREATEN", "138", "RUS", "UKR")},
     {("ASSAULT", "190", "RUS", "UKR")}),
    # an if-clause is a condition, not an event, in both modes
    ("If Russia attacks Ukraine, the alliance will meet.", set(), set()),
    # negation: PETRARCH2 reads "not X" as "refuse to X" (CAMEO 12) for cooperative and yielding
    # codes; other negated codes, and PLOVER's negated events, code nothing
    ("Israel did not withdraw from Lebanon.", set(), {("REJECT", "124", "ISR", "LBN")}),
    ("Japan will not help Kenya.", set(), {("REJECT", "121", "JPN", "KEN")}),
    ("Russia did not attack Ukraine.", set(), set()),
    # a question is no fact in both modes
    ("Did France visit Germany?", set(), set()),
    # a hosted visit is written visitor -> host (042) in both modes: the same CAMEO event as the
    # host's 043, once
    ("Egypt hosted the Saudi king.", {("CONSULT", "042", "SAU", "EGY")}, {("CONSULT", "042", "SAU", "EGY")}),
    ("Egypt will host the Saudi king.", {("AGREE", "036", "SAU", "EGY")}, {("CONSULT", "042", "SAU", "EGY")}),
])
def test_petrarch_verbs_dictionary_codes_plover_or_literal(tmp_path: Path, nlp: Any, text: str,
                                                           plover: set[Any], literal: set[Any]) -> None:
    assert _codes(code_text(text, options=_mode_opts(tmp_path, "plover"))) == plover
    assert _codes(code_text(text, options=_mode_opts(tmp_path, "literal"))) == literal


def test_petrarch_verbs_plover_is_the_default(tmp_path: Path, nlp: Any) -> None:
    path = tmp_path / "tense.verbs.txt"
    path.write_text(TENSE_VERBS, encoding="utf-8")
    opts = Options().with_overrides({"events.petrarch_verb_files": [str(path)]})
    assert opts.get("events.dictionary_codes") == "plover"
    assert _codes(code_text("France will visit Germany next week.", options=opts)) == {("AGREE", "036", "FRA", "DEU")}


@pytest.mark.parametrize("text", [
    "Turkey will hold talks with Greece.",  # our light verb + event noun, future: AGREE 036
    "Brazil could impose sanctions on Venezuela.",  # our lexicon, modal: not a fact
])
def test_petrarch_verbs_literal_leaves_our_own_lexicon_alone(tmp_path: Path, nlp: Any, text: str) -> None:
    ours = _codes(code_text(text, options=_mode_opts(tmp_path, "plover")))
    assert _codes(code_text(text, options=_mode_opts(tmp_path, "literal"))) == ours
    assert ours == ({("AGREE", "036", "TUR", "GRC")} if text.startswith("Turkey") else set())


def test_petrarch_verbs_literal_explains_the_kept_code(tmp_path: Path, nlp: Any) -> None:
    _, explained = explain_text("France will visit Germany next week.", options=_mode_opts(tmp_path, "literal"))
    [x] = [x for x in explained if x.event is not None]
    assert any("042 kept as written" in s for s in x.frame.steps)


def test_petrarch_verbs_dictionary_codes_unknown_value_is_refused() -> None:
    from communique.errors import ConfigError
    from communique.events.coder import EventCoder

    with pytest.raises(ConfigError) as err:
        EventCoder(Options().with_overrides({"events.dictionary_codes": "cameo"}))
    assert err.value.code == "C240" and "literal" in str(err.value)
