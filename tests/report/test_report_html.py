"""The offline HTML report: self-contained (loads nothing), shows the episodes, evidence, issues,
quotes, removed spans and flags, and escapes article text."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

import pytest
from api.sample_store import SAMPLE_SENTENCES, SCRIPT

from communique.cli import main
from communique.records import ActorRef, DocResult, Document, Quote
from communique.report import MAX_QUOTES_PER_SPEAKER, write_report
from communique.store import Store

BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]
LOADING_TAGS = {"script", "link", "img", "iframe", "object", "embed", "source", "audio", "video", "frame"}


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the page's visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(path: Path) -> tuple[str, _Tags]:
    raw = path.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(raw)
    return raw, parser


@pytest.fixture(scope="module")
def full_report(report_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rep") / "report.html"
    write_report(report_db, out)
    return out


def test_report_loads_nothing_from_the_network(full_report: Path) -> None:
    raw, page = _parse(full_report)
    assert not [t for t, _ in page.tags if t in LOADING_TAGS]
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            if value and value.lower().lstrip().startswith(("http:", "https:", "//")):
                assert (tag, name) == ("a", "href"), (tag, name, value)
    assert "@import" not in raw and "url(" not in raw
    csp = [a.get("content") for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in str(csp[0])


def test_report_escapes_article_markup(full_report: Path) -> None:
    raw, page = _parse(full_report)
    assert SCRIPT not in raw
    assert html.escape(SCRIPT) in raw
    assert "<img src=x onerror" not in raw and "<b>and</b>" not in raw
    text = "".join(page.text)
    assert SCRIPT in text  # shown to the reader as text
    assert "Anchorage meeting ends with sharp words <b>and</b> a climate pledge" in text


@pytest.mark.parametrize(
    "expected",
    [
        "US\u2013China talks in Anchorage",  # episode timeline and section
        "Blinken visit to Beijing",
        "Galwan Valley clash",
        SAMPLE_SENTENCES["ev-anc-reject"],  # evidence of a consolidated event
        SAMPLE_SENTENCES["ev-post-threaten"],
        SAMPLE_SENTENCES["ev-bj-agree"],  # evidence of a plain episode event
        "internal affairs, Hong Kong",  # issues raised by CHN at Anchorage
        "rules-based order, Xinjiang",
        "Washington must stop hyping the China threat",  # quote
        "Subrahmanyam Jaishankar",  # quotes grouped by speaker name
        "newsletter_promo",  # removed span reason
        "Subscribe to Harbour Wire for daily briefings",  # removed span text
        "title_contradiction",  # quality flag
        "CHN-USA",  # tone chart per pair
        "CHN-IND",
    ],
)
def test_report_shows_expected_content(full_report: Path, expected: str) -> None:
    _, page = _parse(full_report)
    assert expected in "".join(page.text)


def test_report_for_one_dyad_keeps_only_that_pair(report_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ind-chn.html"
    data = write_report(report_db, out, dyad=("IND", "CHN"))
    assert [e.id for e in data.episodes] == ["ep-2020-06-galwan"]
    assert [e.id for e in data.events] == ["ev-ind-protest"]
    assert list(data.tone) == ["CHN-IND"]
    text = "".join(_parse(out)[1].text)
    assert "Galwan Valley clash" in text and "Anchorage" not in text
    assert SAMPLE_SENTENCES["ev-ind-protest"] in text


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://news.example.org/a", True),
        ("javascript:alert(3)", False),
        ("data:text/html,<script>alert(4)</script>", False),
    ],
)
def test_report_links_only_http_urls(tmp_path: Path, url: str, linked: bool) -> None:
    db = tmp_path / "one.duckdb"
    with Store(db) as store:
        store.write_results([DocResult(Document(id="d1", text="Talks were held.", title="T", url=url))])
    out = tmp_path / "r.html"
    write_report(db, out)
    _, page = _parse(out)
    hrefs = [a.get("href") for t, a in page.tags if t == "a"]
    assert (url in hrefs) is linked
    assert url in "".join(page.text)


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["--dyad", "USA-CHN"], 0),
        ([], 0),
        (["--dyad", "USA"], 2),
    ],
)
def test_report_command_writes_file_or_refuses_bad_dyad(
    report_db: Path, tmp_path: Path, argv: list[str], code: int
) -> None:
    out = tmp_path / "cli.html"
    assert main(["report", "--db", str(report_db), "--out", str(out), *argv]) == code
    assert out.exists() is (code == 0)


@pytest.mark.slow
@pytest.mark.browser
def test_report_opens_offline_in_a_browser_without_requests(full_report: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        try:
            page = browser.new_page()
            requests: list[str] = []
            dialogs: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(full_report.as_uri())
            assert requests == [full_report.as_uri()]
            assert dialogs == []
            assert page.locator("svg.timeline g.episode").count() == 3
            assert page.locator("svg.tone").count() == 2
            assert page.locator("script").count() == 0
        finally:
            browser.close()


def test_report_caps_quotes_per_speaker_and_says_so(tmp_path: Path) -> None:
    speaker = ActorRef("Wang Wenbin", "Wang Wenbin", "CHN", "GOV")
    n = MAX_QUOTES_PER_SPEAKER + 5
    results = []
    for i in range(n):
        text = f"The spokesman said on day {i} that China firmly opposes the visit."
        quoted = "China firmly opposes the visit"
        start = text.index(quoted)
        doc = Document(id=f"brief-{i:02d}", text=text, title=f"Briefing {i}", published=f"2024-05-{i + 1:02d}")
        results.append(DocResult(doc, quotes=(Quote(f"q{i}", doc.id, quoted, (start, start + len(quoted)),
                                                   speaker, direct=False, date=doc.published),)))
    db = tmp_path / "q.duckdb"
    with Store(db) as store:
        store.write_results(results)
    out = tmp_path / "q.html"
    write_report(db, out)
    raw, page = _parse(out)
    assert f"{MAX_QUOTES_PER_SPEAKER} of {n} quotes shown" in "".join(page.text)
    assert raw.count("<blockquote>") == MAX_QUOTES_PER_SPEAKER
