"""A small hand-written store for the API, dashboard and report tests.

Real-shaped records (cleaned text with sentence offsets, resolved mentions, coded events with
their evidence spans, quotes, episodes), written through the real ``Store.write_results`` and
``Store.replace_stories`` into a real DuckDB file. One article carries literal markup
(``<script>alert(1)</script>``) that every view must show as text.
"""

from __future__ import annotations

__all__ = ["build_sample_store", "SAMPLE", "SAMPLE_SENTENCES", "EPISODES", "SCRIPT"]

from dataclasses import dataclass
from pathlib import Path

from communique.records import (
    ActorRef,
    DocResult,
    Document,
    Episode,
    Event,
    Flag,
    Location,
    Mention,
    Quote,
    RemovedSpan,
    Sentence,
)
from communique.store import Store

SCRIPT = "<script>alert(1)</script>"

BLINKEN = ActorRef("Antony Blinken", "Antony Blinken", "USA", "GOV", "blinken_antony", "Secretary of State")
YANG = ActorRef("Yang Jiechi", "Yang Jiechi", "CHN", "GOV", "yang_jiechi")
WANG = ActorRef("Wang Yi", "Wang Yi", "CHN", "GOV", "wang_yi", "Foreign Minister")
XI = ActorRef("Xi Jinping", "Xi Jinping", "CHN", "GOV", "xi_jinping", "President")
USA = ActorRef("the United States", "United States", "USA", None, "usa")
CHN = ActorRef("China", "China", "CHN", None, "chn")
IND = ActorRef("India", "India", "IND", None, "ind")
JAISHANKAR = ActorRef("S. Jaishankar", "Subrahmanyam Jaishankar", "IND", "GOV", "jaishankar_s")

# type: (mode, cameo, quad, score) — scores on the Goldstein-like scale the events stage uses.
CODES = {
    "CONSULT": (None, "040", 1, 1.0),
    "ACCUSE": (None, "112", 3, -2.0),
    "REJECT": (None, "120", 3, -4.0),
    "AGREE": (None, "030", 1, 3.0),
    "PROTEST": ("demonstrate", "140", 3, -6.5),
    "THREATEN": (None, "130", 3, -4.4),
}


@dataclass(frozen=True)
class EventSpec:
    id: str
    sentence: int
    type: str
    source: ActorRef
    target: ActorRef | None
    date: str
    trigger: str


@dataclass(frozen=True)
class QuoteSpec:
    id: str
    sentence: int
    text: str
    speaker: ActorRef
    date: str
    cue: str = "said"


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    source: str
    published: str
    sentences: tuple[str, ...]
    events: tuple[EventSpec, ...] = ()
    quotes: tuple[QuoteSpec, ...] = ()
    actors: tuple[ActorRef, ...] = ()
    removed: tuple[RemovedSpan, ...] = ()
    flags: tuple[Flag, ...] = ()
    place: Location | None = None


ANCHORAGE = Location("Anchorage", "USA", "city", 61.22, -149.9, 5879400, "Anchorage")
BEIJING = Location("Beijing", "CHN", "city", 39.91, 116.40, 1816670, "Beijing")

SAMPLE: tuple[Article, ...] = (
    Article(
        id="wire-anchorage",
        title="US and Chinese officials trade accusations as Anchorage talks open",
        source="Harbour Wire",
        published="2021-03-19",
        sentences=(
            "Senior American and Chinese officials opened two days of talks in Anchorage on Thursday.",
            "Antony Blinken accused China of threatening the rules-based order that keeps global stability.",
            "Yang Jiechi rejected the criticism and told the American side it had no standing to lecture China.",
            "\u201cWe will not accept interference in China\u2019s internal affairs,\u201d Yang Jiechi said.",
            "Both delegations agreed to keep working together on climate change.",
        ),
        events=(
            EventSpec("ev-anc-consult", 0, "CONSULT", USA, CHN, "2021-03-18", "opened two days of talks"),
            EventSpec("ev-anc-accuse", 1, "ACCUSE", BLINKEN, CHN, "2021-03-18", "accused"),
            EventSpec("ev-anc-reject", 2, "REJECT", YANG, USA, "2021-03-18", "rejected"),
            EventSpec("ev-anc-agree", 4, "AGREE", USA, CHN, "2021-03-19", "agreed"),
        ),
        quotes=(
            QuoteSpec("q-anc-yang", 3, "We will not accept interference in China\u2019s internal affairs,",
                      YANG, "2021-03-18"),
        ),
        actors=(BLINKEN, YANG, CHN),
        removed=(RemovedSpan("Subscribe to Harbour Wire for daily briefings", "newsletter_promo", 0, 46),),
        place=ANCHORAGE,
    ),
    Article(
        id="post-anchorage",
        title="Anchorage meeting ends with sharp words <b>and</b> a climate pledge",
        source="Harbour Post",
        published="2021-03-20",
        sentences=(
            "The talks in Anchorage ended on Friday after a tense opening session.",
            f"Yang Jiechi warned Washington {SCRIPT} against meddling over Hong Kong and Xinjiang.",
            "Antony Blinken said the United States would stand with its allies.",
        ),
        events=(
            EventSpec("ev-post-threaten", 1, "THREATEN", YANG, USA, "2021-03-18", "warned"),
        ),
        quotes=(
            QuoteSpec("q-post-blinken", 2, "the United States would stand with its allies", BLINKEN,
                      "2021-03-19"),
        ),
        actors=(YANG, BLINKEN, USA),
        removed=(RemovedSpan("<img src=x onerror=alert(2)> Share this story", "share_widget", 0, 44),),
        flags=(Flag("title_contradiction", "the title says the meeting ended; the text reports the opening session",
                    "after a tense opening session"),),
        place=ANCHORAGE,
    ),
    Article(
        id="beijing-visit",
        title="Blinken meets Xi in Beijing as both sides try to steady ties",
        source="Capital Daily",
        published="2023-06-19",
        sentences=(
            "Antony Blinken met Xi Jinping in Beijing on Monday.",
            "Wang Yi told Antony Blinken that Washington must stop hyping the China threat.",
            "The two governments agreed to resume regular high-level exchanges.",
        ),
        events=(
            EventSpec("ev-bj-consult", 0, "CONSULT", BLINKEN, XI, "2023-06-19", "met"),
            EventSpec("ev-bj-accuse", 1, "ACCUSE", WANG, USA, "2023-06-18", "told"),
            EventSpec("ev-bj-agree", 2, "AGREE", USA, CHN, "2023-06-19", "agreed"),
        ),
        quotes=(
            QuoteSpec("q-bj-wang", 1, "Washington must stop hyping the China threat", WANG, "2023-06-18",
                      cue="told"),
        ),
        actors=(BLINKEN, XI, WANG),
        place=BEIJING,
    ),
    Article(
        id="india-border",
        title="India protests to China over border build-up",
        source="Subcontinent Times",
        published="2020-06-17",
        sentences=(
            "India lodged a strong protest with China over the deaths of soldiers in the Galwan Valley.",
            "S. Jaishankar said the clash would have a serious impact on relations.",
        ),
        events=(
            EventSpec("ev-ind-protest", 0, "PROTEST", IND, CHN, "2020-06-16", "lodged a strong protest"),
        ),
        quotes=(
            QuoteSpec("q-ind-jaishankar", 1, "the clash would have a serious impact on relations", JAISHANKAR,
                      "2020-06-17"),
        ),
        actors=(IND, CHN, JAISHANKAR),
    ),
)

SAMPLE_SENTENCES: dict[str, str] = {
    spec.id: a.sentences[spec.sentence] for a in SAMPLE for spec in a.events
}
"""Evidence sentence of every sample event, by event id."""

EPISODES: tuple[Episode, ...] = (
    Episode(
        id="ep-2021-03-anchorage",
        label="US\u2013China talks in Anchorage",
        start="2021-03-18",
        end="2021-03-19",
        place="Anchorage",
        country="USA",
        participants=("USA", "CHN"),
        doc_ids=("wire-anchorage", "post-anchorage"),
        issues={"USA": ["rules-based order", "Xinjiang"], "CHN": ["internal affairs", "Hong Kong"]},
        tone=-1.6,
        event_ids=("ev-anc-consult", "ev-anc-accuse", "ev-anc-reject", "ev-anc-agree", "ev-post-threaten"),
        quote_ids=("q-anc-yang", "q-post-blinken"),
        kind="talks",
    ),
    Episode(
        id="ep-2023-06-beijing",
        label="Blinken visit to Beijing",
        start="2023-06-18",
        end="2023-06-19",
        place="Beijing",
        country="CHN",
        participants=("USA", "CHN"),
        doc_ids=("beijing-visit",),
        issues={"CHN": ["China threat"], "USA": ["high-level exchanges"]},
        tone=0.67,
        event_ids=("ev-bj-consult", "ev-bj-accuse", "ev-bj-agree"),
        quote_ids=("q-bj-wang",),
        kind="visit",
    ),
    Episode(
        id="ep-2020-06-galwan",
        label="Galwan Valley clash",
        start="2020-06-15",
        end="2020-06-17",
        place="Galwan Valley",
        country="IND",
        participants=("IND", "CHN"),
        doc_ids=("india-border",),
        issues={"IND": ["border"]},
        tone=-6.5,
        event_ids=("ev-ind-protest",),
        quote_ids=("q-ind-jaishankar",),
        kind="crisis",
    ),
)

CONSOLIDATED: tuple[dict[str, object], ...] = (
    {
        "id": "con-anc-accuse", "episode_id": "ep-2021-03-anchorage", "type": "ACCUSE", "mode": None,
        "source_country": "USA", "target_country": "CHN", "countries": ["CHN", "USA"],
        "date": "2021-03-18", "n_mentions": 1, "n_articles": 1, "n_independent": 1,
        "event_ids": ["ev-anc-accuse"], "doc_ids": ["wire-anchorage"], "outcome": "accused",
        "evidence": [{"doc_id": "wire-anchorage", "event_id": "ev-anc-accuse",
                      "sentence": SAMPLE_SENTENCES["ev-anc-accuse"]}],
    },
    {
        "id": "con-anc-reject", "episode_id": "ep-2021-03-anchorage", "type": "REJECT", "mode": None,
        "source_country": "CHN", "target_country": "USA", "countries": ["CHN", "USA"],
        "date": "2021-03-18", "n_mentions": 2, "n_articles": 2, "n_independent": 2,
        "event_ids": ["ev-anc-reject", "ev-post-threaten"], "doc_ids": ["post-anchorage", "wire-anchorage"],
        "outcome": "rejected",
        "evidence": [{"doc_id": "wire-anchorage", "event_id": "ev-anc-reject",
                      "sentence": SAMPLE_SENTENCES["ev-anc-reject"]},
                     {"doc_id": "post-anchorage", "event_id": "ev-post-threaten",
                      "sentence": SAMPLE_SENTENCES["ev-post-threaten"]}],
    },
)


def _result(a: Article) -> DocResult:
    text = " ".join(a.sentences)
    sentences: list[Sentence] = []
    pos = 0
    for i, s in enumerate(a.sentences):
        sentences.append(Sentence(a.id, i, pos, pos + len(s), s))
        pos += len(s) + 1
    mentions: list[Mention] = []
    for actor in a.actors:
        start = text.find(actor.text)
        while start >= 0:
            sent = next(s.index for s in sentences if s.start <= start < s.end)
            mentions.append(Mention(a.id, start, start + len(actor.text), actor.text, actor,
                                    method="exact", sentence=sent, why="listed name"))
            start = text.find(actor.text, start + 1)
    events = []
    for spec in a.events:
        s = sentences[spec.sentence]
        mode, cameo, quad, score = CODES[spec.type]
        t0 = s.text.index(spec.trigger) + s.start
        events.append(Event(
            id=spec.id, doc_id=a.id, type=spec.type, source=spec.source, target=spec.target,
            sentence=s.text, span=(s.start, s.end), mode=mode, cameo=cameo, quad=quad, score=score,
            goldstein=score, date=spec.date, date_precision="day", location=a.place,
            confidence=0.8, trigger=spec.trigger, trigger_span=(t0, t0 + len(spec.trigger)),
            sources=(spec.source,), targets=(spec.target,) if spec.target else (),
            sentence_index=spec.sentence,
        ))
    quotes = []
    for qs in a.quotes:
        s = sentences[qs.sentence]
        q0 = s.text.index(qs.text) + s.start
        quotes.append(Quote(
            id=qs.id, doc_id=a.id, text=qs.text, span=(q0, q0 + len(qs.text)), speaker=qs.speaker,
            direct=qs.text[:1].isupper(), cue=qs.cue, sentence_index=qs.sentence, date=qs.date,
        ))
    doc = Document(
        id=a.id, text=text, title=a.title, source=a.source, published=a.published,
        url=f"https://news.example.org/{a.id}", origin=f"sample/{a.id}.txt", format="txt",
        removed=a.removed, flags=a.flags,
    )
    return DocResult(document=doc, sentences=tuple(sentences), mentions=tuple(mentions),
                     events=tuple(events), quotes=tuple(quotes))


def build_sample_store(path: Path) -> Path:
    """Write the sample articles and stories into a new DuckDB file at ``path``."""
    with Store(path) as store:
        run_id = store.start_run()
        written = store.write_results([_result(a) for a in SAMPLE], run_id=run_id)
        store.finish_run(run_id, status="ok", stored=written, skipped=0, failures=[])
        store.replace_stories(list(EPISODES), [dict(c) for c in CONSOLIDATED])
    return path
