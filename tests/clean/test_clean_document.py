"""clean_document: contributors kept, text normalised (quotes intact), flags set, rules loadable."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from communique.clean import clean_document, default_rules, load_rules
from communique.errors import KnowledgeError
from communique.records import SourceDocument

BODY = (
    "Chinese Foreign Minister Wang Yi met his Australian counterpart Penny Wong in Canberra on "
    "Wednesday, the first visit to Australia by a Chinese foreign minister in seven years.\n\n"
    "The two ministers agreed to hold annual talks and to resume a dialogue on defence, "
    "officials from both sides said after the meeting at Parliament House."
)


def _src(text: str, **kw: object) -> SourceDocument:
    return SourceDocument(id="doc-1", text=text, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jane Doe contributed reporting from Beijing.", ("Jane Doe",)),
        ("Anna Kowalski and Tomás Ruiz contributed reporting.", ("Anna Kowalski", "Tomás Ruiz")),
        (
            "Additional reporting by Emma Farge in Geneva and Michelle Nichols at the United Nations.",
            ("Emma Farge", "Michelle Nichols"),
        ),
        (
            "Reporting by Kirsty Needham; Editing by Lincoln Feast",
            ("Kirsty Needham", "Lincoln Feast"),
        ),
        (
            "(Reporting by Humeyra Pamuk in Washington; Writing by David Brunnstrom; Editing by Jonathan Oatis)",
            ("Humeyra Pamuk", "David Brunnstrom", "Jonathan Oatis"),
        ),
        (
            "Ursula von der Leyen and Li Wei contributed to this report.",
            ("Ursula von der Leyen", "Li Wei"),
        ),
    ],
)
def test_contributor_line_is_removed_and_names_kept(line: str, names: tuple[str, ...]) -> None:
    doc = clean_document(_src(f"{BODY}\n\n{line}"), rules=default_rules())
    assert doc.text == BODY
    assert doc.contributors == names
    assert [r.reason for r in doc.removed] == ["contributor_line"]


def test_wire_credit_inside_last_paragraph_is_cut_and_names_kept() -> None:
    raw = BODY + " (Reporting by Kirsty Needham in Sydney; Editing by Lincoln Feast)"
    doc = clean_document(_src(raw), rules=default_rules())
    assert doc.text == BODY
    assert doc.contributors == ("Kirsty Needham", "Lincoln Feast")
    (span,) = doc.removed
    assert raw[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # entities left over from scraping are unescaped
        (
            "Wong said Canberra &amp; Beijing would talk.",
            "Wong said Canberra & Beijing would talk.",
        ),
        ("China&#8217;s envoy arrived.", "China's envoy arrived."),
        # curly apostrophe inside a word becomes straight; curly quotes stay as they are
        (
            "Wong said Australia would \u201cco-operate where we can\u201d and China\u2019s ships were unsafe.",
            "Wong said Australia would \u201cco-operate where we can\u201d and China's ships were unsafe.",
        ),
        (
            "\u2018We won\u2019t back down,\u2019 Wang said.",
            "\u2018We won't back down,\u2019 Wang said.",
        ),
        # hard-wrapped lines join; blank lines stay paragraph breaks; spaces collapse
        (
            "Wang met Wong\nin Canberra.\n\n\n  They agreed   to talk\u00a0again. ",
            "Wang met Wong in Canberra.\n\nThey agreed to talk again.",
        ),
        # without any blank line, each line is a paragraph
        ("Wang met Wong.\nThey agreed to talk.", "Wang met Wong.\n\nThey agreed to talk."),
        # invisible characters go
        ("Can\u00adberra talks\u200b ended.", "Canberra talks ended."),
    ],
)
def test_text_normalisation_keeps_quotes_and_paragraphs(raw: str, clean: str) -> None:
    assert clean_document(_src(raw), rules=default_rules()).text == clean


def test_document_carries_metadata_and_hash_of_cleaned_text() -> None:
    src = _src(
        f"Skip to content\n\n{BODY}",
        title="Wang  Yi in Canberra &amp; Sydney",
        source="Pacific Ledger",
        published="2022-12-21",
        url="https://pl.example/wang",
        origin="in.jsonl:4",
        format="jsonl",
        meta={"lang": "en"},
    )
    doc = clean_document(src, rules=default_rules())
    assert (doc.id, doc.title, doc.source, doc.published, doc.url, doc.origin, doc.format) == (
        "doc-1",
        "Wang Yi in Canberra & Sydney",
        "Pacific Ledger",
        "2022-12-21",
        "https://pl.example/wang",
        "in.jsonl:4",
        "jsonl",
    )
    assert doc.meta == {"lang": "en"}
    assert doc.content_hash == hashlib.sha1(BODY.encode()).hexdigest()
    assert doc.flags == ()


MESSY = """Home | World | Asia | Politics
Skip to content

Wang Yi met Penny Wong in Canberra on Wednesday.

Continue reading: How trade curbs shaped the relationship

Wang and Wong shake hands at Parliament House. (Photo by Hilary Wardhaugh/AFP via Getty Images)
The ministers agreed to annual talks (Photo by Lukas Coch/AFP via Getty Images) and a defence dialogue.
Share this article
ADVERTISEMENT
Wong said the talks were \u201cfrank\u201d.
Jane Doe contributed reporting from Beijing."""


def test_every_removed_span_points_into_the_raw_text() -> None:
    doc = clean_document(_src(MESSY), rules=default_rules())
    assert doc.text == (
        "Wang Yi met Penny Wong in Canberra on Wednesday.\n\n"
        "The ministers agreed to annual talks and a defence dialogue. "
        "Wong said the talks were \u201cfrank\u201d."
    )
    assert len(doc.removed) == 8
    assert all(MESSY[r.start : r.end] == r.text for r in doc.removed)
    assert [r.start for r in doc.removed] == sorted(r.start for r in doc.removed)


# --------------------------------------------------------------------------------------- flags

PAYWALL_TEASER = (
    "Blinken lands in Beijing on mission to steady ties\n\n"
    "U.S. Secretary of State Antony Blinken arrived in Beijing on Sunday for two days of talks, "
    "the first visit by a secretary of state in five years.\n\n"
    "Subscribe to continue reading\n\nAlready a subscriber? Log in"
)
LONG_ARTICLE = " ".join([BODY] * 4) + "\n\nAlready a subscriber? Log in"
ENCYCLOPEDIA = """From Wikipedia, the free encyclopedia

This article is about the 2021 meeting in Alaska. For other talks, see US-China relations.

The Alaska summit was a meeting between US and Chinese officials in Anchorage in March 2021.[1]

Background[edit]

The talks followed a period of tension over trade.[2]

See also[edit]

References[edit]

^ "Tense opening in Anchorage". Harbour Post. 19 March 2021. Retrieved 2 April 2021."""


@pytest.mark.parametrize(
    ("text", "meta", "codes", "evidence"),
    [
        (  # nothing left, and what went was a paywall: both flags
            "Subscribe to continue reading\nShare this article\nAdvertisement",
            {},
            ["empty_after_cleaning", "paywall_stub"],
            "Subscribe to continue reading",
        ),
        (PAYWALL_TEASER, {}, ["paywall_stub"], "Subscribe to continue reading"),
        (LONG_ARTICLE, {}, [], None),
        (BODY, {"published_raw": "21/13/2022"}, ["bad_published_date"], "21/13/2022"),
        (ENCYCLOPEDIA, {}, ["non_news_page"], "From Wikipedia, the free encyclopedia"),
        (BODY + " The ministers cited a 2019 report.[1]", {}, [], None),  # one marker kind: news
    ],
    ids=[
        "all boilerplate",
        "paywall teaser",
        "long article with login prompt",
        "bad date",
        "encyclopedia",
        "news with a footnote",
    ],
)
def test_flags(text: str, meta: dict[str, str], codes: list[str], evidence: str | None) -> None:
    doc = clean_document(_src(text, meta=meta), rules=default_rules())
    assert [f.code for f in doc.flags] == codes
    if codes:
        assert doc.flags[0].evidence == evidence


def test_encyclopedia_debris_is_removed_with_reasons() -> None:
    doc = clean_document(_src(ENCYCLOPEDIA), rules=default_rules())
    assert doc.text == (
        "The Alaska summit was a meeting between US and Chinese officials in Anchorage in March 2021."
        "\n\nBackground\n\nThe talks followed a period of tension over trade."
    )
    assert {r.reason for r in doc.removed} == {
        "encyclopedia_tagline",
        "encyclopedia_hatnote",
        "citation_marker",
        "edit_marker",
        "reference_heading",
        "reference_entry",
    }


# ------------------------------------------------------------------------------ pattern files


def _toml(tmp_path: Path, body: str) -> Path:
    f = tmp_path / "extra.toml"
    f.write_text(body, encoding="utf-8")
    return f


def test_user_pattern_file_adds_a_rule(tmp_path: Path) -> None:
    f = _toml(
        tmp_path,
        '[[rule]]\nname = "ledger_promo"\nscope = "line"\nreason = "promotion"\n'
        "regex = '''Download the Pacific Ledger app.{0,80}'''\n"
        'comment = "House promo of one outlet."\n',
    )
    rules = load_rules([f])
    raw = f"{BODY}\n\nDownload the Pacific Ledger app for breaking news."
    doc = clean_document(_src(raw), rules=rules)
    assert doc.text == BODY
    assert [r.reason for r in doc.removed] == ["promotion"]
    # without the file the promo stays
    assert (
        "Download the Pacific Ledger app" in clean_document(_src(raw), rules=default_rules()).text
    )


def test_user_rule_with_builtin_name_replaces_it(tmp_path: Path) -> None:
    f = _toml(
        tmp_path,
        '[[rule]]\nname = "menu_words"\nscope = "line"\nreason = "navigation"\n'
        "regex = '''main menu'''\n"
        'comment = "Keep the word Search: this outlet prints search terms on their own line."\n',
    )
    rules = load_rules([f])
    assert rules.names.count("menu_words") == 1
    doc = clean_document(_src(f"{BODY}\n\nSearch"), rules=rules)
    assert doc.text.endswith("Search")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (
            '[[rule]]\nname = "x"\nscope = "line"\nreason = "x"\nregex = \'\'\'(?:)?\'\'\'\ncomment = "c"\n',
            "C304",
        ),
        (
            '[[rule]]\nname = "x"\nscope = "line"\nreason = "x"\nregex = \'\'\'(unclosed\'\'\'\ncomment = "c"\n',
            "C303",
        ),
        (
            '[[rule]]\nname = "x"\nscope = "page"\nreason = "x"\nregex = "Ad"\ncomment = "c"\n',
            "C302",
        ),
        (
            '[[rule]]\nname = "x"\nscope = "line"\nreason = "Bad Reason"\nregex = "Ad"\ncomment = "c"\n',
            "C302",
        ),
        ('[[rule]]\nname = "x"\nscope = "line"\nreason = "x"\nregex = "Ad"\n', "C302"),
        (
            '[[rule]]\nname = "x"\nscope = "line"\nreason = "x"\nregex = "Ad"\ncomment = "c"\nflags = "i"\n',
            "C302",
        ),
        (
            '[[rule]]\nname = "x"\nscope = "line"\nreason = "contributor_line"\nregex = "By .+"\ncomment = "c"\n',
            "C302",
        ),
        ("[[rule]\n", "C301"),
        ("title = 'no rules'\n", "C302"),
    ],
    ids=[
        "matches empty",
        "broken regex",
        "bad scope",
        "bad reason",
        "no comment",
        "unknown field",
        "contributor without names group",
        "bad toml",
        "no rules",
    ],
)
def test_bad_pattern_file_is_refused_with_code_and_line(
    tmp_path: Path, body: str, code: str
) -> None:
    f = _toml(tmp_path, body)
    with pytest.raises(KnowledgeError) as err:
        load_rules([f])
    assert err.value.code == code
    assert err.value.path == str(f)
    if code in ("C302", "C303", "C304") and "[[rule]]" in body:
        assert err.value.line == 1
