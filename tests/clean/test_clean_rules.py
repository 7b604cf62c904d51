"""Every boilerplate rule removes what it targets (recorded, with offsets) and keeps real prose."""

from __future__ import annotations

import pytest

from communique.clean import clean_text, default_rules

LEAD = (
    "Russia and Ukraine signed separate agreements with Turkey and the United Nations in "
    "Istanbul on Friday to reopen Ukraine's Black Sea ports to grain exports."
)
TAIL = "The agreements are valid for 120 days and can be renewed, officials said."

REMOVED: list[tuple[str, str]] = [
    # navigation
    ("navigation", "Home | World | Europe | Middle East | Business"),
    ("navigation", "Skip to main content"),
    ("navigation", "Home > World > Europe"),
    ("navigation", "World › Europe › Russia-Ukraine war"),
    ("navigation", "Menu"),
    ("navigation", "Back to top"),
    # paywall
    ("paywall", "Subscribe to continue reading."),
    ("paywall", "You have reached your free article limit for this month."),
    ("paywall", "You've read all of your free articles this month."),
    ("paywall", "Already a subscriber? Log in"),
    ("paywall", "This article is for subscribers only."),
    ("paywall", "Get unlimited digital access for $1 a week. Cancel anytime."),
    # teaser links
    ("teaser_link", "Continue reading: Why the Istanbul talks stalled"),
    ("teaser_link", "Read more: Ukraine's grain exports hit a record"),
    ("teaser_link", "READ MORE: Erdogan offers to host new peace talks"),
    ("teaser_link", "Related: Timeline of the Black Sea grain deal"),
    ("teaser_link", "Continue reading"),
    ("teaser_link", "Read more »"),
    # story goes on
    ("story_continues", "The story goes on"),
    ("story_continues", "Story continues below advertisement"),
    ("story_continues", "Article continues after this ad"),
    # captions and credits
    ("caption", "Photo: Erdogan greets the delegations at Dolmabahce Palace."),
    ("caption", "Image: Cargo ships wait at the port of Odesa"),
    ("caption", "Caption: Antonio Guterres speaks at the signing ceremony"),
    (
        "caption",
        "Guterres and Erdogan attend the signing ceremony in Istanbul, Turkey, July 22, 2022. "
        "REUTERS/Umit Bektas",
    ),
    ("caption", "Delegates arrive at Dolmabahce Palace. (Photo by Ozan Kose/AFP via Getty Images)"),
    # republication notes
    ("republication_note", "This story originally appeared in Foreign Policy."),
    ("republication_note", "This article was first published by The Conversation."),
    ("republication_note", "A version of this story first appeared in the Kyiv Independent."),
    # share prompts
    ("share_prompt", "Share this article"),
    ("share_prompt", "Follow us on Twitter for the latest updates."),
    ("share_prompt", "Sign up for our Europe Express newsletter to get the news every morning."),
    ("share_prompt", "Share Facebook Twitter Email"),
    # cookies, ads
    (
        "cookie_notice",
        "We use cookies to improve your experience. By continuing to use this site you agree.",
    ),
    ("cookie_notice", "Accept all cookies"),
    ("cookie_notice", "Manage cookie preferences"),
    ("advertisement", "Advertisement"),
    ("advertisement", "ADVERTISEMENT - SCROLL TO CONTINUE"),
    # encyclopedia debris
    ("encyclopedia_tagline", "From Wikipedia, the free encyclopedia"),
    (
        "encyclopedia_hatnote",
        "This article is about the 2022 grain deal. For the 2023 exit, see ...",
    ),
    ("reference_heading", "See also[edit]"),
    ("reference_heading", "External links"),
    (
        "reference_entry",
        '^ "Grain deal signed". Harbour Times. 22 July 2022. Retrieved 1 August 2022.',
    ),
]

KEPT: list[str] = [
    "Erdogan said Turkey would share intelligence on shipping with both sides.",
    "Officials said they would read the text of the agreement closely before signing.",
    "Russia's foreign ministry said it would continue reading the proposals before replying.",
    "Subscribers to the UN shipping database saw traffic rise in August.",
    "Ukraine talks | Live",
    "Home ministers from the 27 EU states met in Luxembourg on Thursday.",
    "Menu prices in Istanbul rose 80% last year, the statistics office said.",
    "The photo opportunity at the palace lasted only minutes, a Turkish official said.",
    "Photographs released by the ministry showed the damaged port of Odesa.",
    "A Reuters/Ipsos poll found most Americans backed the deal.",
    "The story continues to develop as negotiators return to Moscow.",
    "Related talks on prisoner exchanges are planned in Geneva next month.",
    "Watch the Black Sea closely, a NATO diplomat warned.",
    "The ministry said its advertisement campaign on bread prices had ended.",
    "Turkey followed the talks closely, according to a statement on Twitter.",
    "The text of the agreement was first published by the UN on Friday.",
    "Already a member of NATO, Turkey has kept open channels to Moscow.",
    "Cookies and sweets were handed to the delegations after the signing.",
    "Users must accept cookies under the new EU rules, the commission said.",
    "The European Commission's cookie policy angered publishers in Brussels.",
    "You have reached the limit of our patience, the Russian envoy told the council.",
    "China contributed troops to the UN mission in South Sudan.",
    "Reporting by state media suggested the talks had collapsed.",
    "References to the 1936 Montreux Convention were removed from the final text.",
    "Divers retrieved the ship's recorder on 3 March 2024, the navy said.",
]


def _article(middle: str) -> str:
    return f"{LEAD}\n\n{middle}\n\n{TAIL}"


@pytest.mark.parametrize(("reason", "line"), REMOVED, ids=[f"{r}:{ln[:30]}" for r, ln in REMOVED])
def test_boilerplate_line_is_removed_with_reason_and_offsets(reason: str, line: str) -> None:
    raw = _article(line)
    cleaned = clean_text(raw, rules=default_rules())
    assert cleaned.text == f"{LEAD}\n\n{TAIL}"
    (span,) = cleaned.removed
    assert span.reason == reason
    assert span.text == line
    assert raw[span.start : span.end] == line


@pytest.mark.parametrize("line", KEPT, ids=[ln[:40] for ln in KEPT])
def test_prose_that_resembles_boilerplate_is_kept(line: str) -> None:
    cleaned = clean_text(_article(line), rules=default_rules())
    assert cleaned.removed == []
    assert cleaned.text == _article(line)


INLINE: list[tuple[str, str, str, str]] = [
    (
        "Erdogan greeted the delegations at the palace (Photo by Ozan Kose/AFP via Getty Images) "
        "before the talks began behind closed doors, and aides said the session ran long into the "
        "evening as both sides argued over the wording of the final text on shipping inspections.",
        "caption",
        "(Photo by Ozan Kose/AFP via Getty Images)",
        "Erdogan greeted the delegations at the palace before the talks began behind closed doors, "
        "and aides said the session ran long into the evening as both sides argued over the "
        "wording of the final text on shipping inspections.",
    ),
    (
        "Guterres called the deal a beacon of hope. ADVERTISEMENT He said a joint centre would "
        "monitor ships.",
        "advertisement",
        "ADVERTISEMENT",
        "Guterres called the deal a beacon of hope. He said a joint centre would monitor ships.",
    ),
    (
        "The accord was signed in 2022[1] and renewed twice[citation needed].",
        "citation_marker",
        "[1]",
        "The accord was signed in 2022 and renewed twice.",
    ),
    (
        "Negotiations[edit]",
        "edit_marker",
        "[edit]",
        "Negotiations",
    ),
]


@pytest.mark.parametrize(
    ("line", "reason", "first_piece", "kept"), INLINE, ids=[r for _, r, _, _ in INLINE]
)
def test_inline_piece_is_cut_and_paragraph_kept(
    line: str, reason: str, first_piece: str, kept: str
) -> None:
    raw = _article(line)
    cleaned = clean_text(raw, rules=default_rules())
    assert cleaned.text == _article(kept)
    first = cleaned.removed[0]
    assert (first.reason, first.text) == (reason, first_piece)
    assert all(raw[r.start : r.end] == r.text for r in cleaned.removed)


@pytest.mark.parametrize(
    "line",
    [
        "PARIS (AFP) — France recalled its ambassador to Niger on Sunday.",
        "Lavrov said that [the ministry] had received the note.",
        "The agency's advertisement budget (about $2m) was frozen.",
    ],
)
def test_inline_rules_keep_datelines_and_editorial_brackets(line: str) -> None:
    cleaned = clean_text(_article(line), rules=default_rules())
    assert cleaned.removed == []
