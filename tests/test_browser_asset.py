"""An asset's page in the system Chromium, through a scripted fault and outage.

One gateway with the simulator over Modbus: pump_1 runs normal, then cavitation for
25 s, then normal (the alert resolves 5 s later), then the plant stops (an outage). In
the page: the fault's band (coloured and labelled per fault), the gap, the alert's
opened, acknowledged and resolved marks; acknowledging with a note shows the note in the
alert's timeline; a label on the whole episode survives a reload and is in the feedback
export. The page's fit on a phone and axe-core's verdict are in tests/test_browser_ui.py
(every page, this one too).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from gateway.model.feedback import export_feedback
from gateway.state.store import read_table
from tests.support import browser as ui
from tests.support.web import RunningGateway

playwright_sync = pytest.importorskip("playwright.sync_api")

# The demo cycle off: only the scripted episode happens, however slow the machine.
SCRIPT = {
    "faults": [{"asset": "pump_1", "fault": "cavitation", "start": 4, "duration": 25}],
    "cycle": {"enabled": False},
}
NOTE = "Checked suction valve, half closed"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(ui.CHROMIUM).exists(), reason="needs the chromium package"),
]


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningGateway]:
    data = tmp_path_factory.mktemp("asset") / "data"
    gw = RunningGateway(
        data,
        assets=1,
        web={"timezone": "Europe/Berlin"},
        simulator=SCRIPT,
        config={"alerts": {"allow_private_targets": "all", "resolve_after": 5}},
    ).start()
    ui.create_admin(gw.url, gw.setup_code)
    yield gw
    gw.stop()


def _alerts(gw: RunningGateway, session: requests.Session) -> list[dict[str, Any]]:
    r = session.get(f"{gw.url}/alerts?sensor_id=pump_1", timeout=10)
    assert r.status_code == 200, r.text
    return r.json()["alerts"]  # type: ignore[no-any-return]


def test_a_fault_and_an_outage_on_the_asset_page(gateway: RunningGateway, tmp_path: Path) -> None:
    began = time.time() - 5
    api = requests.Session()
    login = api.post(
        f"{gateway.url}/login",
        json={"email": ui.ADMIN["email"], "password": ui.ADMIN["password"]},
        timeout=30,
    )
    api.headers["Authorization"] = "Bearer " + login.json()["access_token"]
    ui.until(lambda: _alerts(gateway, api), timeout=90, what="the cavitation alert")
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=ui.CHROMIUM, headless=True, args=ui.CHROMIUM_ARGS
        )
        context = browser.new_context(viewport=ui.VIEWPORTS["desktop"])
        ui.sign_in(context, gateway.url)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        # The dashboard's card links to the asset's page and lists its open alert.
        page.goto(gateway.url + "/ui/dashboard")
        page.wait_for_selector("article[data-sensor=pump_1] .card-alerts li")
        assert page.title().startswith("(1) ")
        # Active alerts above the assets, with Acknowledge (the note is on the asset's page).
        assert page.locator("#alerts-table button.ack").count() == 1
        page.click("article[data-sensor=pump_1] a.asset-name")
        page.wait_for_selector("#asset-chart[data-ready='1']")
        # Acknowledge with a note, from the asset's page.
        form = page.locator("form.ack-form").first
        form.locator("input[name=note]").fill(NOTE)
        form.locator("button.ack").click()
        page.wait_for_selector("q.ack-note", state="attached")
        assert page.locator("ol.timeline q.ack-note").first.text_content() == NOTE
        [alert] = _alerts(gateway, api)
        assert alert["acknowledged_note"] == NOTE and alert["severity"] in ("critical", "major")
        # The fault ends, the alert resolves; then the plant goes away.
        ui.until(
            lambda: _alerts(gateway, api)[0]["state"] == "resolved", timeout=120, what="resolved"
        )
        gateway.stop_plant()
        time.sleep(8)  # an outage longer than the asset's stale_after (5 s): a gap
        url = f"{gateway.url}/ui/assets/pump_1?range=custom&start={began:.0f}&end={time.time():.0f}"
        page.goto(url)
        page.wait_for_selector("#asset-chart[data-ready='1']")
        model = page.locator("svg.panel.model")
        assert model.locator("rect.band[data-fault=cavitation]").count() >= 1
        assert "Cavitation" in (model.locator("text.band-label").all_text_contents())
        assert model.locator("rect.gap").count() >= 1
        for kind in ("opened", "acknowledged", "resolved"):
            assert model.locator(f"g.mark-{kind}").count() == 1, kind
        # Several series at once, each with its unit.
        assert page.locator("svg.panel.series").count() == 3
        assert "(°C)" in page.locator("svg.panel.series text.name").first.text_content()
        legend = page.locator("#fault-legend").text_content()
        assert "Cavitation" in legend and "no data" in legend
        # Label the whole episode by its alert; it is there after a reload.
        page.select_option("#episode-alert", str(alert["id"]))
        page.select_option("#episode-label", "pump_bearing_outer_race")
        page.fill("#episode-notes", "the valve, not the pump")
        page.click("#episode-form button[type=submit]")
        page.wait_for_selector("#episode-labels li:has-text('Pump bearing outer race')")
        page.reload()
        page.wait_for_selector("#asset-chart[data-ready='1']")
        assert "Pump bearing outer race" in page.locator("#episode-labels").text_content()
        assert page.locator("svg.panel.model rect.label-strip").count() == 1
        assert errors == []
        browser.close()
    out = tmp_path / "feedback.csv"
    result = export_feedback(read_table(gateway.data_dir, "feedback"), out)
    assert result.written > 10
    with open(out, newline="") as f:
        assert {r["label"] for r in csv.DictReader(f)} == {"pump_bearing_outer_race"}
