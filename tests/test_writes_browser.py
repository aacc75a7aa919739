"""Guarded writes and Clear on an asset's page, in the system Chromium.

One gateway with the simulator over Modbus (pump_1 has a stop coil and a speed setpoint;
its cavitation goes on): an operator sets the setpoint from the asset's page at 1,366×768
and 390×844, confirms a dialog naming the value before and after, sees the read-back next
to the control and the write in GET /writes; a viewer sees the controls disabled with the
reason; the stop's interlock disables the setpoint with its reason; the page with its
controls fits the phone and axe-core finds nothing serious. Clear, with a note, on the
open alert: its timeline says who cleared it and the note.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.support import browser as ui
from tests.support.web import RunningGateway

playwright_sync = pytest.importorskip("playwright.sync_api")

PASSWORD = "brass lantern 7 glows"
STOP, SPEED = "pump_1/control.stop", "pump_1/control.speed_setpoint"
SPEED_ROW = f".controls[data-sensor=pump_1] .control[data-point='{SPEED}']"
# The demo cycle off; cavitation from 4 s on, long enough to be open throughout.
SCRIPT = {
    "faults": [{"asset": "pump_1", "fault": "cavitation", "start": 4, "duration": 3600}],
    "cycle": {"enabled": False},
}
NOTE = "Vented the pump, suction strainer cleaned"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.timeout(300),
    pytest.mark.skipif(not Path(ui.CHROMIUM).exists(), reason="needs the chromium package"),
]


def _bearer(gw: RunningGateway, email: str, password: str = PASSWORD) -> requests.Session:
    s = requests.Session()
    r = s.post(f"{gw.url}/login", json={"email": email, "password": password}, timeout=30)
    assert r.status_code == 200, r.text
    s.headers["Authorization"] = "Bearer " + r.json()["access_token"]
    return s


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningGateway]:
    data = tmp_path_factory.mktemp("writes-ui") / "data"
    gw = RunningGateway(data, assets=1, interval=0.2, simulator=SCRIPT).start()
    ui.create_admin(gw.url, gw.setup_code)
    admin = _bearer(gw, ui.ADMIN["email"], ui.ADMIN["password"])
    for role in ("operator", "viewer"):
        r = admin.post(
            f"{gw.url}/users",
            json={"email": f"{role}@plant.example", "username": role, "password": PASSWORD,
                  "role": role},
            timeout=30,
        )  # fmt: skip
        assert r.status_code == 201, r.text
    yield gw
    gw.stop()


@pytest.fixture(scope="module")
def operator(gateway: RunningGateway) -> requests.Session:
    return _bearer(gateway, "operator@plant.example")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_sync.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=ui.CHROMIUM, headless=True, args=ui.CHROMIUM_ARGS)
        yield b
        b.close()


def _points(api: requests.Session, gw: RunningGateway) -> dict[str, Any]:
    r = api.get(f"{gw.url}/writable-points", timeout=10)
    assert r.status_code == 200, r.text
    return {p["name"]: p for p in r.json()["points"]}


def _writable(api: requests.Session, gw: RunningGateway) -> None:
    """Live, not stopped, and past the setpoint's rate limit."""
    ui.until(
        lambda: (p := _points(api, gw)[SPEED])["blocked"] == [] and p["rest_s"] == 0,
        timeout=60,
        what="the speed setpoint writable",
    )


def _asset_page(browser: Any, gw: RunningGateway, email: str, viewport: str) -> tuple[Any, Any]:
    context = browser.new_context(viewport=ui.VIEWPORTS[viewport])
    ui.sign_in(context, gw.url, email, PASSWORD)
    page = context.new_page()
    page.goto(gw.url + "/ui/assets/pump_1")
    page.wait_for_selector(f"{SPEED_ROW} .control-set")
    return context, page


@pytest.mark.parametrize(("viewport", "value"), [("desktop", 80), ("phone", 72.5)])
def test_an_operator_sets_a_setpoint_from_the_asset_page_and_a_viewer_may_not(
    gateway: RunningGateway, operator: requests.Session, browser: Any, viewport: str, value: float
) -> None:
    _writable(operator, gateway)
    context, page = _asset_page(browser, gateway, "operator@plant.example", viewport)
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    row = page.locator(SPEED_ROW)
    set_button = row.locator("button.control-set")
    assert set_button.is_enabled() and row.locator(".control-why").text_content() == ""
    name = row.locator(".control-name").text_content()
    assert name == "Control speed setpoint"  # as on the dashboard's card
    old = row.locator(".control-value").text_content()
    assert old and old.endswith(" %") and old != "unknown"
    questions: list[str] = []

    def answer(dialog: Any) -> None:
        questions.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    row.locator("input.control-input").fill(str(value))
    set_button.click()
    status = row.locator(".control-status.ok")
    status.wait_for(timeout=30000)
    text = status.text_content() or ""
    assert text.startswith("written, read back ") and text.endswith(" %"), text
    new = text.removeprefix("written, read back ")
    assert float(new.removesuffix(" %")) == value
    # One dialog (the setpoint asks once), naming the value before and after.
    assert questions == [f"Write pump_1 {name}: {old} → {new}?"]
    r = operator.get(f"{gateway.url}/writes?limit=5", timeout=10)
    assert r.status_code == 200, r.text
    record = r.json()["records"][0]
    assert (record["point"], record["requested"], record["status"]) == (SPEED, value, "verified")
    assert (record["actor"], record["via"], record["readback"]) == (
        "operator@plant.example",
        "web",
        value,
    )
    assert gateway.sim.plant.controls["pump_1"].speed == pytest.approx(value)
    # The page with its controls and the answer: no sideways scroll, axe finds nothing serious.
    size = ui.overflow(page)
    assert size["scroll"] <= size["client"], size
    source = ui.axe_source()
    if source is not None:
        assert ui.axe_problems(page, source) == []
    assert errors == []
    context.close()
    # A viewer sees the same controls, disabled, with the reason.
    context, page = _asset_page(browser, gateway, "viewer@plant.example", viewport)
    row = page.locator(SPEED_ROW)
    assert row.locator("button.control-set").is_disabled()
    assert row.locator("input.control-input").is_disabled()
    assert row.locator(".control-why").text_content() == (
        "Needs the operator role; you are viewer."
    )
    stop = page.locator(f".controls[data-sensor=pump_1] .control[data-point='{STOP}']")
    assert stop.locator("button.control-toggle").is_disabled()
    context.close()


def _stop(gw: RunningGateway, api: requests.Session, value: int) -> None:
    body = {"writes": [{"point": STOP, "value": value}], "confirm": True}
    r = api.post(f"{gw.url}/writes", json=body, timeout=30)
    assert r.status_code == 200, r.text


def test_an_interlock_disables_the_setpoint_with_its_reason(
    gateway: RunningGateway, operator: requests.Session, browser: Any
) -> None:
    _writable(operator, gateway)
    _stop(gateway, operator, 1)
    try:
        context, page = _asset_page(browser, gateway, "operator@plant.example", "desktop")
        row = page.locator(SPEED_ROW)
        assert row.locator("button.control-set").is_disabled()
        why = row.locator(".control-why").text_content() or ""
        assert "control.stop = 0" in why and "it is 1" in why, why
        context.close()
    finally:
        time.sleep(1.1)  # the stop point's rate limit (1 s by default)
        _stop(gateway, operator, 0)


def test_clear_with_a_note_in_the_browser(
    gateway: RunningGateway, operator: requests.Session, browser: Any
) -> None:
    def open_alert() -> dict[str, Any] | None:
        r = operator.get(f"{gateway.url}/alerts?sensor_id=pump_1", timeout=10)
        assert r.status_code == 200, r.text
        return next((a for a in r.json()["alerts"] if a["state"] != "resolved"), None)

    alert = ui.until(open_alert, timeout=90, what="the cavitation alert")
    context = browser.new_context(viewport=ui.VIEWPORTS["desktop"])
    ui.sign_in(context, gateway.url, "operator@plant.example", PASSWORD)
    page = context.new_page()
    page.goto(f"{gateway.url}/ui/assets/pump_1")
    questions: list[str] = []

    def answer(dialog: Any) -> None:
        questions.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    episode = page.locator(f"#alert-{alert['id']}")
    episode.locator("input[name=note]").fill(NOTE)
    with page.expect_navigation():
        episode.locator("button.clear").click()
    assert len(questions) == 1 and questions[0].startswith("Clear this alert?")
    episode = page.locator(f"#alert-{alert['id']}")
    assert episode.locator(".alert-state").text_content() == "resolved"
    resolved = episode.locator("ol.timeline li.ev-resolved")
    assert "cleared by operator@plant.example" in (resolved.text_content() or "")
    assert resolved.locator("q.clear-note").text_content() == NOTE
    assert episode.locator("form.ack-form").count() == 0
    context.close()
    r = operator.get(f"{gateway.url}/alerts?sensor_id=pump_1", timeout=10)
    [cleared] = [a for a in r.json()["alerts"] if a["id"] == alert["id"]]
    assert cleared["state"] == "resolved"
