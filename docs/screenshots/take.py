"""Re-take the README screenshots with headless Chromium (Debian's /usr/bin/chromium).

    communique run examples/corpus --db /tmp/x.duckdb
    communique report --db /tmp/x.duckdb --out /tmp/report.html
    communique serve --db /tmp/x.duckdb --port 8765 &
    .venv/bin/python docs/screenshots/take.py http://127.0.0.1:8765/ /tmp/report.html

Clicks through the dashboard (an episode, then its first event) so the shot shows the drill-down
with the evidence sentence marked. Output: docs/screenshots/dashboard.png and report.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 1040}
EPISODE_LABEL = "Anchorage"  # the episode the dashboard shot drills into
EVENT_ROW = 1  # which of its events is opened


def main(url: str, report: str) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(url)
        page.wait_for_selector("body[data-ready='1']")
        page.locator("#timeline g.episode", has_text=EPISODE_LABEL).first.click()
        page.wait_for_function(
            "(label) => document.querySelector('#events-scope').textContent.includes(label)",
            arg=EPISODE_LABEL,
        )
        page.locator("#events tr.event-row").nth(EVENT_ROW).click()
        page.wait_for_selector("#doc-text mark")
        page.screenshot(path=str(HERE / "dashboard.png"))
        page.goto(Path(report).resolve().as_uri())
        page.screenshot(path=str(HERE / "report.png"))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
