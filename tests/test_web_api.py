"""The seed's JSON API, called with the seed's own request examples, and the device's additions."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from gateway.facade import MASK
from gateway.features import PLANT_FEATURES
from gateway.health import HealthRegistry
from gateway.records import Prediction, Reading, Scored
from tests.support.web import PASSWORDS, WebEnv, bearer, web_env


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebEnv]:
    yield from web_env(tmp_path)


# The seed's examples (aastreli-production-features.md, "Testing Guide").
SEED_REGISTER = {
    "email": "test@example.com",
    "username": "testuser",
    "password": "test123456",
    "full_name": "Test User",
}
SEED_SETTINGS = {
    "autoRefresh": True,
    "refreshInterval": 5,
    "anomalyThreshold": 0.7,
    "enableNotifications": True,
    "faultActions": [
        {"id": "1", "type": "email", "enabled": True, "config": {"email": "alerts@company.com"}}
    ],
}
SEED_WEBHOOK = {
    "id": "1738367890456",
    "type": "webhook",
    "enabled": True,
    "config": {"url": "https://api.company.com/webhook"},
}


def scored(sensor: str, label: str, conf: float, ts: float, scale: float = 1.0) -> Scored:
    values = {f: round(scale * (i + 1) * 1.5, 3) for i, f in enumerate(PLANT_FEATURES)}
    reading = Reading(sensor_id=sensor, timestamp=ts, values=values, source="test")
    probs = (conf, 1 - conf)
    return Scored(reading, Prediction(label, conf, probs, "pump_motor"))


@pytest.fixture
def open_web(tmp_path: Path) -> WebEnv:
    return WebEnv(tmp_path, {"web": {"allow_registration": True}})


def test_register_with_the_seed_example(open_web: WebEnv) -> None:
    c = open_web.client()
    # The seed's example password is on the common-password list: refused, with the field named.
    r = c.post("/register", json=SEED_REGISTER)
    assert r.status_code == 422
    assert "common" in r.json["fields"]["password"]
    r = c.post("/register", json={**SEED_REGISTER, "password": "seven tired otters"})
    assert r.status_code == 202, r.json
    created = r.json
    doc = open_web.store.get("users", email="test@example.com")
    assert doc["username"] == "testuser" and doc["full_name"] == "Test User"
    assert doc["role"] == "viewer" and "password" not in r.json
    assert doc["hashed_password"].startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert doc["token_epoch"] == 0 and doc["disabled"] is False
    # Duplicates by email or by username are not created, and the answer is the same as
    # for a new account: it tells no one which emails have an account here.
    r = c.post("/register", json={**SEED_REGISTER, "password": "seven tired otters"})
    assert r.status_code == 202 and r.json == created
    r = c.post(
        "/register",
        json={
            **SEED_REGISTER,
            "email": "other@example.com",
            "username": "TestUser",
            "password": "seven tired otters",
        },
    )
    assert r.status_code == 202 and r.json == created
    assert open_web.store.count("users", username="testuser") == 1
    assert open_web.store.get("users", email="other@example.com") is None


def test_register_is_closed_by_default(web: WebEnv) -> None:
    r = web.client().post("/register", json={**SEED_REGISTER, "password": "seven tired otters"})
    assert r.status_code == 403
    assert web.store.get("users", email="test@example.com") is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**SEED_REGISTER, "email": "not-an-email"}, "email"),
        ({**SEED_REGISTER, "username": "a b"}, "username"),
        ({**SEED_REGISTER, "password": "short"}, "password"),
        ({**SEED_REGISTER, "password": "x" * 129}, "password"),
        ({k: v for k, v in SEED_REGISTER.items() if k != "email"}, "email"),
    ],
)
def test_register_field_errors(open_web: WebEnv, body: dict[str, Any], field: str) -> None:
    r = open_web.client().post("/register", json=body)
    assert r.status_code == 422
    assert field in r.json["fields"], r.json
    assert r.json["detail"][0]["loc"][0] == "body"


def test_login_with_the_seed_query_string_is_refused(web: WebEnv) -> None:
    c = web.client()
    r = c.post("/login?email=admin@example.com&password=" + PASSWORDS["admin"].replace(" ", "%20"))
    assert r.status_code == 400
    assert "URL" in r.json["detail"] and r.json["code"] == "secret_in_url"
    # Nothing was checked, nothing counted: the audit trail has no login for it.
    assert not web.store.find("audit", event="login")


def test_login_json_returns_the_seed_token_shape(web: WebEnv) -> None:
    c = web.client()
    r = c.post("/login", json={"email": "admin@example.com", "password": PASSWORDS["admin"]})
    assert r.status_code == 200
    assert r.json["token_type"] == "bearer" and r.json["access_token"].count(".") == 2
    assert r.json["expires_in"] == 60 * 60
    me = c.get("/me", headers={"Authorization": f"Bearer {r.json['access_token']}"})
    assert (
        me.status_code == 200
        and me.json["email"] == "admin@example.com"
        and me.json["role"] == "admin"
    )
    # The username works as the login too; a wrong password does not.
    assert (
        c.post(
            "/login", json={"username": "operator", "password": PASSWORDS["operator"]}
        ).status_code
        == 200
    )
    r = c.post("/login", json={"email": "admin@example.com", "password": "wrong password!"})
    assert r.status_code == 401 and r.json["detail"] == "wrong email or password"
    r = c.post("/login", json={"email": "nobody@example.com", "password": "wrong password!"})
    assert r.status_code == 401 and r.json["detail"] == "wrong email or password"
    web.app.extensions["aastreli"].tally.flush()
    events = web.store.find("audit")
    assert [e["event"] for e in events].count("login") == 2
    (tally,) = [e for e in events if e["event"] == "failures"]
    assert tally["total"] == 2 and tally["addresses"][0]["login_failed"] == 2


def test_me_needs_a_token(web: WebEnv) -> None:
    c = web.client()
    r = c.get("/me")
    assert r.status_code == 401 and r.headers["WWW-Authenticate"] == "Bearer"
    assert c.get("/me", headers={"Authorization": "Bearer not.a.token"}).status_code == 401
    assert c.get("/me", headers={"Authorization": "Basic YWRtaW46YWRtaW4="}).status_code == 401


def test_settings_defaults_then_the_seed_example(web: WebEnv) -> None:
    c = web.client()
    h = web.headers("operator")
    r = c.get("/settings", headers=h)
    assert r.status_code == 200
    assert r.json == {
        "autoRefresh": True,
        "refreshInterval": 5,
        "anomalyThreshold": 0.7,
        "enableNotifications": False,
        "faultActions": [],
        "dataLossNotifications": True,
        "updated_at": None,
        # Beside the seed's fields: the UI's clock (null zone: the gateway's).
        "timeZone": None,
        "timeFormat": "24h",
    }
    r = c.post("/settings", headers=h, json=SEED_SETTINGS)
    assert r.status_code == 200
    again = c.get("/settings", headers=h).json
    assert {k: again[k] for k in SEED_SETTINGS} == SEED_SETTINGS
    assert again["updated_at"].endswith("Z")
    doc = web.store.get("settings", user_email="operator@example.com")
    assert doc["faultActions"] == SEED_SETTINGS["faultActions"] and isinstance(
        doc["updated_at"], float
    )
    # Another user still sees the defaults: settings are per user.
    assert c.get("/settings", headers=web.headers("admin")).json["faultActions"] == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"refreshInterval": 0}, "refreshInterval"),
        ({"anomalyThreshold": 1.5}, "anomalyThreshold"),
        ({"faultActions": [{"id": "1", "type": "pager", "config": {}}]}, "faultActions.0.type"),
        (
            {"faultActions": [{"id": "1", "type": "email", "config": {"email": "nope"}}]},
            "faultActions.0",
        ),
        (
            {"faultActions": [{"id": "1", "type": "webhook", "config": {"url": "ftp://x"}}]},
            "faultActions.0",
        ),
        ({"faultActions": [SEED_WEBHOOK, SEED_WEBHOOK]}, "faultActions"),
    ],
)
def test_settings_field_errors(web: WebEnv, change: dict[str, Any], field: str) -> None:
    r = web.client().post(
        "/settings", headers=web.headers("operator"), json={**SEED_SETTINGS, **change}
    )
    assert r.status_code == 422
    assert any(k.startswith(field) for k in r.json["fields"]), r.json


def test_target_secrets_are_masked_and_kept(web: WebEnv) -> None:
    c = web.client()
    h = web.headers("operator")
    secret_url = "tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/987654"
    slack = "https://hooks.slack.com/services/T0AAA1111/B0BBB2222/XyZsecretTokenValue123"
    mail = "mailtos://alerts:Sup3rSecretPw@smtp.example.com?to=ops@example.com"
    body = {
        **SEED_SETTINGS,
        "faultActions": [
            {"id": "a", "type": "apprise", "enabled": True, "config": {"url": secret_url}},
            {"id": "s", "type": "slack", "enabled": True, "config": {"channel": slack}},
            {
                "id": "m",
                "type": "apprise",
                "enabled": True,
                "config": {"url": mail, "smtp_password": "pw-xyz-123"},
            },
            SEED_WEBHOOK,
        ],
    }
    r = c.post("/settings", headers=h, json=body)
    assert r.status_code == 200
    for resp in (r, c.get("/settings", headers=h)):
        text = resp.get_data(as_text=True)
        for secret in (
            "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
            "XyZsecretTokenValue123",
            "Sup3rSecretPw",
            "pw-xyz-123",
        ):
            assert secret not in text
        actions = {a["id"]: a["config"] for a in resp.json["faultActions"]}
        assert actions["a"]["url"] == f"tgram://{MASK}:{MASK}/{MASK}"
        assert actions["s"]["channel"] == f"https://hooks.slack.com/{MASK}"
        assert actions["m"]["url"] == f"mailtos://alerts:{MASK}@smtp.example.com?to={MASK}"
        assert actions["m"]["smtp_password"] == MASK
        # A webhook's path may be its token: hidden, the host kept.
        assert actions["1738367890456"]["url"] == f"https://api.company.com/{MASK}"
    # Posting back what was shown keeps the stored secrets.
    shown = c.get("/settings", headers=h).json
    shown["refreshInterval"] = 10
    assert c.post("/settings", headers=h, json=shown).status_code == 200
    stored = {
        a["id"]: a["config"]
        for a in web.store.get("settings", user_email="operator@example.com")["faultActions"]
    }
    assert stored["a"]["url"] == secret_url and stored["s"]["channel"] == slack
    assert stored["m"] == {"url": mail, "smtp_password": "pw-xyz-123"}
    # A half-edited masked value is refused rather than stored.
    shown["faultActions"][0]["config"]["url"] = f"tgram://999:{MASK}/987654"
    r = c.post("/settings", headers=h, json=shown)
    assert r.status_code == 422 and "faultActions.0.config.url" in r.json["fields"]
    # The pages never carry the secret either.
    page = web.browser("operator").get("/ui/settings").get_data(as_text=True)
    assert "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" not in page


def test_viewers_keep_display_settings_but_not_targets(web: WebEnv) -> None:
    c = web.client()
    h = web.headers("viewer")
    assert (
        c.post(
            "/settings", headers=h, json={"autoRefresh": False, "refreshInterval": 30}
        ).status_code
        == 200
    )
    assert c.get("/settings", headers=h).json["refreshInterval"] == 30
    r = c.post("/settings", headers=h, json=SEED_SETTINGS)
    assert r.status_code == 403
    assert c.get("/settings", headers=h).json["faultActions"] == []


def test_test_notification_without_the_alert_service_is_503(web: WebEnv) -> None:
    r = web.client().post("/test-notification", headers=web.headers("operator"), json=SEED_WEBHOOK)
    assert r.status_code == 503 and "not running" in r.json["detail"]
    r = web.client().post(
        "/test-notification", headers=web.headers("operator"), json={"id": "nope"}
    )
    assert r.status_code == 422 and "id" in r.json["fields"]


def test_dashboard_shows_live_assets(web: WebEnv) -> None:
    now = time.time()
    web.facade.live.update(
        [scored("pump_1", "normal", 0.97, now), scored("pump_2", "cavitation", 0.91, now)]
    )
    web.facade.health.register("plc", "source", "modbus").up()
    web.store.insert(
        "alerts",
        {
            "sensor_id": "pump_2",
            "fault_type": "cavitation",
            "status": "open",
            "opened_at": now,
            "confidence": 0.91,
        },
    )
    web.store.insert(
        "alerts",
        {
            "sensor_id": "pump_1",
            "fault_type": "imbalance",
            "status": "resolved",
            "opened_at": now - 600,
            "confidence": 0.8,
        },
    )
    r = web.client().get("/dashboard", headers=web.headers("viewer"))
    assert r.status_code == 200
    d = r.json
    assert [a["sensor_id"] for a in d["assets"]] == ["pump_1", "pump_2"]
    p2 = d["assets"][1]
    assert p2["prediction"] == "cavitation" and p2["confidence"] == 0.91 and p2["anomaly"] is True
    assert d["assets"][0]["anomaly"] is False
    assert p2["values"]["motor_data.DE_temp"] == 1.5
    assert [(a["sensor_id"], a["state"]) for a in d["active_alerts"]] == [("pump_2", "open")]
    assert d["sources"][0]["name"] == "plc" and d["sources"][0]["state"] == "up"
    assert d["stats"]["anomalies"] == 1 and d["stats"]["sources_up"] == 1
    assert d["settings"]["refreshInterval"] == 5
    chart = (
        web.client().get("/dashboard/chart?sensor_id=pump_2", headers=web.headers("viewer")).json
    )
    assert chart["points"][0]["prediction"] == "cavitation"


def test_sensor_readings_filter_and_pages(web: WebEnv) -> None:
    history = web.facade.history
    # Recent times: the history's retention drops anything older than 30 days.
    t0 = float(int(time.time()) // 60 * 60 - 3600)
    iso0 = datetime.fromtimestamp(t0, UTC).strftime("%Y-%m-%dT%H:%M:%S")
    history.write(
        [scored("pump_1", "normal", 0.9, t0 + i) for i in range(30)]
        + [scored("pump_2", "cavitation", 0.8, t0 + i) for i in range(10)]
    )
    c = web.client()
    h = web.headers("viewer")
    r = c.get("/sensor-readings", headers=h)
    assert r.json["total"] == 40 and len(r.json["readings"]) == 40
    r = c.get("/sensor-readings?sensor_id=pump_1&limit=10&offset=5", headers=h).json
    assert r["total"] == 30 and len(r["readings"]) == 10
    assert r["readings"][0]["ts"] == t0 + 24  # newest first, after skipping 5
    assert r["readings"][0]["timestamp"] == iso0[:-2] + "24Z"
    start = iso0[:-2] + "05Z"
    r = c.get(f"/sensor-readings?start={start}&end={t0 + 9}&sensor_id=pump_2", headers=h).json
    assert r["total"] == 5 and {x["prediction"] for x in r["readings"]} == {"cavitation"}
    assert c.get("/sensor-readings?label=cavitation&skip=8", headers=h).json["total"] == 10
    for bad in ("limit=0", "limit=5000", "offset=-1", "start=yesterday", "start=10&end=5"):
        r = c.get(f"/sensor-readings?{bad}", headers=h)
        assert r.status_code == 422, bad


def test_feedback_stores_the_reading_with_the_label(web: WebEnv) -> None:
    history = web.facade.history
    t0 = float(int(time.time()))
    history.write([scored("pump_1", "normal", 0.9, t0)])
    rid = history.query(limit=1)[0]["id"]
    c = web.client()
    # Viewers cannot label; operators can.
    assert (
        c.post(
            "/feedback",
            headers=web.headers("viewer"),
            json={"reading_id": rid, "label": "cavitation"},
        ).status_code
        == 403
    )
    r = c.post(
        "/feedback",
        headers=web.headers("operator"),
        json={"reading_id": rid, "correct_label": "cavitation"},
    )
    assert r.status_code == 201
    doc = web.store.find("feedback")[0]
    assert (
        doc["reading_id"] == rid and doc["sensor_id"] == "pump_1" and doc["predicted"] == "normal"
    )
    assert doc["label"] == "cavitation" and doc["user"] == "operator@example.com"
    assert doc["values"]["pump_data.flow"] == history.get(rid)["values"]["pump_data.flow"]
    assert doc["timestamp"] == t0
    r = c.post(
        "/feedback", headers=web.headers("operator"), json={"reading_id": rid, "label": "on_fire"}
    )
    assert r.status_code == 422 and "label" in r.json["fields"]
    r = c.post(
        "/feedback", headers=web.headers("operator"), json={"reading_id": 10**15, "label": "normal"}
    )
    assert r.status_code == 404


def test_alerts_list_and_acknowledge_without_service(web: WebEnv) -> None:
    for i, state in enumerate(("open", "acknowledged", "resolved", "open")):
        web.store.insert(
            "alerts",
            {
                "sensor_id": f"pump_{i}",
                "fault_type": "imbalance",
                "status": state,
                "opened_at": 1000.0 + i,
                "confidence": 0.9,
            },
        )
    c = web.client()
    h = web.headers("viewer")
    r = c.get("/alerts", headers=h).json
    assert r["total"] == 4 and [a["sensor_id"] for a in r["alerts"]] == [
        "pump_3",
        "pump_2",
        "pump_1",
        "pump_0",
    ]
    assert c.get("/alerts?state=open", headers=h).json["total"] == 2
    assert (
        c.get("/alerts?state=open&limit=1&offset=1", headers=h).json["alerts"][0]["sensor_id"]
        == "pump_0"
    )
    assert c.get("/alerts?state=broken", headers=h).status_code == 422
    r = c.post("/alerts/1/acknowledge", headers=web.headers("operator"))
    assert r.status_code == 503


def test_users_admin_api(web: WebEnv) -> None:
    c = web.client()
    h = web.headers("admin")
    r = c.post(
        "/users",
        headers=h,
        json={
            "email": "tech@example.com",
            "username": "tech",
            "password": "quiet harbor lamp 9",
            "role": "operator",
        },
    )
    assert r.status_code == 201 and r.json["role"] == "operator"
    uid = r.json["id"]
    users = c.get("/users", headers=h).json["users"]
    assert {u["email"] for u in users} >= {"tech@example.com", "admin@example.com"}
    assert all("hashed_password" not in u for u in users)
    tech = bearer(c, "tech@example.com", "quiet harbor lamp 9")
    assert c.patch(f"/users/{uid}", headers=h, json={"role": "viewer"}).json["role"] == "viewer"
    assert c.get("/me", headers=tech).status_code == 401  # a lower role revokes the old tokens
    assert c.patch(f"/users/{uid}", headers=h, json={}).status_code == 422
    assert c.patch("/users/999", headers=h, json={"role": "viewer"}).status_code == 404
    # The last admin cannot lock the gateway out.
    admin_id = web.users["admin"]["doc_id"]
    r = c.patch(f"/users/{admin_id}", headers=h, json={"role": "operator"})
    assert r.status_code == 409
    r = c.post(
        f"/users/{admin_id}/reset-password", headers=h, json={"password": "another long one"}
    )
    assert r.status_code == 409
    audit = c.get("/audit", headers=h).json["events"]
    assert audit[0]["event"] == "user_updated" and audit[0]["by"] == "admin@example.com"


def test_sources_system_health_and_metrics(web: WebEnv) -> None:
    web.facade.health.register("plc", "source", "modbus").down("connection refused")
    web.facade._metrics = lambda: 'aastreli_component_received_total{component="plc"} 7\n'
    c = web.client()
    h = web.headers("viewer")
    assert c.get("/sources", headers=h).json["sources"][0]["last_error"] == "connection refused"
    system = c.get("/system", headers=h).json
    assert system["version"] and system["healthy"] is True and "disk" in system
    assert system["status"] == "degraded"
    # A source down is degraded, not unhealthy: 200, and the reason for signed-in users.
    r = c.get("/healthz")
    assert r.status_code == 200 and r.json == {"status": "degraded"}
    assert c.get("/healthz", headers=h).json == {
        "status": "degraded",
        "problems": ["source plc is down: connection refused"],
    }
    web.facade.health.get("plc").up()  # type: ignore[union-attr]
    assert c.get("/healthz", headers=h).json == {"status": "ok", "problems": []}
    web.facade.health.register("pipeline", "stage").down("crashed")
    r = c.get("/healthz")
    assert r.status_code == 503 and r.json == {"status": "unhealthy"}
    assert c.get("/metrics").status_code == 401
    r = c.get("/metrics", headers=h)
    assert (
        r.status_code == 200
        and r.mimetype == "text/plain"
        and 'component="plc"' in r.get_data(as_text=True)
    )


def test_metrics_token_and_public_option(tmp_path: Path) -> None:
    env = WebEnv(tmp_path / "a", {"web": {"metrics_token": "scrape-token-0123456789"}}, users=False)
    c = env.client()
    assert (
        c.get("/metrics", headers={"Authorization": "Bearer scrape-token-0123456789"}).status_code
        == 200
    )
    assert (
        c.get("/metrics", headers={"Authorization": "Bearer scrape-token-wrong"}).status_code == 401
    )
    env = WebEnv(tmp_path / "b", {"web": {"metrics_public": True}}, users=False)
    assert env.client().get("/metrics").status_code == 200


def test_bad_bodies_are_4xx(web: WebEnv) -> None:
    c = web.client()
    h = web.headers("admin")
    as_json = {**h, "Content-Type": "application/json"}
    deep = "[" * 200_000 + "]" * 200_000
    assert c.post("/settings", headers=as_json, data=deep).status_code == 400
    bad_utf8 = '{"email": "a\\ud800@x.com", "password": "\\udfff"}'
    assert c.post("/login", headers=as_json, data=bad_utf8).status_code == 422
    assert c.post("/settings", headers=h, data="autoRefresh=1").status_code == 415
    assert (
        c.post(
            "/settings", headers={**h, "Content-Type": "application/json"}, data="{nope"
        ).status_code
        == 400
    )
    assert c.post("/settings", headers=h, json=[1, 2]).status_code == 422
    assert (
        c.post(
            "/settings",
            headers={**h, "Content-Type": "application/json"},
            data='{"anomalyThreshold": NaN}',
        ).status_code
        == 422
    )
    big = {"autoRefresh": True, "x": "y" * (2 * 1024 * 1024)}
    assert c.post("/settings", headers=h, json=big).status_code == 413
    assert c.get("/nowhere", headers=h).json["detail"]
    assert c.delete("/settings", headers=h).status_code == 405


def test_dashboard_health_component_names_are_stable(tmp_path: Path) -> None:
    # The dashboard reads "pipeline" from the health registry: the runtime's name for it.
    registry = HealthRegistry()
    registry.register("pipeline", "stage").received = 5
    env = WebEnv(tmp_path, users=True)
    env.facade.health = registry
    assert (
        env.client()
        .get("/dashboard", headers=env.headers("viewer"))
        .json["stats"]["readings_received"]
        == 5
    )


def test_asset_states_on_the_dashboard_the_api_and_metrics(web: WebEnv) -> None:
    from gateway import metrics
    from gateway.assets import AssetStates, Expected
    from gateway.config.assets import AssetsConfig
    from gateway.health import ComponentHealth
    from gateway.records import INSUFFICIENT_DATA, Prediction, Reading, Scored

    clock = [100.0]
    states = AssetStates(AssetsConfig(stale_min=1.0), clock=lambda: clock[0])
    plc = ComponentHealth("plc", "source")
    states.add_source(plc, assets={"pump_1": Expected(1.0), "pump_2": Expected(1.0)})
    web.facade.asset_states = states
    imbalance = Prediction("imbalance", 0.95, (0.95,), "m")
    faulty = Scored(Reading("pump_1", 1.0, {"a": 1.0}, "plc"), imbalance)
    states.observe([faulty])
    web.facade.live.update([faulty])
    h = web.headers("viewer")
    c = web.client()
    d = c.get("/dashboard", headers=h).json
    one = next(a for a in d["assets"] if a["sensor_id"] == "pump_1")
    assert one["state"] == "live" and one["anomaly"] is True
    two = next(a for a in d["assets"] if a["sensor_id"] == "pump_2")  # configured, no reading
    assert two["state"] == "no_data" and two["values"] == {}
    clock[0] += 3.5
    states.tick()
    _shared_reset()
    d = c.get("/dashboard", headers=h).json
    one = next(a for a in d["assets"] if a["sensor_id"] == "pump_1")
    # Stale: the last label is kept but it is no anomaly any more (nothing current says so).
    assert one["state"] == "stale" and one["anomaly"] is False and one["age_seconds"] == 3.5
    assert d["stats"]["stale"] == 1 and d["stats"]["no_data"] == 1
    assert d["stats"]["health"] == "degraded" and any("pump_1" in p for p in d["stats"]["problems"])
    assets = {a["sensor_id"]: a for a in c.get("/assets", headers=h).json["assets"]}
    assert assets["pump_1"]["state"] == "stale" and assets["pump_1"]["stale_after"] == 3.0
    # An unscored reading clears the label on the card.
    empty = Scored(Reading("pump_1", 2.0, {}, "plc", ("a",)), None, INSUFFICIENT_DATA)
    web.facade.live.update([empty])
    _shared_reset()
    one = next(
        a for a in c.get("/dashboard", headers=h).json["assets"] if a["sensor_id"] == "pump_1"
    )
    assert one["prediction"] is None and one["unscored"] == "insufficient_data"
    text = metrics.render(web.facade.health, None, [], states)
    assert 'aastreli_asset_state{sensor_id="pump_1",source="plc",state="stale"} 1' in text
    assert 'aastreli_asset_state{sensor_id="pump_1",source="plc",state="live"} 0' in text
    assert 'aastreli_asset_reading_age_seconds{sensor_id="pump_1"} 3.5' in text
    # The history keeps the changes.
    assert web.facade.history is not None
    now = float(int(time.time()))
    web.facade.history.write([], [{"sensor_id": "pump_1", "source": "plc", "state": "stale",
                                   "previous": "live", "since": now,
                                   "last_reading": now - 3}])  # fmt: skip
    changes = c.get("/asset-states?sensor_id=pump_1", headers=h).json["changes"]
    assert changes[0]["state"] == "stale" and changes[0]["previous"] == "live"
    assert changes[0]["since"] == datetime.fromtimestamp(now, UTC).isoformat().replace(
        "+00:00", "Z"
    )


def _shared_reset() -> None:
    from webui.views import dashboard

    dashboard._shared["at"] = -1.0  # the dashboard shares what it computed for 0.5 s
