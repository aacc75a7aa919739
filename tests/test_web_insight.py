"""Explanations, drift and the shadow model through the API of a real running gateway.

The simulator's pump reads its pump DE vibration at 40 % (a loose sensor) from its 4th
second: the model keeps saying normal, every reading is out of the training range. A
deliberately wrong candidate (normal and cavitation swapped) runs in the shadow without
opening an alert, then is promoted, opens its cavitation alert, and is rolled back.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.support.web import RunningGateway, WebEnv
from tests.test_model_shadow import train_swapped

pytest_plugins = ["tests.support.model"]  # the shared model fixtures


def wait_for(what: str, check: Callable[[], Any], timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        got = check()
        if got:
            return got
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[RunningGateway]:
    shift = {"asset": "pump_1", "feature": "pump_data.DE_vib_rms", "start": 4, "duration": 1e6}
    gw = RunningGateway(
        tmp_path / "data",
        assets=1,
        interval=0.2,
        simulator={"cycle": {"enabled": False}, "shifts": [{**shift, "gain": 0.4}]},
        model={
            "explain": {"readings": "all"},
            "drift": {"alert_after": 0, "out_of_range_readings": 10},
        },
    ).start()
    yield gw
    gw.stop()


def test_explanations_drift_and_a_shadow_model_on_a_running_gateway(
    gateway: RunningGateway, tmp_path: Path, default_package: Path
) -> None:
    h = gateway.admin()
    url = gateway.url

    def get(path: str) -> Any:
        r = requests.get(url + path, headers=h, timeout=30)
        assert r.status_code == 200, (path, r.status_code, r.text[:300])
        return r.json()

    # Drift: the loose sensor takes the asset out of range; an info alert says so.
    state = wait_for(
        "out_of_range",
        lambda: (d := get("/assets/pump_1/drift"))["state"] == "out_of_range" and d,
    )
    assert state["out_of_range_total"] >= 1 and state["baseline"]["kind"] == "asset"
    assert get("/drift")["assets"]["pump_1"]["state"] == "out_of_range"
    info = wait_for(
        "the info alert",
        lambda: [a for a in get("/alerts")["alerts"] if a.get("kind") == "drift"],
    )
    assert info[0]["severity"] == "info" and info[0]["fault_type"] == "drift:out_of_range"
    metrics = requests.get(url + "/metrics", headers=h, timeout=10).text
    assert 'aastreli_drift_state{sensor_id="pump_1",state="out_of_range"} 1' in metrics
    assert 'aastreli_out_of_range_total{sensor_id="pump_1"}' in metrics
    assert "aastreli_explanations_total" in metrics

    # Explanations where people look: the dashboard, on request, a stored reading, any row.
    asset = get("/dashboard")["assets"][0]
    assert asset["drift"]["state"] == "out_of_range"
    assert "pump_data.DE_vib_rms" in asset["out_of_range"]
    assert 1 <= len(asset["explanation"]) <= 3 and asset["explanation"][0]["unit"] is not None
    for mode in ("treeshap", "saabas"):
        e = get(f"/assets/pump_1/explanation?mode={mode}")["explanation"]
        assert e["mode"] == mode and len(e["contributions"]) == 20
        assert [c["contribution"] for c in e["top"]] == sorted(
            [c for c in e["contributions"] if c > 0], reverse=True
        )[: len(e["top"])]
    latest = get("/assets/pump_1/explanation")  # with the latest reading's range flag
    assert "pump_data.DE_vib_rms" in latest["out_of_range"] and latest["timestamp"] > 0
    assert requests.get(url + "/assets/nope/explanation", headers=h, timeout=10).status_code == 404
    reading = get("/sensor-readings?sensor_id=pump_1&limit=1")["readings"][0]
    stored = get(f"/sensor-readings/{reading['id']}/explanation")
    assert stored["missing"] == [] and stored["prediction"]["label"] == reading["prediction"]
    r = requests.post(
        url + "/explain",
        headers=h,
        json={"values": reading["values"], "mode": "saabas"},
        timeout=10,
    )
    assert r.status_code == 200 and r.json()["prediction"] == stored["prediction"]

    # The shadow: a deliberately wrong candidate, compared, never alerting.
    swapped = train_swapped(tmp_path)
    shutil.copytree(swapped, gateway.data_dir / "models" / "swapped")
    r = requests.post(url + "/model/shadow", headers=h, json={"path": "swapped"}, timeout=600)
    assert r.status_code == 201, r.text
    stats = wait_for(
        "shadow readings", lambda: (s := get("/model/shadow")["stats"])["readings"] >= 30 and s
    )
    assert stats["agreement"] < 0.5
    assert "cavitation" in stats["confusion"]["candidate"]
    assert "normal" in stats["confusion"]["active"]
    assert (
        'aastreli_shadow_readings_total{candidate="swapped"}'
        in requests.get(url + "/metrics", headers=h, timeout=10).text
    )
    assert not [a for a in get("/alerts")["alerts"] if a.get("kind", "fault") == "fault"]

    # Promoted, its answers are the ones that count: its cavitation alert opens.
    r = requests.post(url + "/model/shadow/promote", headers=h, timeout=60)
    assert r.status_code == 200 and r.json()["promoted"] == "swapped"
    assert get("/model/shadow")["running"] is False
    wait_for(
        "the candidate's alert",
        lambda: [a for a in get("/alerts")["alerts"] if a["fault_type"] == "cavitation"],
    )
    r = requests.post(url + "/model/rollback", headers=h, timeout=60)
    assert r.status_code == 200 and r.json()["name"] == "pump_motor"
    assert requests.post(url + "/model/shadow/promote", headers=h, timeout=10).status_code == 409


def test_alert_thresholds_through_the_api(tmp_path: Path) -> None:
    web = WebEnv(tmp_path)
    c = web.client()
    admin, viewer = web.headers("admin"), web.headers("viewer")
    assert c.get("/alert-thresholds", headers=viewer).json == {"entries": []}
    entry = {"sensor_id": "pump_1", "fault": "cavitation", "open_at": 0.9, "close_at": 0.5}
    assert c.put("/alert-thresholds", headers=viewer, json={"entries": [entry]}).status_code == 403
    r = c.put("/alert-thresholds", headers=admin, json={"entries": [entry]})
    assert r.status_code == 200 and r.json["entries"] == [entry]
    assert web.store.get_meta("alert_thresholds") == [entry]
    bad = {**entry, "close_at": 0.95}
    r = c.put("/alert-thresholds", headers=admin, json={"entries": [bad]})
    assert r.status_code == 422 and "close_at" in str(r.json).lower()
    r = c.put("/alert-thresholds", headers=admin, json={"entries": [entry, entry]})
    assert r.status_code == 422
    assert web.store.get_meta("alert_thresholds") == [entry]  # refused: nothing changed
    # Without a running gateway, explanations and the shadow say so.
    assert c.get("/drift", headers=viewer).status_code == 503
    assert c.get("/model/shadow", headers=viewer).status_code == 503


def test_model_page_shows_the_shadow(tmp_path: Path, default_package: Path) -> None:
    """The Model page: the candidate, its agreement, the confusion matrix between the two
    models, the candidate's confidence; promote and stop for admins only."""
    from gateway.features import PLANT_FEATURES
    from gateway.model import load_model
    from gateway.model.insight import Insight
    from gateway.model.shadow import Shadow, ShadowControl
    from gateway.model.slot import ModelSlot
    from gateway.records import Prediction

    web = WebEnv(tmp_path)
    slot = ModelSlot(PLANT_FEATURES)
    slot.install(load_model(default_package, feature_names=PLANT_FEATURES))
    insight = Insight(slot, explain_mode=None)
    shadow = insight.shadow = Shadow(
        load_model(default_package, feature_names=PLANT_FEATURES), "uploaded-candidate"
    )
    rows = [[1.0] * 20] * 3
    normal = Prediction("normal", 0.9, (), "pump_motor")
    cavitation = Prediction("cavitation", 0.8, (), "pump_motor")
    shadow.observe(rows, [normal, cavitation, None])
    web.facade.services.shadow = ShadowControl(slot, insight)
    page = web.browser("admin").get("/ui/model").get_data(as_text=True)
    assert 'id="shadow-name">pump_motor<' in page and "uploaded-candidate" in page
    assert 'id="shadow-readings">2<' in page and 'id="shadow-confusion"' in page
    assert 'id="shadow-promote"' in page
    viewer = web.browser("viewer").get("/ui/model").get_data(as_text=True)
    assert 'id="shadow-confusion"' in viewer and 'id="shadow-promote"' not in viewer
