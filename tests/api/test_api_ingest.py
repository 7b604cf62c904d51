"""POST /api/ingest: token guard, size limit, malformed uploads store nothing, a good upload runs
the real pipeline into the store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from api.testclient import TestClient

TOKEN = "s3cret-token"
GOOD_TXT = (
    "Title: Japan and Australia sign defence pact\n"
    "Published: 2022-01-06\n"
    "Source: Pacific Ledger\n"
    "\n"
    "Japanese Prime Minister Fumio Kishida and Australian Prime Minister Scott Morrison signed a "
    "defence cooperation agreement on Thursday in a virtual summit. The two leaders agreed to "
    "deepen security ties in the region.\n"
)
MakeClient = Callable[..., TestClient]


def _counts(client: TestClient) -> dict[str, int]:
    return client.get("/api/meta").json()["counts"]  # type: ignore[no-any-return]


def _post(client: TestClient, files: Any, token: str | None = TOKEN) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return client.post("/api/ingest", files=files, headers=headers)


@pytest.mark.parametrize(
    ("configured", "environ", "sent", "code"),
    [
        ("", {}, TOKEN, "C803"),  # no token configured: ingest is off whatever is sent
        ("", {}, None, "C803"),
        (TOKEN, {}, None, "C804"),
        (TOKEN, {}, "wrong", "C804"),
        ("", {"COMMUNIQUE_API_TOKEN": TOKEN}, "wrong", "C804"),
    ],
)
def test_api_ingest_without_the_configured_token_is_403(
    make_client: MakeClient, configured: str, environ: dict[str, str], sent: str | None, code: str
) -> None:
    client = make_client({"api.token": configured}, environ)
    before = _counts(client)
    r = _post(client, {"file": ("a.txt", GOOD_TXT.encode(), "text/plain")}, token=sent)
    assert r.status_code == 403
    assert r.json()["error"]["code"] == code
    assert _counts(client) == before


def test_api_ingest_oversized_upload_is_413_and_stores_nothing(make_client: MakeClient) -> None:
    client = make_client({"api.token": TOKEN, "api.max_upload_bytes": 200})
    before = _counts(client)
    r = _post(client, {"file": ("big.txt", GOOD_TXT.encode() * 2, "text/plain")})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "C805"
    assert _counts(client) == before


def test_api_ingest_oversized_content_length_refused_before_parsing(make_client: MakeClient) -> None:
    client = make_client({"api.token": TOKEN, "api.max_upload_bytes": 100})
    body = b"x" * (100 + 64 * 1024 + 1)
    r = client.post("/api/ingest", content=body, headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "multipart/form-data; boundary=zzz",
    })
    assert r.status_code == 413 and r.json()["error"]["code"] == "C805"


@pytest.mark.parametrize(
    ("files", "needle"),
    [
        ({"file": ("feed.jsonl", b'{"id": "a1", "text": "China and India held talks."}\n{not json\n',
                   "application/x-ndjson")}, "feed.jsonl"),
        ({"file": ("report.pdf", b"%PDF-1.4 binary", "application/pdf")}, ".pdf"),
        ({"file": ("noext", b"Some text", "text/plain")}, "no extension"),
        ({"file": ("empty.txt", b"   \n", "text/plain")}, "empty.txt"),
        ({"file": ("bad.csv", b"\x00\x01\x02binary", "text/csv")}, "bad.csv"),
        ({"other": ("a.txt", GOOD_TXT.encode(), "text/plain")}, "file"),
    ],
)
def test_api_ingest_malformed_upload_is_422_and_stores_nothing(
    make_client: MakeClient, files: dict[str, Any], needle: str
) -> None:
    client = make_client({"api.token": TOKEN})
    before = _counts(client)
    r = _post(client, files)
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["code"] == "C806"
    assert needle in err["message"] + " ".join(str(d) for d in err.get("details", []))
    assert _counts(client) == before


def test_api_ingest_mixed_good_and_bad_files_stores_nothing(make_client: MakeClient) -> None:
    client = make_client({"api.token": TOKEN})
    before = _counts(client)
    r = _post(client, [
        ("file", ("good.txt", GOOD_TXT.encode(), "text/plain")),
        ("file", ("broken.json", b'{"text": ', "application/json")),
    ])
    assert r.status_code == 422
    assert [d["path"].split(":")[0] for d in r.json()["error"]["details"]] == ["broken.json"]
    assert _counts(client) == before


def test_api_ingest_not_multipart_is_422(make_client: MakeClient) -> None:
    client = make_client({"api.token": TOKEN})
    r = client.post("/api/ingest", content=GOOD_TXT, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422 and r.json()["error"]["param"] == "file"


@pytest.mark.slow
def test_api_ingest_good_upload_runs_pipeline_and_is_readable(make_client: MakeClient) -> None:
    client = make_client({}, {"COMMUNIQUE_API_TOKEN": TOKEN})
    before = _counts(client)
    r = _post(client, {"file": ("jpn-aus.txt", GOOD_TXT.encode(), "text/plain")})
    assert r.status_code == 200, r.text
    summary = r.json()
    assert (summary["stored"], summary["failed"]) == (1, 0)
    assert _counts(client)["documents"] == before["documents"] + 1
    docs = client.get("/api/documents", params={"q": "virtual summit"}).json()["items"]
    assert [d["title"] for d in docs] == ["Japan and Australia sign defence pact"]
    assert docs[0]["published"] == "2022-01-06"
    # the same upload again is skipped, not stored twice
    again = _post(client, {"file": ("jpn-aus.txt", GOOD_TXT.encode(), "text/plain")}).json()
    assert (again["stored"], again["skipped"]) == (0, 1)


def test_api_ingest_stage_failure_is_json_500_with_its_code_and_stores_nothing(
    make_client: MakeClient,
) -> None:
    client = make_client({"api.token": TOKEN, "nlp.model": "no_such_spacy_model"})
    before = _counts(client)
    r = _post(client, {"file": ("jpn-aus.txt", GOOD_TXT.encode(), "text/plain")})
    assert r.status_code == 500
    assert r.json()["error"]["code"].startswith("C4")  # ModelError: the spaCy pipeline is unusable
    assert _counts(client)["documents"] == before["documents"]
