"""``communique serve`` as a user runs it: a real uvicorn process on localhost answering the API."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

STARTUP_TIMEOUT_S = 60.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_serve_command_answers_api_and_dashboard_on_localhost(sample_db: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "communique"), "serve", "--db", str(sample_db), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            try:
                meta = httpx.get(base + "/api/meta", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"server did not start: {proc.stdout.read() if proc.stdout else ''}") from None
                time.sleep(0.2)
        assert meta.json()["counts"]["events"] == 9
        assert "communique dashboard" in httpx.get(base + "/", timeout=5).text
        r = httpx.post(base + "/api/events", timeout=5)
        assert (r.status_code, r.json()["error"]["code"]) == (405, "C808")
    finally:
        proc.terminate()
        proc.communicate(timeout=20)
