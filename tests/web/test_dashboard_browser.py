"""The dashboard in headless Chromium against the real server: timeline → events → document with
the evidence marked, tone point → its events, filters; article markup stays text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api.sample_store import SAMPLE_SENTENCES, SCRIPT

pytestmark = [pytest.mark.slow, pytest.mark.browser]

# Generous: CI machines are shared and Chromium start-up under load can take seconds.
PAGE_TIMEOUT_MS = 30_000


class Watched:
    """A page plus everything that went wrong on it: alerts, JS errors, off-site requests."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: None if r.url.startswith((base, "data:")) else self.foreign.append(r.url))

    def clean(self) -> bool:
        return not (self.dialogs or self.errors or self.foreign)


@pytest.fixture()
def dash(browser: Any, server_url: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    watched = Watched(page, server_url)
    page.goto(server_url + "/")
    page.wait_for_selector("body[data-ready='1']")
    yield watched
    context.close()


def _rows(page: Any) -> list[str]:
    return page.locator("#events tr.event-row").evaluate_all("rows => rows.map(r => r.dataset.id)")


def _wait_rows(page: Any, n: int) -> None:
    page.wait_for_function("(n) => document.querySelectorAll('#events tr.event-row').length === n", arg=n)


def test_dashboard_timeline_to_event_to_evidence_keeps_script_as_text(dash: Watched) -> None:
    page = dash.page
    # default pair is the one with most events: US-China, two episodes on the timeline
    assert page.locator("#pair").input_value() == "CHN-USA"
    assert page.locator("#timeline g.episode").evaluate_all("gs => gs.map(g => g.dataset.id)") == [
        "ep-2021-03-anchorage", "ep-2023-06-beijing",
    ]
    page.locator("#timeline g.episode[data-id='ep-2021-03-anchorage']").click()
    page.wait_for_function("() => document.querySelector('#events-scope').textContent.includes('Anchorage')")
    _wait_rows(page, 5)
    assert set(_rows(page)) == {"ev-anc-consult", "ev-anc-accuse", "ev-anc-reject", "ev-anc-agree", "ev-post-threaten"}
    assert "internal affairs, Hong Kong" in page.locator("#episode").inner_text()

    page.locator("#events tr.event-row[data-id='ev-post-threaten']").click()
    page.wait_for_selector("#doc-text mark")
    assert page.locator("#doc-text mark").text_content() == SAMPLE_SENTENCES["ev-post-threaten"]
    assert SCRIPT in page.locator("#doc-text mark").text_content()
    assert page.locator("#document script, #document img, #document b").count() == 0
    assert page.locator("#doc-title").text_content() == "Anchorage meeting ends with sharp words <b>and</b> a climate pledge"
    assert "title_contradiction" in page.locator("#doc-flags").inner_text()
    assert "<img src=x onerror=alert(2)> Share this story" in page.locator("#doc-removed").inner_text()
    assert page.locator("#doc-quotes li").all_inner_texts() == [
        "Antony Blinken (reported): the United States would stand with its allies",
    ]
    assert dash.clean(), (dash.dialogs, dash.errors, dash.foreign)


@pytest.mark.parametrize(
    ("period", "event_id"),
    [
        ("2023-06-12", "ev-bj-accuse"),
        ("2021-03-15", "ev-anc-reject"),
    ],
)
def test_dashboard_tone_point_drills_down_to_its_events(dash: Watched, period: str, event_id: str) -> None:
    page = dash.page
    point = page.locator(f"#tone circle.point[data-period='{period}']")
    point.click()
    page.wait_for_function("(p) => document.querySelector('#events-scope').textContent.includes(p)", arg=period)
    expected = {"2023-06-12": 1, "2021-03-15": 5}[period]
    _wait_rows(page, expected)
    assert event_id in _rows(page)
    page.locator(f"#events tr.event-row[data-id='{event_id}']").click()
    page.wait_for_function(
        "(s) => document.querySelector('#doc-text mark') && document.querySelector('#doc-text mark').textContent === s",
        arg=SAMPLE_SENTENCES[event_id],
    )
    assert dash.clean(), (dash.dialogs, dash.errors, dash.foreign)


@pytest.mark.parametrize(
    ("fill", "expected"),
    [
        ({"#type": "AGREE"}, {"ev-anc-agree", "ev-bj-agree"}),
        ({"#q": "China threat"}, {"ev-bj-accuse"}),
        ({"#from": "2023-01-01"}, {"ev-bj-consult", "ev-bj-accuse", "ev-bj-agree"}),
        ({"#to": "2021-03-18", "#type": "REJECT"}, {"ev-anc-reject"}),
        ({"#pair": "CHN-IND"}, {"ev-ind-protest"}),
    ],
)
def test_dashboard_filters_narrow_the_event_list(dash: Watched, fill: dict[str, str], expected: set[str]) -> None:
    page = dash.page
    for selector, value in fill.items():
        if selector in ("#type", "#pair"):
            page.select_option(selector, value)
        else:
            page.fill(selector, value)
    page.click("#apply")
    _wait_rows(page, len(expected))
    assert set(_rows(page)) == expected
    assert dash.clean(), (dash.dialogs, dash.errors, dash.foreign)


def test_dashboard_pair_switch_redraws_timeline_and_tone(dash: Watched) -> None:
    page = dash.page
    page.select_option("#pair", "CHN-IND")
    page.wait_for_function("() => document.querySelector('#tone-pair').textContent === 'CHN-IND'")
    page.wait_for_function("() => document.querySelectorAll('#timeline g.episode').length === 1")
    assert page.locator("#timeline g.episode").get_attribute("data-id") == "ep-2020-06-galwan"
    # the tone chart is redrawn once, for the new pair only
    assert page.locator("#tone svg").count() == 1
    assert page.locator("#tone circle.point").evaluate_all("cs => cs.map(c => c.dataset.period)") == ["2020-06-15"]
    assert dash.clean(), (dash.dialogs, dash.errors, dash.foreign)


def test_dashboard_keyboard_opens_event_with_enter(dash: Watched) -> None:
    page = dash.page
    page.locator("#timeline g.episode[data-id='ep-2023-06-beijing']").focus()
    page.keyboard.press("Enter")
    _wait_rows(page, 3)
    page.locator("#events tr.event-row[data-id='ev-bj-agree']").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#doc-text mark")
    assert page.locator("#doc-text mark").text_content() == SAMPLE_SENTENCES["ev-bj-agree"]
    assert dash.clean(), (dash.dialogs, dash.errors, dash.foreign)
