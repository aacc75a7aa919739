"""An asset's page and the alarm workflow through Flask's test client: severity, the
series of a time range (sampled, with its gap length), alerts grouped per asset, the
timeline with an acknowledgement's note, episode labels kept and exported, the open
count in the tab's title.

The same in a real Chromium against a running gateway (bands, gaps, marks, acknowledging
with a note, a label surviving a reload) is in tests/test_browser_asset.py.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gateway.alerts.severity import SEVERITIES, severity_of
from gateway.config import parse_config
from gateway.config.alerts import SeverityConfig
from gateway.facade import PLANT_FEATURES
from gateway.model.feedback import export_feedback
from gateway.records import Prediction, Reading, Scored
from gateway.state.store import read_table
from tests.support.web import WebEnv, csrf, web_env

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebEnv]:
    yield from web_env(tmp_path, {"web": {"timezone": "Europe/Berlin"}})


def scored(sensor: str, label: str, ts: float, confidence: float = 0.9) -> Scored:
    values = {f: float(i) + ts % 7 for i, f in enumerate(PLANT_FEATURES)}
    reading = Reading(sensor_id=sensor, timestamp=ts, values=values, source="test")
    return Scored(reading, Prediction(label, confidence, (confidence, 1 - confidence), "m"))


def episode_history(web: WebEnv, now: float) -> tuple[float, float]:
    """pump_1 over the last 10 minutes: normal, 60 s of cavitation, normal, a 4-minute
    outage, normal again (one reading a second). The fault's start and end."""
    history = web.facade.history
    assert history is not None
    start = now - 600
    fault = (start + 100, start + 160)
    batch = []
    for i in range(600):
        ts = start + i
        if start + 250 <= ts < start + 490:
            continue  # the outage
        label = "cavitation" if fault[0] <= ts < fault[1] else "normal"
        batch.append(scored("pump_1", label, ts))
    history.write(batch)
    return fault


# -- severity ---------------------------------------------------------------------------


def test_severity_comes_from_the_fault_the_confidence_and_the_kind() -> None:
    rules = SeverityConfig()
    fault = {"kind": "fault", "fault_type": "cavitation"}
    assert severity_of({**fault, "confidence": 0.8}, rules) == "critical"
    # A fault class not listed: the default, one step worse when confident, milder when not.
    bearing = {"fault_type": "pump_bearing_outer_race"}
    assert severity_of({**bearing, "confidence": 0.8}, rules) == "major"
    assert severity_of({**bearing, "confidence": 0.95}, rules) == "critical"
    assert severity_of({**bearing, "confidence": 0.65}, rules) == "warning"
    assert severity_of({"fault_type": "imbalance", "confidence": 0.61}, rules) == "info"
    assert severity_of({"kind": "data_loss", "fault_type": "asset_stale"}, rules) == "major"
    # Drift's alerts carry their own severity; a record without a confidence keeps the base.
    assert severity_of({"kind": "drift", "severity": "info"}, rules) == "info"
    assert severity_of({"fault_type": "motor_overheating"}, rules) == "critical"
    assert SEVERITIES == ("critical", "major", "warning", "info")


def test_severity_rules_are_configurable_and_checked() -> None:
    cfg = parse_config(
        {"alerts": {"severity": {"faults": {"cavitation": "warning"}, "data_loss": "critical"}}}
    )
    rules = cfg.alerts.severity
    assert severity_of({"fault_type": "cavitation", "confidence": 0.8}, rules) == "warning"
    assert severity_of({"kind": "data_loss"}, rules) == "critical"
    for bad in ({"faults": {"cavitation": "urgent"}}, {"unsure": 0.95, "confident": 0.9}):
        with pytest.raises(Exception, match="severity"):
            parse_config({"alerts": {"severity": bad}})


# -- the asset's series -----------------------------------------------------------------


def test_the_series_has_columns_gaps_alerts_and_states(web: WebEnv) -> None:
    now = time.time()
    fault = episode_history(web, now)
    web.store.insert(
        "alerts",
        {
            "uid": "a1",
            "sensor_id": "pump_1",
            "fault_type": "cavitation",
            "status": "resolved",
            "opened_at": fault[0] + 3,
            "resolved_at": fault[1] + 45,
            "confidence": 0.92,
            "acknowledged_by": "operator@example.com",
            "acknowledged_at": fault[0] + 20,
        },
    )
    h = web.headers("viewer")
    r = web.client().get(f"/assets/pump_1/series?start={now - 600}&end={now}", headers=h)
    assert r.status_code == 200, r.json
    d = r.json
    s = d["series"]
    assert len(s["t"]) == 360 and not d["sampled"]
    assert set(s["values"]) == set(PLANT_FEATURES)
    assert s["label"].count("cavitation") == 60
    # The outage is wider than the gap length; one reading a second is not.
    steps = [b - a for a, b in zip(s["t"], s["t"][1:], strict=False)]
    assert max(steps) > d["gap_after"] > 1.5
    [alert] = d["alerts"]
    assert alert["severity"] == "critical" and alert["acknowledged_at"] == fault[0] + 20
    assert "recipients" not in alert
    # A long range is sampled, one reading per slice, the fault kept in its slices.
    r = web.client().get(f"/assets/pump_1/series?start={now - 600}&end={now}&points=50", headers=h)
    d = r.json
    assert d["sampled"] and len(d["series"]["t"]) <= 50
    assert "cavitation" in d["series"]["label"]
    assert d["gap_after"] >= 2.5 * 600 / 50
    bad = web.client().get(f"/assets/pump_1/series?start={now}&end={now - 60}", headers=h)
    assert bad.status_code == 422


def test_the_asset_page_and_its_links(web: WebEnv) -> None:
    now = time.time()
    episode_history(web, now)
    web.store.insert(
        "alerts",
        {
            "uid": "a2",
            "sensor_id": "pump_1",
            "fault_type": "cavitation",
            "status": "open",
            "opened_at": now - 30,
            "confidence": 0.8,
        },
    )
    viewer = web.browser("viewer")
    page = viewer.get("/ui/assets/pump_1").get_data(as_text=True)
    assert 'data-sensor="pump_1"' in page and "/static/asset.js" in page
    # The box app.js fills with the asset's writable points (hidden until it has some).
    assert '<section class="card controls hidden" data-sensor="pump_1"' in page
    assert "Alerts in this range (1)" in page and 'id="alert-1"' in page
    # The open count in the tab's title, on every page.
    assert "<title>(1) pump_1 · Aastreli gateway</title>" in page
    assert "<title>(1) Alerts" in viewer.get("/ui/alerts").get_data(as_text=True)
    # Custom ranges are read in the user's zone; a wrong one says so in words.
    r = viewer.get("/ui/assets/pump_1?range=custom&start=2026-12-07T09:00&end=2026-12-07T08:00")
    assert "To must be after From." in r.get_data(as_text=True)
    r = viewer.get("/ui/assets/pump_1?range=custom&start=2026-12-07T09:00&end=2026-12-07T10:00")
    assert 'data-start="1796630400.0"' in r.get_data(as_text=True)  # 08:00 UTC
    assert viewer.get("/ui/assets/nothing_here").status_code == 404


# -- the alarm workflow -----------------------------------------------------------------


def test_alerts_are_grouped_per_asset_with_counts_and_timelines(web: WebEnv) -> None:
    now = time.time()
    rows = [
        ("pump_1", "pump_bearing_outer_race", "resolved", 0.8, None),
        ("pump_1", "cavitation", "acknowledged", 0.8, "bearing greased, watching it"),
        ("pump_2", "imbalance", "open", 0.8, None),
    ]
    for i, (sensor, fault, status, conf, note) in enumerate(rows):
        web.store.insert(
            "alerts",
            {
                "uid": f"u{i}",
                "sensor_id": sensor,
                "fault_type": fault,
                "status": status,
                "opened_at": now - 600 + i,
                "confidence": conf,
                "resolved_at": now - 100 if status == "resolved" else None,
                "acknowledged_by": "operator@example.com" if note else None,
                "acknowledged_at": now - 300 if note else None,
                "acknowledged_note": note,
                "resolution": {"source_error": "mqtt://plant:Tr0ub4dor-and-3@broker:1883"},
            },
        )
    page = web.browser("operator").get("/ui/alerts").get_data(as_text=True)
    # pump_1's active alert is critical, pump_2's a warning: pump_1 first.
    assert page.index('data-sensor="pump_1"') < page.index('data-sensor="pump_2"')
    assert '<span class="badge sev critical">1 critical</span>' in page
    assert '<span class="badge">1 resolved</span>' in page
    assert '<q class="ack-note">bearing greased, watching it</q>' in page
    # No alert delivery in this app: nothing to acknowledge with (tests/test_browser_asset.py
    # acknowledges on a running gateway).
    assert 'class="ack-form' not in page and "cannot be acknowledged" in page
    api = web.client().get("/alerts", headers=web.headers("viewer")).json["alerts"]
    acked = next(a for a in api if a["state"] == "acknowledged")
    assert [e["kind"] for e in acked["events"]] == ["opened", "acknowledged"]
    assert acked["events"][1]["detail"] == "bearing greased, watching it"
    assert {a["severity"] for a in api} == {"critical", "warning", "major"}
    # An alert's own words are shown as they are (a long fault class, an email, a note);
    # what may hold a secret is masked.
    assert "pump_bearing_outer_race" in {a["fault_type"] for a in api}
    assert acked["acknowledged_by"] == "operator@example.com"
    assert all("Tr0ub4dor" not in str(a["resolution"]) for a in api)


def test_acknowledging_or_clearing_without_the_alert_service_says_so(web: WebEnv) -> None:
    web.store.insert("alerts", {"uid": "x", "sensor_id": "p", "fault_type": "f", "status": "open"})
    c = web.browser("operator")
    r = c.post("/alerts/1/acknowledge", headers=csrf(c), json={"note": "x" * 501})
    assert r.status_code == 422  # the note's length is checked first
    r = c.post("/alerts/1/acknowledge", headers=csrf(c), json={"note": "seen"})
    assert r.status_code == 503
    assert c.post("/alerts/1/clear", headers=csrf(c), json={"note": "y" * 501}).status_code == 422
    assert c.post("/alerts/1/clear", headers=csrf(c)).status_code == 503
    viewer = web.browser("viewer")
    assert viewer.post("/alerts/1/clear", headers=csrf(viewer)).status_code == 403


# -- episode labels ---------------------------------------------------------------------


def test_an_episode_label_is_kept_shown_and_exported(web: WebEnv, tmp_path: Path) -> None:
    now = time.time()
    fault = episode_history(web, now)
    web.store.insert(
        "alerts",
        {
            "uid": "e1",
            "sensor_id": "pump_1",
            "fault_type": "cavitation",
            "status": "resolved",
            "opened_at": fault[0],
            "resolved_at": fault[1] - 0.5,
            "confidence": 0.9,
        },
    )
    op = web.browser("operator")
    h = csrf(op)
    # By alert: its opening to its resolution.
    r = op.post(
        "/assets/pump_1/feedback",
        headers=h,
        json={"label": "pump_bearing_outer_race", "alert_id": 1, "notes": "found wear"},
    )
    assert r.status_code == 201, r.json
    assert r.json["readings"] == 60 and r.json["alert_id"] == 1
    # By time range: 20 s of the normal run before it.
    r = op.post(
        "/assets/pump_1/feedback",
        headers=h,
        json={"label": "normal", "start": fault[0] - 20, "end": fault[0] - 1},
    )
    assert r.status_code == 201 and r.json["readings"] == 20
    for body, status in (
        ({"label": "cavitation"}, 422),  # neither range nor alert
        ({"label": "no_such_fault", "alert_id": 1}, 422),
        ({"label": "cavitation", "alert_id": 99}, 404),
        ({"label": "cavitation", "start": now - 340, "end": now - 120}, 422),  # the outage
    ):
        assert op.post("/assets/pump_1/feedback", headers=h, json=body).status_code == status
    viewer = web.browser("viewer")
    assert (
        viewer.post(
            "/assets/pump_1/feedback", headers=csrf(viewer), json={"label": "normal", "alert_id": 1}
        ).status_code
        == 403
    )
    # Shown on the asset's page after a reload; single-reading labels are apart.
    page = op.get("/ui/assets/pump_1?range=1h").get_data(as_text=True)
    assert "Pump bearing outer race" in page and "60 readings" in page and "found wear" in page
    assert op.get("/feedback").json["feedback"] == []
    # In the export: one training row per reading, with the episode's label.
    out = tmp_path / "feedback.csv"
    result = export_feedback(read_table(web.data_dir, "feedback"), out)
    assert result.written == 80
    with open(out, newline="") as f:
        labels = [row["label"] for row in csv.DictReader(f)]
    assert labels.count("pump_bearing_outer_race") == 60 and labels.count("normal") == 20


def test_a_reading_labelled_twice_is_exported_once_with_the_newest_label(tmp_path: Path) -> None:
    values = {"motor_data.DE_temp": 60.0}
    records = [
        {
            "kind": "episode",
            "sensor_id": "p",
            "label": "cavitation",
            "readings": [
                {"timestamp": 1.0, "values": values},
                {"timestamp": 2.0, "values": values},
            ],
        },
        {"sensor_id": "p", "timestamp": 2.0, "values": values, "label": "normal"},
    ]
    out = tmp_path / "f.csv"
    assert export_feedback(records, out).written == 2
    with open(out, newline="") as f:
        assert [r["label"] for r in csv.DictReader(f)] == ["cavitation", "normal"]


def test_the_demo_resolves_alerts_within_its_cycle() -> None:
    from gateway.config import load_config

    cfg = load_config(ROOT / "config" / "gateway.yaml")
    cycle = cfg.simulator.cycle
    assert cycle.enabled and cfg.alerts.resolve_after < cycle.normal_s
