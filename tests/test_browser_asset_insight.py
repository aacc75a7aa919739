"""Why the model says what it says, on an asset's page and its dashboard card, in Chromium.

One gateway with the simulator over Modbus: pump_1 in cavitation all along, pump_2 with
its pump DE vibration read at 40 % (a loose sensor: outside the training range, as in
tests/test_web_insight.py). pump_1's page shows the latest prediction's top three
contributors as ``GET /assets/pump_1/explanation`` gives them (label, value, unit, share
of the push, the method); pump_2's page its drift state and the reading's out-of-range
flag; the dashboard's cards "mostly: ..." and the drift badge. At 1,366 x 768 and
390 x 844: no sideways scrolling, no serious or critical axe-core finding.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from gateway.features import PLANT_DISPLAY
from tests.support import browser as ui
from tests.support.web import RunningGateway

playwright_sync = pytest.importorskip("playwright.sync_api")

SIMULATOR = {
    "faults": [{"asset": "pump_1", "fault": "cavitation", "start": 0, "duration": 1e6}],
    "shifts": [
        {
            "asset": "pump_2",
            "feature": "pump_data.DE_vib_rms",
            "start": 0,
            "duration": 1e6,
            "gain": 0.4,
        }
    ],
    "cycle": {"enabled": False},
}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(ui.CHROMIUM).exists(), reason="needs the chromium package"),
]


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningGateway]:
    gw = RunningGateway(
        tmp_path_factory.mktemp("why") / "data",
        assets=2,
        interval=0.2,
        simulator=SIMULATOR,
        model={"drift": {"out_of_range_readings": 10}},
    ).start()
    ui.create_admin(gw.url, gw.setup_code)
    yield gw
    gw.stop()


@pytest.fixture(scope="module")
def api(gateway: RunningGateway) -> requests.Session:
    s = requests.Session()
    r = s.post(f"{gateway.url}/login", json={k: ui.ADMIN[k] for k in ("email", "password")})
    s.headers["Authorization"] = "Bearer " + r.json()["access_token"]
    return s


def _get(gw: RunningGateway, api: requests.Session, path: str) -> Any:
    r = api.get(gw.url + path, timeout=30)
    return r.json() if r.status_code == 200 else None


def _items(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("#why-top li").all_text_contents()]


def _expected(got: dict[str, Any]) -> list[str]:
    """What the page should list for an answer of GET /assets/<id>/explanation."""
    e = got["explanation"]
    push = sum(c for c in e["contributions"] if c > 0)
    out = []
    for c in e["top"]:
        share = math.floor(100 * c["contribution"] / push + 0.5)  # JavaScript's Math.round
        out.append(
            f"{c['label']} {c['value']:.2f} {c['unit']}: {share} % of the push toward "
            f"Cavitation (+{c['contribution']:.2f})"
        )
    return out


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_why_panel_and_cards(gateway: RunningGateway, api: requests.Session, size: str) -> None:
    ui.until(
        lambda: (
            (e := _get(gateway, api, "/assets/pump_1/explanation"))
            and e["prediction"]["label"] == "cavitation"
        ),
        timeout=90,
        what="pump_1 predicted as cavitation",
    )
    ui.until(
        lambda: (d := _get(gateway, api, "/assets/pump_2/drift")) and d["state"] == "out_of_range",
        timeout=90,
        what="pump_2 out of range",
    )
    axe = ui.axe_source()
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=ui.CHROMIUM, headless=True, args=ui.CHROMIUM_ARGS
        )
        context = browser.new_context(viewport=ui.VIEWPORTS[size])
        ui.sign_in(context, gateway.url)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        answers: list[dict[str, Any]] = []

        def seen(resp: Any) -> None:
            if resp.url.endswith("/assets/pump_1/explanation") and resp.status == 200:
                answers.append(resp.json())

        page.on("response", seen)
        page.goto(gateway.url + "/ui/assets/pump_1")
        page.wait_for_selector("#why[data-ready='1']")
        # The three contributors exactly as the API explained the latest reading.
        got = ui.until(
            lambda: answers and _items(page) == _expected(answers[-1]) and answers[-1],
            what="the panel showing the API's answer",
        )
        top = got["explanation"]["top"]
        # Each in words and its unit, as the package's display names give them (a
        # kurtosis has none: which features lead depends on the moment's readings).
        assert len(top) == 3
        assert [(c["label"], c["unit"]) for c in top] == [
            (PLANT_DISPLAY[c["feature"]]["label"], PLANT_DISPLAY[c["feature"]]["unit"]) for c in top
        ]
        assert got["explanation"]["mode"] == "treeshap"
        assert page.locator("#why-method").text_content() == "TreeSHAP (exact)"
        assert page.locator("#why-pred").text_content().startswith("Cavitation · ")
        assert "drift: " in page.locator("#why-drift-state").text_content()
        _fits(page, axe)
        # pump_2: out of the training range, in words, with since-when.
        page.goto(gateway.url + "/ui/assets/pump_2")
        page.wait_for_selector("#why[data-ready='1']")
        badge = page.locator("#why-drift-state")
        assert badge.text_content() == "drift: out of range" and "bad" in badge.get_attribute(
            "class"
        )
        text = page.locator("#why-drift").text_content()
        assert (
            text.startswith("Since ")
            and "% of the last readings outside the training range" in text
        )
        flag = ui.until(lambda: page.locator("#why-range").text_content(), what="range flag")
        assert flag.startswith("Outside the training range: ") and "Pump DE vibration" in flag
        _fits(page, axe)
        # The dashboard's cards: what drove the fault; the drift badge when not ok.
        page.goto(gateway.url + "/ui/dashboard")
        card1, card2 = (page.locator(f"article[data-sensor=pump_{i}]") for i in (1, 2))
        page.wait_for_selector("article[data-sensor=pump_2] .why-drift:not(:empty)")
        ui.until(lambda: card1.locator(".why-top").text_content(), what="mostly: on pump_1")
        assert card1.locator(".why-top").text_content().startswith("mostly: ")
        assert card2.locator(".why-drift").text_content() == "drift: out of range"
        _fits(page, axe)
        assert errors == []
        browser.close()


def _fits(page: Any, axe: str | None) -> None:
    width = ui.overflow(page)
    assert width["scroll"] <= width["client"], width
    if axe is not None:
        assert ui.axe_problems(page, axe) == []
