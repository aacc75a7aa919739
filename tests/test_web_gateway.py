"""The API served by a real running gateway (runtime, waitress, simulator, alert sink)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.support.web import RunningGateway
from tests.test_browser import WebhookReceiver

PASSWORD = "granite pump hums 5"


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[RunningGateway]:
    gw = RunningGateway(tmp_path / "data", assets=1).start()
    yield gw
    gw.stop()


def test_running_gateway_api(gateway: RunningGateway) -> None:
    h = gateway.admin(PASSWORD)
    url = gateway.url
    # Live values arrive from the simulator through Modbus.
    deadline = time.monotonic() + 15
    while True:
        assets = requests.get(url + "/dashboard", headers=h, timeout=10).json()["assets"]
        if assets and assets[0]["count"] >= 3:
            break
        assert time.monotonic() < deadline, "no live values"
        time.sleep(0.2)
    # The 20 points of the set, and its two controls (stop command, speed setpoint).
    assert assets[0]["sensor_id"] == "pump_1" and len(assets[0]["values"]) == 22
    readings = requests.get(
        url + "/sensor-readings?sensor_id=pump_1&limit=5", headers=h, timeout=10
    ).json()
    assert readings["readings"], "history holds the readings"
    assert requests.get(url + "/healthz", timeout=10).status_code == 200
    metrics = requests.get(url + "/metrics", headers=h, timeout=10)
    assert metrics.status_code == 200 and "aastreli_component_received_total" in metrics.text

    with WebhookReceiver() as hook:
        secret_url = f"http://127.0.0.1:{hook.port}/hook?token=s3cr3t-t0ken-value"
        body = {
            "enableNotifications": True,
            "faultActions": [
                {"id": "w1", "type": "webhook", "enabled": True, "config": {"url": secret_url}}
            ],
        }
        saved = requests.post(url + "/settings", headers=h, json=body, timeout=10)
        assert saved.status_code == 200 and "s3cr3t" not in saved.text
        # The test button of a saved target: the stored (unmasked) URL is used.
        r = requests.post(url + "/test-notification", headers=h, json={"id": "w1"}, timeout=60)
        assert r.status_code == 200 and r.json()["success"] is True, r.text
        assert "s3cr3t" not in r.text
        assert hook.received and hook.received[0]["path"] == "/hook?token=s3cr3t-t0ken-value"
        # A target that does not answer: the failure comes back as a result, not an error.
        dead = {"type": "webhook", "config": {"url": f"http://127.0.0.1:{hook.port}/missing"}}
        hook.server.shutdown()
        r = requests.post(url + "/test-notification", headers=h, json=dead, timeout=60)
        assert r.status_code == 200 and r.json()["success"] is False

    # Acknowledging goes through the alert sink on the gateway's loop.
    store = gateway.gateway.facade.store
    alert_id = store.insert(
        "alerts",
        {
            "uid": "t1",
            "sensor_id": "pump_1",
            "fault_type": "cavitation",
            "status": "open",
            "opened_at": time.time(),
            "confidence": 0.93,
            "acknowledged_by": None,
        },
    )
    r = requests.post(f"{url}/alerts/{alert_id}/acknowledge", headers=h, timeout=10)
    assert r.status_code == 200, r.text
    assert (
        r.json()["state"] == "acknowledged" and r.json()["acknowledged_by"] == "admin@plant.example"
    )
    assert store.get_by_id("alerts", alert_id)["status"] == "acknowledged"
    assert (
        requests.post(f"{url}/alerts/999999/acknowledge", headers=h, timeout=10).status_code == 404
    )
    listed = requests.get(url + "/alerts?state=acknowledged", headers=h, timeout=10).json()
    assert [a["id"] for a in listed["alerts"]] == [alert_id]
