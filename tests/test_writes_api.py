"""The write API of a running gateway reading the simulated plant over Modbus: what a
client needs to draw the controls, writes by role with their confirmations, plain
refusals, CSRF as for every form, the write records, and the write seen in the data."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from tests.support.web import RunningGateway

pytestmark = pytest.mark.timeout(240)

PASSWORD = "brass lantern 7 glows"
STOP, SPEED = "pump_1/control.stop", "pump_1/control.speed_setpoint"


class Client:
    def __init__(self, gw: RunningGateway) -> None:
        self.url = gw.url
        self.tokens: dict[str, dict[str, str]] = {}

    def login(self, email: str) -> dict[str, str]:
        if email not in self.tokens:
            r = requests.post(
                self.url + "/login", json={"email": email, "password": PASSWORD}, timeout=10
            )
            assert r.status_code == 200, r.text
            self.tokens[email] = {"Authorization": f"Bearer {r.json()['access_token']}"}
        return self.tokens[email]

    def get(self, path: str, role: str = "operator") -> requests.Response:
        return requests.get(
            self.url + path, headers=self.login(f"{role}@plant.example"), timeout=10
        )

    def write(self, role: str = "operator", **body: Any) -> requests.Response:
        return requests.post(
            self.url + "/writes", json=body, headers=self.login(f"{role}@plant.example"), timeout=30
        )


@pytest.fixture(scope="module")
def gw(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningGateway]:
    g = RunningGateway(tmp_path_factory.mktemp("writes") / "data", assets=1, interval=0.2).start()
    r = requests.post(
        g.url + "/setup",
        json={"setup_code": g.setup_code, "email": "admin@plant.example", "username": "admin",
              "password": PASSWORD},
        timeout=10,
    )  # fmt: skip
    assert r.status_code == 201, r.text
    c = Client(g)
    for role in ("operator", "viewer"):
        r = requests.post(
            g.url + "/users",
            json={"email": f"{role}@plant.example", "username": role, "password": PASSWORD,
                  "role": role},
            headers=c.login("admin@plant.example"),
            timeout=30,
        )  # fmt: skip
        assert r.status_code == 201, r.text
    yield g
    g.stop()


@pytest.fixture
def api(gw: RunningGateway) -> Client:
    return Client(gw)


def _points(api: Client, role: str = "operator") -> dict[str, Any]:
    r = api.get("/writable-points", role)
    assert r.status_code == 200, r.text
    return {p["name"]: p for p in r.json()["points"]}


def _wait_live(api: Client) -> None:
    deadline = time.monotonic() + 30
    while not all(p["asset_state"] == "live" for p in _points(api).values()):
        assert time.monotonic() < deadline, "the plant never became live"
        time.sleep(0.2)


def test_the_controls_and_what_they_need(api: Client, gw: RunningGateway) -> None:
    _wait_live(api)
    points = _points(api, "viewer")
    assert set(points) == {STOP, SPEED}
    stop, speed = points[STOP], points[SPEED]
    assert (stop["binary"], stop["confirm"], stop["role"], stop["can_write"]) == (
        True,
        True,
        "operator",
        False,  # a viewer sees the controls but may not use them
    )
    assert (speed["min"], speed["max"], speed["step"], speed["unit"]) == (50, 110, 0.5, "%")
    assert speed["interlocks"] == ["pump_1 control.stop = 0"]
    assert stop["value"] == 0 and stop["value_at"] is not None and stop["blocked"] == []
    assert _points(api)[STOP]["can_write"] is True


def test_writes_by_role_with_confirmation_and_interlock(api: Client, gw: RunningGateway) -> None:
    _wait_live(api)
    plant = gw.sim.plant
    r = api.write("viewer", writes=[{"point": STOP, "value": 1}], confirm=True)
    assert r.status_code == 403
    r = api.write(writes=[{"point": STOP, "value": 1}])
    assert r.status_code == 409 and r.json()["code"] == "confirmation_required"
    assert not plant.controls["pump_1"].stopped
    r = api.write(writes=[{"point": STOP, "value": True}], confirm=True)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] and body["status"] == "done"
    (res,) = body["results"]
    assert (res["status"], res["old_value"], res["readback"]) == ("verified", 0.0, 1.0)
    assert plant.controls["pump_1"].stopped
    # Stopped: the speed setpoint's interlock holds it at once (the stop's read-back counts
    # before the next poll brings it).
    r = api.write(writes=[{"point": SPEED, "value": 70}])
    assert r.status_code == 409, r.text
    assert r.json()["code"] == "interlock" and "control.stop = 0: it is 1" in r.json()["detail"]
    assert _points(api)[SPEED]["blocked"]
    # The set spins down: the flow falls away in the live data (and the chart).
    deadline = time.monotonic() + 20
    while True:
        assets = requests.get(api.url + "/dashboard", headers=api.login("operator@plant.example"),
                              timeout=10).json()["assets"]  # fmt: skip
        if assets[0]["values"]["pump_data.flow"] < 5:
            break
        assert time.monotonic() < deadline, assets[0]["values"]["pump_data.flow"]
        time.sleep(0.3)
    time.sleep(1.1)  # the stop point's rate limit (1 s by default)
    r = api.write(writes=[{"point": STOP, "value": 0}], confirm=True)
    assert r.status_code == 200 and not plant.controls["pump_1"].stopped


def test_bad_requests_are_refused_in_plain_words(api: Client, gw: RunningGateway) -> None:
    _wait_live(api)
    for body, status, code, words in (
        ({"writes": [{"point": SPEED, "value": 120}]}, 422, "bad_value", "above the maximum 110 %"),
        ({"writes": [{"point": SPEED, "value": "fast"}]}, 422, "bad_value", "expected a number"),
        ({"writes": [{"point": "pump_1/motor_data.DE_temp", "value": 1}]}, 422, "unknown_point",
         "no writable point"),
        ({"writes": []}, 422, None, ""),
    ):  # fmt: skip
        r = api.write(**body)
        assert r.status_code == status, r.text
        if code is not None:
            assert r.json()["code"] == code and words in r.json()["detail"]
    assert gw.sim.plant.controls["pump_1"].speed is None


def test_a_browser_write_needs_the_csrf_header(api: Client, gw: RunningGateway) -> None:
    _wait_live(api)
    s = requests.Session()
    r = s.post(gw.url + "/session", json={"email": "operator@plant.example", "password": PASSWORD},
               timeout=10)  # fmt: skip
    assert r.status_code == 200
    body = {"writes": [{"point": SPEED, "value": 75}]}
    r = s.post(gw.url + "/writes", json=body, timeout=10)
    assert r.status_code in (401, 403) and gw.sim.plant.controls["pump_1"].speed is None
    token = next(c.value for c in s.cookies if c.name.endswith("aastreli_csrf"))
    r = s.post(gw.url + "/writes", json=body, headers={"X-CSRF-TOKEN": token}, timeout=10)
    assert r.status_code == 200, r.text
    assert gw.sim.plant.controls["pump_1"].speed == 75


def test_the_write_records_and_the_openapi_document(api: Client, gw: RunningGateway) -> None:
    _wait_live(api)
    time.sleep(1.1)  # the setpoint's rate limit: a dry run checks it too
    r = api.write(writes=[{"point": SPEED, "value": 80}], dry_run=True)
    assert r.status_code == 200 and r.json()["status"] == "dry_run", r.text
    assert api.get("/writes", "viewer").status_code == 403
    r = api.get("/writes?limit=50")
    assert r.status_code == 200
    records = r.json()["records"]
    assert records[0]["status"] == "dry_run" and records[0]["dry_run"] is True
    statuses = {(x["point"], x["status"], x["reason"]) for x in records}
    assert (STOP, "refused", "confirmation_required") in statuses
    assert (STOP, "verified", None) in statuses
    assert all(x["actor"].endswith("@plant.example") and x["via"] == "web" for x in records)
    assert {x["origin"] for x in records} == {"127.0.0.1"}
    doc = requests.get(gw.url + "/openapi.json", timeout=10).json()
    assert doc["paths"]["/writes"]["post"]["x-role"] == "operator"
    assert doc["paths"]["/writes"]["get"]["x-role"] == "operator"
    assert doc["paths"]["/writable-points"]["get"]["x-role"] == "viewer"


# The API a UI builds on (docs/writes.md, "The contract"): a field removed or renamed here
# breaks the asset page's controls; one added must be added here and in the docs.
CONTRACT = {
    "WriteIn": {"writes", "confirm", "dry_run"},
    "WriteItemIn": {"point", "value"},
    "WriteOut": {"request_id", "ok", "status", "code", "detail", "results"},
    "WriteResultOut": {
        "id", "point", "sensor_id", "source", "requested", "old_value", "readback",
        "status", "reason", "detail", "outputs", "duration_ms",
    },
    "WritablePointsOut": {"points", "dry_run"},
    "WritablePointOut": {
        "name", "kind", "source", "protocol", "sensor_id", "feature", "unit", "binary", "min",
        "max", "step", "allowed", "verify", "role", "confirm", "min_interval", "require_live",
        "interlocks", "description", "arguments", "value", "value_at", "asset_state",
        "source_connected", "blocked", "rest_s", "can_write", "dry_run",
    },
    "WriteRecordsOut": {"records", "limit", "offset"},
    "WriteRecordOut": {
        "id", "time", "ts", "request_id", "actor", "role", "via", "origin", "point",
        "sensor_id", "source", "old_value", "requested", "readback", "status", "reason",
        "detail", "duration_ms", "dry_run",
    },
}  # fmt: skip


def test_the_write_api_keeps_its_contract(tmp_path: Any) -> None:
    """The OpenAPI document's write schemas hold exactly the contract's fields, every
    refusal code has its HTTP status, and each of those answers carries the outcome."""
    from gateway.read.writes import WriteRecord
    from gateway.writes.outcome import REFUSALS
    from tests.support.web import web_env
    from webui.views.writes import REFUSAL_STATUS

    env = web_env(tmp_path)
    doc = next(env).client().get("/openapi.json").json
    next(env, None)  # closed
    schemas = doc["components"]["schemas"]
    assert {n: set(schemas[n]["properties"]) for n in CONTRACT} == CONTRACT
    assert CONTRACT["WriteRecordOut"] == {*WriteRecord.__slots__, "time"}
    assert set(REFUSAL_STATUS) == set(REFUSALS)
    answers = doc["paths"]["/writes"]["post"]["responses"]
    assert answers["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/WriteOut")
    for status in {*REFUSAL_STATUS.values(), 502}:
        schema = answers[str(status)]["content"]["application/json"]["schema"]
        refs = [schema.get("$ref")] + [s["$ref"] for s in schema.get("anyOf", [])]
        assert "#/components/schemas/WriteOut" in refs, status


def test_a_device_write_fault_action_is_checked_when_saved(api: Client, gw: RunningGateway) -> None:
    action = {
        "id": "trip",
        "type": "device_write",
        "enabled": True,
        "config": {"fault_type": "motor_overheating", "point": STOP, "value": 1},
    }

    def save(role: str, **config: Any) -> requests.Response:
        body = {"faultActions": [{**action, "config": {**action["config"], **config}}]}
        return requests.post(api.url + "/settings", json=body,
                             headers=api.login(f"{role}@plant.example"), timeout=10)  # fmt: skip

    r = save("operator")
    assert r.status_code == 200, r.text
    (saved,) = r.json()["faultActions"]
    assert saved["type"] == "device_write" and saved["config"]["point"] == STOP
    for config, field, words in (
        ({"point": "pump_1/nothing"}, "point", "No writable point"),
        ({"fault_type": "gremlins"}, "fault_type", "a fault the model knows"),
        ({"value": "on"}, "value", "Enter the value to write"),
        ({"min_confidence": 2}, "min_confidence", "between 0 and 1"),
        ({"colour": "red"}, "colour", "no field colour"),
    ):
        r = save("operator", **config)
        assert r.status_code == 422, r.text
        assert words in r.json()["fields"][f"faultActions.0.config.{field}"], r.json()
    assert save("viewer").status_code == 403  # viewers change no actions
    r = requests.post(api.url + "/test-notification", json={"id": "trip"},
                      headers=api.login("operator@plant.example"), timeout=10)  # fmt: skip
    assert r.status_code == 422 and "not a notification target" in r.text
    # The settings page offers it, with the points and faults to choose from.
    page = requests.get(api.url + "/ui/settings", headers=api.login("operator@plant.example"),
                        timeout=10)  # fmt: skip
    assert 'value="device_write"' in page.text and f"<option>{STOP}</option>" in page.text
    assert page.text.count('<template id="device-write-template">') == 1
    assert "<title>Settings" in page.text


def test_the_records_and_fault_actions_show_on_the_pages(api: Client, gw: RunningGateway) -> None:
    page = requests.get(api.url + "/ui/status", headers=api.login("operator@plant.example"),
                        timeout=10)  # fmt: skip
    assert page.status_code == 200 and 'id="write-records"' in page.text
    assert STOP in page.text and "verified" in page.text
    viewer = requests.get(api.url + "/ui/status", headers=api.login("viewer@plant.example"),
                          timeout=10)  # fmt: skip
    assert 'id="write-records"' not in viewer.text


def test_an_alerts_fault_actions_show_in_its_row(tmp_path: Any) -> None:
    from tests.support.web import WebEnv

    env = WebEnv(tmp_path)
    entry = {"at": time.time(), "event": "fault_action", "action": "ops:trip", "action_id": "trip",
             "point": STOP, "value": 1, "dry_run": True, "status": "dry_run"}  # fmt: skip
    env.store.insert(
        "alerts",
        {"uid": "u1", "sensor_id": "industrial_sensor_2", "fault_type": "motor_overheating",
         "status": "open", "opened_at": entry["at"] - 1, "confidence": 0.95,
         "acknowledged_note": "tripped pump 2 by hand", "timeline": [entry]},
    )  # fmt: skip
    page = env.browser("viewer").get("/ui/alerts")
    assert page.status_code == 200
    assert f"would write {STOP} = 1 (dry_run)" in page.get_data(as_text=True)
    # The API: the record's timeline, and the firing among the episode's events.
    (alert,) = env.client().get("/alerts", headers=env.headers("viewer")).json["alerts"]
    assert alert["timeline"] == [entry]
    # Words the gateway wrote are not masked for looking like tokens (targets would be).
    assert alert["sensor_id"] == "industrial_sensor_2"
    assert alert["acknowledged_note"] == "tripped pump 2 by hand"
    assert [e["kind"] for e in alert["events"]] == ["opened", "fault_action"]
    fired = alert["events"][1]
    assert (fired["target"], fired["result"]) == (STOP, "dry_run")
    assert fired["detail"] == f"would write {STOP} = 1"
    env.store.close()
