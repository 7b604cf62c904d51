"""The quotes, time and places stages inside the real pipeline (clean, nlp, actors, events)."""

from __future__ import annotations

import pytest

from communique.pipeline import Pipeline
from communique.records import SourceDocument

ARTICLE = """US and China trade sharp words at Anchorage talks

ANCHORAGE, Alaska (Reuters) \u2014 Top U.S. and Chinese diplomats traded accusations on Thursday at their first high-level meeting since President Joe Biden took office.

Secretary of State Antony Blinken met Yang Jiechi and Wang Yi at the Captain Cook Hotel in Anchorage. "We will discuss our deep concerns with actions by China," Blinken said.

Yang accused the United States of using its military and financial hegemony to suppress other countries. "The United States does not have the qualification to speak to China from a position of strength," he said.
"""


@pytest.mark.slow
def test_places_time_quotes_stages_in_full_pipeline() -> None:
    out = Pipeline().process([SourceDocument(id="anc", text=ARTICLE, published="2021-03-19")])
    assert out.failures == []
    result = out.results[0]
    assert result.events, "the events stage coded nothing"
    for ev in result.events:
        assert ev.date is not None and ev.date_precision in ("day", "week", "month", "year", "reported")
        assert ev.date_reason
        # every paragraph names Anchorage or falls back to the dateline
        assert ev.location is not None and ev.location.country == "USA", ev
    speakers = {q.speaker.name for q in result.quotes if q.direct and q.speaker}
    assert {"Antony Blinken", "Yang Jiechi"} <= speakers
    # the statements were made at Thursday's meeting: the lede's day carries over (published Friday)
    assert all(q.date == "2021-03-18" for q in result.quotes)
