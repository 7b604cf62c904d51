"""The read endpoints over a real DuckDB store: filters, pagination, contract JSON, errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from api.testclient import TestClient

from communique.api import create_app
from communique.config import Options

ALL_EVENTS = {
    "ev-anc-consult", "ev-anc-accuse", "ev-anc-reject", "ev-anc-agree", "ev-post-threaten",
    "ev-bj-consult", "ev-bj-accuse", "ev-bj-agree", "ev-ind-protest",
}
USA_CHN = ALL_EVENTS - {"ev-ind-protest"}
ANCHORAGE = {"ev-anc-consult", "ev-anc-accuse", "ev-anc-reject", "ev-anc-agree", "ev-post-threaten"}
BEIJING = {"ev-bj-consult", "ev-bj-accuse", "ev-bj-agree"}

EVENT_CONTRACT = {"id", "doc_id", "episode_id", "type", "mode", "cameo", "quad", "score", "source",
                  "target", "date", "location", "sentence", "span", "negated", "confidence"}
DOCUMENT_CONTRACT = {"id", "title", "source", "url", "published", "text", "removed", "duplicate_of", "flags"}
QUOTE_CONTRACT = {"doc_id", "speaker", "text", "span", "direct", "cue", "event_id"}
EPISODE_CONTRACT = {"id", "label", "start", "end", "place", "country", "participants", "doc_ids",
                    "issues", "tone"}
ACTOR_CONTRACT = {"name", "country", "sector", "mentions"}


def _ids(body: dict[str, Any]) -> set[str]:
    return {item["id"] for item in body["items"]}


@pytest.mark.parametrize(
    ("path", "contract", "total"),
    [
        ("/api/documents", DOCUMENT_CONTRACT, 4),
        ("/api/events", EVENT_CONTRACT, 9),
        ("/api/quotes", QUOTE_CONTRACT, 4),
        ("/api/episodes", EPISODE_CONTRACT, 3),
        ("/api/actors", ACTOR_CONTRACT, 8),
    ],
)
def test_api_list_endpoints_return_contract_items_in_a_page(
    client: TestClient, path: str, contract: set[str], total: int
) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"items", "total", "limit", "offset"}
    assert (body["total"], body["limit"], body["offset"]) == (total, 50, 0)
    assert len(body["items"]) == total
    for item in body["items"]:
        assert contract <= set(item), contract - set(item)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ALL_EVENTS),
        ({"dyad": "USA-CHN"}, USA_CHN),
        ({"dyad": "chn-usa"}, USA_CHN),
        ({"dyad": "IND-CHN"}, {"ev-ind-protest"}),
        ({"type": "agree"}, {"ev-anc-agree", "ev-bj-agree"}),
        ({"type": "ACCUSE", "dyad": "USA-CHN", "from": "2023"}, {"ev-bj-accuse"}),
        ({"actor": "Wang Yi"}, {"ev-bj-accuse"}),
        ({"actor": "IND"}, {"ev-ind-protest"}),
        ({"from": "2023-01-01"}, BEIJING),
        ({"to": "2020-12-31"}, {"ev-ind-protest"}),
        ({"from": "2021-03", "to": "2021-03"}, ANCHORAGE),
        ({"from": "2021-03-19", "to": "2021-03-19"}, {"ev-anc-agree"}),
        ({"episode": "ep-2023-06-beijing"}, BEIJING),
        ({"episode": "ep-2021-03-anchorage"}, ANCHORAGE),
        ({"q": "climate change"}, {"ev-anc-agree"}),
        ({"q": "CHINA THREAT"}, {"ev-bj-accuse"}),
        ({"doc": "post-anchorage"}, {"ev-post-threaten"}),
        ({"ids": "ev-anc-accuse,ev-bj-agree"}, {"ev-anc-accuse", "ev-bj-agree"}),
        ({"ids": "ev-anc-accuse,no-such-event"}, {"ev-anc-accuse"}),
        ({"type": "SANCTION"}, set()),
    ],
)
def test_api_events_filters_select_expected_events(
    client: TestClient, query: dict[str, str], expected: set[str]
) -> None:
    body = client.get("/api/events", params=query).json()
    assert _ids(body) == expected
    assert body["total"] == len(expected)


@pytest.mark.parametrize("limit", [1, 2, 4, 9])
def test_api_events_pages_cover_every_event_once_in_date_order(client: TestClient, limit: int) -> None:
    seen: list[dict[str, Any]] = []
    offset = 0
    while True:
        body = client.get("/api/events", params={"limit": limit, "offset": offset}).json()
        assert body["total"] == 9 and body["limit"] == limit and body["offset"] == offset
        assert len(body["items"]) <= limit
        if not body["items"]:
            break
        seen += body["items"]
        offset += limit
    assert [e["id"] for e in seen] == [e["id"] for e in client.get("/api/events").json()["items"]]
    assert {e["id"] for e in seen} == ALL_EVENTS and len(seen) == 9
    dates = [e["date"] for e in seen]
    assert dates == sorted(dates)


def test_api_event_span_points_at_its_evidence_in_the_document(client: TestClient) -> None:
    ev = client.get("/api/events/ev-anc-reject").json()
    assert ev["type"] == "REJECT" and ev["quad"] == 3 and ev["episode_id"] == "ep-2021-03-anchorage"
    assert {"text", "name", "country", "sector"} <= set(ev["source"])
    assert (ev["source"]["name"], ev["source"]["country"], ev["target"]["country"]) == ("Yang Jiechi", "CHN", "USA")
    doc = client.get(f"/api/documents/{ev['doc_id']}").json()
    start, end = ev["span"]
    assert doc["text"][start:end] == ev["sentence"]
    assert ev["sentence"].startswith("Yang Jiechi rejected the criticism")
    assert [s["text"] for s in doc["sentences"] if s["start"] == start] == [ev["sentence"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "Galwan"}, ["india-border"]),
        ({"q": "sharp words"}, ["post-anchorage"]),
        ({"dyad": "IND-CHN"}, ["india-border"]),
        ({"type": "THREATEN"}, ["post-anchorage"]),
        ({"actor": "Xi Jinping"}, ["beijing-visit"]),
        ({"episode": "ep-2021-03-anchorage"}, ["wire-anchorage", "post-anchorage"]),
        ({"episode": "no-such-episode"}, []),
        ({"from": "2021-03-20", "to": "2023"}, ["post-anchorage", "beijing-visit"]),
        ({"dyad": "USA-CHN", "from": "2023-06"}, ["beijing-visit"]),
    ],
)
def test_api_documents_filters_select_expected_documents(
    client: TestClient, query: dict[str, str], expected: list[str]
) -> None:
    body = client.get("/api/documents", params=query).json()
    assert [d["id"] for d in body["items"]] == expected
    assert body["total"] == len(expected)


def test_api_document_keeps_markup_as_data_with_removed_spans_and_flags(client: TestClient) -> None:
    r = client.get("/api/documents/post-anchorage")
    assert r.headers["content-type"].startswith("application/json")
    doc = r.json()
    assert "<script>alert(1)</script>" in doc["text"]
    assert doc["title"] == "Anchorage meeting ends with sharp words <b>and</b> a climate pledge"
    assert doc["removed"][0]["reason"] == "share_widget"
    assert doc["removed"][0]["text"].startswith("<img src=x onerror=alert(2)>")
    assert [f["code"] for f in doc["flags"]] == ["title_contradiction"]
    assert len(doc["sentences"]) == 3


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["q-ind-jaishankar", "q-anc-yang", "q-post-blinken", "q-bj-wang"]),
        ({"actor": "yang jiechi"}, ["q-anc-yang"]),
        ({"actor": "USA"}, ["q-post-blinken"]),
        ({"dyad": "IND-PAK"}, ["q-ind-jaishankar"]),
        ({"episode": "ep-2023-06-beijing"}, ["q-bj-wang"]),
        ({"doc": "wire-anchorage"}, ["q-anc-yang"]),
        ({"q": "allies"}, ["q-post-blinken"]),
        ({"from": "2021-03-19", "to": "2023-06-30"}, ["q-post-blinken", "q-bj-wang"]),
    ],
)
def test_api_quotes_filters_select_expected_quotes(
    client: TestClient, query: dict[str, str], expected: list[str]
) -> None:
    body = client.get("/api/quotes", params=query).json()
    assert [q["id"] for q in body["items"]] == expected
    assert body["total"] == len(expected)


def test_api_quote_by_id_names_its_speaker(client: TestClient) -> None:
    q = client.get("/api/quotes/q-bj-wang").json()
    assert q["speaker"]["name"] == "Wang Yi" and q["cue"] == "told" and q["episode_id"] == "ep-2023-06-beijing"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["ep-2020-06-galwan", "ep-2021-03-anchorage", "ep-2023-06-beijing"]),
        ({"dyad": "USA-CHN"}, ["ep-2021-03-anchorage", "ep-2023-06-beijing"]),
        ({"actor": "ind"}, ["ep-2020-06-galwan"]),
        ({"from": "2021-03-19", "to": "2021-03-19"}, ["ep-2021-03-anchorage"]),
        ({"to": "2021"}, ["ep-2020-06-galwan", "ep-2021-03-anchorage"]),
        ({"from": "2020-06-17", "to": "2020-06"}, ["ep-2020-06-galwan"]),
        ({"q": "beijing"}, ["ep-2023-06-beijing"]),
        ({"limit": "1", "offset": "1"}, ["ep-2021-03-anchorage"]),
    ],
)
def test_api_episodes_filters_select_expected_episodes(
    client: TestClient, query: dict[str, str], expected: list[str]
) -> None:
    body = client.get("/api/episodes", params=query).json()
    assert [e["id"] for e in body["items"]] == expected


def test_api_episode_detail_carries_issues_and_consolidated_events(client: TestClient) -> None:
    ep = client.get("/api/episodes/ep-2021-03-anchorage").json()
    assert ep["issues"]["CHN"] == ["internal affairs", "Hong Kong"]
    assert [c["id"] for c in ep["consolidated"]] == ["con-anc-accuse", "con-anc-reject"]
    assert ep["consolidated"][1]["event_ids"] == ["ev-anc-reject", "ev-post-threaten"]


@pytest.mark.parametrize(
    ("key", "name", "mentions"),
    [
        ("blinken_antony", "Antony Blinken", 4),
        ("Antony Blinken", "Antony Blinken", 4),
        ("antony blinken", "Antony Blinken", 4),
        ("jaishankar_s", "Subrahmanyam Jaishankar", 1),
    ],
)
def test_api_actor_found_by_id_or_name(client: TestClient, key: str, name: str, mentions: int) -> None:
    actor = client.get(f"/api/actors/{key}").json()
    assert (actor["name"], actor["mentions"]) == (name, mentions)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "wang"}, ["Wang Yi"]),
        ({"country": "ind"}, ["India", "Subrahmanyam Jaishankar"]),
        ({"limit": "2"}, ["Antony Blinken", "China"]),
    ],
)
def test_api_actors_filters(client: TestClient, query: dict[str, str], expected: list[str]) -> None:
    assert [a["name"] for a in client.get("/api/actors", params=query).json()["items"]] == expected


def test_api_tone_weekly_points_for_a_pair(client: TestClient) -> None:
    body = client.get("/api/tone", params={"dyad": "USA-CHN", "freq": "week"}).json()
    points = {p["period"]: p for p in body["items"]}
    assert set(points) == {"2021-03-15", "2023-06-12", "2023-06-19"}
    anchorage = points["2021-03-15"]
    # CONSULT +1, ACCUSE -2, REJECT -4, AGREE +3, THREATEN -4.4 → mean -1.28; 3 of 5 are conflict
    assert anchorage["count"] == 5
    assert anchorage["mean"] == pytest.approx(-1.28)
    assert anchorage["conflict_share"] == pytest.approx(0.6)
    assert set(anchorage["event_ids"]) == ANCHORAGE
    assert points["2023-06-12"]["event_ids"] == ["ev-bj-accuse"]
    assert {p["pair"] for p in body["items"]} == {"CHN-USA"}


def test_api_tone_without_dyad_covers_every_pair(client: TestClient) -> None:
    body = client.get("/api/tone", params={"freq": "month"}).json()
    assert {(p["pair"], p["period"]) for p in body["items"]} == {
        ("CHN-IND", "2020-06"), ("CHN-USA", "2021-03"), ("CHN-USA", "2023-06"),
    }


def test_api_pairs_ranked_by_event_count(client: TestClient) -> None:
    assert client.get("/api/pairs").json()["items"] == [
        {"pair": "CHN-USA", "count": 8}, {"pair": "CHN-IND", "count": 1},
    ]


@pytest.mark.parametrize(
    ("url", "param"),
    [
        ("/api/events?type=SHOUT", "type"),
        ("/api/events?dyad=USA", "dyad"),
        ("/api/events?dyad=USA-USA", "dyad"),
        ("/api/events?dyad=USA_CHN", "dyad"),
        ("/api/events?from=2021-13-01", "from"),
        ("/api/events?to=yesterday", "to"),
        ("/api/events?from=2021-02-30", "from"),
        ("/api/events?limit=501", "limit"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?limit=ten", "limit"),
        ("/api/documents?from=03/19/2021", "from"),
        ("/api/documents?type=meeting", "type"),
        ("/api/quotes?to=2021-02-30", "to"),
        ("/api/quotes?dyad=america-china", "dyad"),
        ("/api/episodes?dyad=x", "dyad"),
        ("/api/tone?freq=hour", "freq"),
        ("/api/tone?dyad=CHN", "dyad"),
        ("/api/actors?limit=1000", "limit"),
    ],
)
def test_api_bad_filter_is_422_naming_the_parameter(client: TestClient, url: str, param: str) -> None:
    r = client.get(url)
    assert r.status_code == 422
    err = r.json()["error"]
    assert (err["code"], err["param"]) == ("C802", param)
    assert param in err["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/documents/no-such-doc",
        "/api/events/no-such-event",
        "/api/quotes/no-such-quote",
        "/api/episodes/no-such-episode",
        "/api/actors/Nobody%20Atall",
        "/api/no-such-endpoint",
    ],
)
def test_api_unknown_id_is_404_with_json_error(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "C801"
    assert r.json()["error"]["message"]


def test_api_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/events/{event_id}",
        "/api/quotes", "/api/quotes/{quote_id}", "/api/episodes", "/api/episodes/{episode_id}",
        "/api/actors", "/api/actors/{actor_id}", "/api/tone", "/api/ingest",
    } <= paths


def test_api_missing_store_is_503_with_json_error(tmp_path: Path) -> None:
    app = create_app(Options(), db_path=str(tmp_path / "absent.duckdb"), environ={})
    with TestClient(app) as c:
        r = c.get("/api/events")
    assert r.status_code == 503
    assert r.json()["error"]["code"] == "C807"


def test_api_serves_dashboard_with_strict_csp(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "<title>communique dashboard</title>" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/static/app.js").status_code == 200


def test_api_store_held_by_a_writer_process_is_503_then_recovers(tmp_path: Path) -> None:
    """DuckDB allows one writer process: while `communique run` writes, reads answer 503 (not a
    hang, not a crash), and they work again as soon as the writer is done."""
    import subprocess
    import sys

    from api.sample_store import build_sample_store

    db = build_sample_store(tmp_path / "locked.duckdb")
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('held', flush=True); "
         "sys.stdin.readline(); con.close()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with TestClient(create_app(Options(), db_path=str(db), environ={})) as c:
            r = c.get("/api/events")
            assert (r.status_code, r.json()["error"]["code"]) == (503, "C807")
            holder.communicate("\n", timeout=20)
            assert c.get("/api/events").json()["total"] == 9
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.communicate()
