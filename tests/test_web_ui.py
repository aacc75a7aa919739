"""The technician's UI through Flask's test client: one clock, plain field errors, the
gateway's rules on the settings page, fault names in words, display links, the UI's weight.

The same behaviour in a real Chromium (phone layout, axe-core, the readings filter in
another browser zone) is in tests/test_browser_ui.py.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from gateway.config import ConfigError, parse_config
from gateway.facade import PLANT_FEATURES
from gateway.model.errors import ModelError
from gateway.model.package import read_manifest
from gateway.records import Prediction, Reading, Scored
from tests.support.web import WebEnv, csrf, make_facade, web_env
from webui import clock, fieldmessages
from webui.api import PUBLIC, ROUTES
from webui.app import create_app
from webui.clock import make_clock, system_zone, zone_labels
from webui.labels import fault_names, feature, humanise, span
from webui.views.pages import PAGES

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "webui" / "static"
BERLIN = {"web": {"timezone": "Europe/Berlin"}}


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebEnv]:
    yield from web_env(tmp_path, BERLIN)


def scored(sensor: str, label: str, ts: float) -> Scored:
    values = {f: float(i) for i, f in enumerate(PLANT_FEATURES)}
    reading = Reading(sensor_id=sensor, timestamp=ts, values=values, source="test")
    return Scored(reading, Prediction(label, 0.9, (0.9, 0.1), "pump_motor"))


def epoch(text: str) -> float:
    return datetime.fromisoformat(text).timestamp()


# -- one clock --------------------------------------------------------------------------


def test_the_clock_names_each_offset_of_the_zone() -> None:
    berlin = make_clock("Europe/Berlin", "24h", "UTC")
    assert berlin.format(epoch("2026-12-07T08:18:40+00:00")) == "2026-12-07 09:18:40 CET"
    assert berlin.format("2026-07-01T08:18:40Z", "time") == "10:18:40 CEST"
    # The API's naive ISO times are UTC.
    assert berlin.format("2026-07-01T08:18:40") == "2026-07-01 10:18:40 CEST"
    twelve = make_clock("America/New_York", "12h", "UTC")
    assert twelve.format(epoch("2026-12-07T17:05:09+00:00")) == "2026-12-07 12:05:09 PM EST"
    assert twelve.format(epoch("2026-12-07T05:05:09+00:00"), "time") == "12:05:09 AM EST"
    # A numeric tz-database abbreviation becomes what it means.
    assert zone_labels("Asia/Dubai") == {14400: "UTC+04:00"}
    assert make_clock("Asia/Kolkata", "24h", "UTC").format(0, "time") == "05:30:00 IST"
    assert make_clock(None, "24h", "UTC").format(0) == "1970-01-01 00:00:00 UTC"
    assert berlin.format(None) == "—"


def test_a_user_without_a_zone_gets_the_gateways(monkeypatch: pytest.MonkeyPatch) -> None:
    assert make_clock(None, "24h", "Asia/Tokyo").zone_name == "Asia/Tokyo"
    assert make_clock("No/Such_Zone", "24h", "Asia/Tokyo").zone_name == "Asia/Tokyo"
    monkeypatch.setenv("TZ", "America/Chicago")
    assert system_zone() == "America/Chicago"
    assert parse_config({"web": {"timezone": "Europe/Lisbon"}}).web.timezone == "Europe/Lisbon"
    with pytest.raises(ConfigError, match="unknown time zone"):
        parse_config({"web": {"timezone": "Mars/Olympus"}})


def test_without_a_tz_database_every_time_is_utc(
    web: WebEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A bare system (a chroot, an image without tzdata) knows no zone, not even "UTC".
    monkeypatch.setattr(clock, "load_zone", lambda name: None)
    zone_labels.cache_clear()
    try:
        berlin = make_clock("Europe/Berlin", "24h", clock.gateway_zone("auto"))
        assert berlin.format(0) == "1970-01-01 00:00:00 UTC"
        assert berlin.parse_local("1970-01-01T00:01") == 60.0
        web.store.insert("alerts", {"sensor_id": "p", "fault_type": "x", "opened_at": 0})
        page = web.browser("viewer").get("/ui/alerts").get_data(as_text=True)
        assert ">1970-01-01 00:00:00 UTC</time>" in page
    finally:
        zone_labels.cache_clear()


def test_a_date_filter_is_read_in_the_users_zone() -> None:
    tokyo = make_clock("Asia/Tokyo", "24h", "UTC")
    assert tokyo.parse_local("2026-12-07T09:00") == epoch("2026-12-07T00:00:00+00:00")
    assert tokyo.parse_local("2026-12-07T09:00:30") == epoch("2026-12-07T00:00:30+00:00")
    # With a zone, or as epoch seconds, a value means what it says.
    assert tokyo.parse_local("2026-12-07T09:00Z") == epoch("2026-12-07T09:00:00+00:00")
    assert tokyo.parse_local("1765000000") == 1765000000.0
    # Across a change of offset: the wall time of that day.
    berlin = make_clock("Europe/Berlin", "24h", "UTC")
    assert berlin.parse_local("2026-07-01T12:00") == epoch("2026-07-01T10:00:00+00:00")
    with pytest.raises(ValueError):
        tokyo.parse_local("yesterday")


def test_settings_keep_the_seeds_fields_and_add_the_clock(web: WebEnv) -> None:
    c, h = web.client(), web.headers("viewer")
    assert c.get("/settings", headers=h).json["timeZone"] is None
    body = {**c.get("/settings", headers=h).json, "timeZone": "Asia/Tokyo", "timeFormat": "12h"}
    # A viewer may choose the clock: it is a display preference.
    assert c.post("/settings", headers=h, json=body).status_code == 200
    # A seed client posts only the seed's fields: the clock it does not know stays.
    seed = {k: body[k] for k in ("autoRefresh", "refreshInterval", "anomalyThreshold")}
    assert c.post("/settings", headers=h, json={**seed, "refreshInterval": 9}).status_code == 200
    again = c.get("/settings", headers=h).json
    assert (again["timeZone"], again["timeFormat"], again["refreshInterval"]) == (
        "Asia/Tokyo",
        "12h",
        9,
    )
    r = c.post("/settings", headers=h, json={**again, "timeZone": "Mars/Olympus"})
    assert r.status_code == 422
    assert r.json["fields"] == {
        "timeZone": "Choose a time zone from the list, such as Europe/Berlin."
    }


def test_pages_show_every_time_in_the_users_zone_and_format(web: WebEnv) -> None:
    opened = epoch("2026-12-07T08:18:40+00:00")
    web.store.insert(
        "alerts",
        {"sensor_id": "pump_1", "fault_type": "cavitation", "status": "open", "opened_at": opened},
    )
    viewer = web.browser("viewer")
    page = viewer.get("/ui/alerts").get_data(as_text=True)
    # The gateway's zone by default, its name beside the time, the UTC instant kept.
    assert '<time datetime="2026-12-07T08:18:40Z">2026-12-07 09:18:40 CET</time>' in page
    assert 'data-tz="Europe/Berlin"' in page and 'data-time-format="24h"' in page
    h = {**csrf(viewer)}
    settings = viewer.get("/settings").json
    r = viewer.post(
        "/settings", headers=h, json={**settings, "timeZone": "Asia/Tokyo", "timeFormat": "12h"}
    )
    assert r.status_code == 200
    for path in ("/ui/alerts", "/ui/account", "/ui/status"):
        text = viewer.get(path).get_data(as_text=True)
        assert "CET" not in text, path
        assert re.search(
            r"<time datetime=\"[^\"]+Z\">\d{4}-\d\d-\d\d \d{1,2}:\d\d:\d\d [AP]M JST", text
        )
    assert ">2026-12-07 5:18:40 PM JST</time>" in viewer.get("/ui/alerts").get_data(as_text=True)
    # The API stays UTC.
    assert web.client().get("/alerts", headers=web.headers("viewer")).json["alerts"][0][
        "opened_at"
    ] == pytest.approx(opened)


def test_the_readings_filter_reads_from_and_to_in_the_users_zone(web: WebEnv) -> None:
    history = web.facade.history
    assert history is not None
    now = time.time()
    # One reading a minute for the last two hours.
    history.write([scored("pump_1", "normal", now - 60 * i) for i in range(120)])
    viewer = web.browser("viewer")
    settings = viewer.get("/settings").json
    viewer.post("/settings", headers=csrf(viewer), json={**settings, "timeZone": "Asia/Tokyo"})
    tokyo = make_clock("Asia/Tokyo", "24h", "UTC")

    def shown(start: float, end: float) -> int:
        fields = {
            "start": datetime.fromtimestamp(start, tokyo.zone).strftime("%Y-%m-%dT%H:%M:%S"),
            "end": datetime.fromtimestamp(end, tokyo.zone).strftime("%Y-%m-%dT%H:%M:%S"),
        }
        page = viewer.get("/ui/readings", query_string=fields).get_data(as_text=True)
        found = re.search(r"(\d+) readings", page)
        assert found, page[:500]
        assert "From and To are in Asia/Tokyo (JST)" in page
        return int(found.group(1))

    # The last 10 minutes, typed as a Tokyo wall clock: the readings of those 10 minutes,
    # not the whole history (what reading them as UTC gave).
    assert shown(now - 600 - 30, now + 1) == 11
    assert shown(now - 3600 - 30, now - 1800 + 30) == 31
    r = viewer.get("/ui/readings", query_string={"start": "soon"})
    assert "From: enter a date and time." in r.get_data(as_text=True)
    r = viewer.get(
        "/ui/readings", query_string={"start": "2026-12-07T10:00", "end": "2026-12-07T09:00"}
    )
    assert "End is before start" in r.get_data(as_text=True)


# -- forms that help ------------------------------------------------------------------


REGEX_OR_JARGON = re.compile(
    r"\^|\\[sdw]|\[\^|pattern|Input should|Value error|String should|validation error|"
    r"faultActions\.\d|config\.\w+ ",
)


@pytest.mark.parametrize(
    ("path", "role", "body", "field", "words"),
    [
        (
            "/users",
            "admin",
            {"email": "nope", "username": "a b", "password": "x"},
            "email",
            "Enter an email address",
        ),
        (
            "/users",
            "admin",
            {"email": "a@b.example", "username": "a b", "password": "x"},
            "username",
            "letters, digits",
        ),
        ("/settings", "operator", {"refreshInterval": 0}, "refreshInterval", "Enter 1 or more."),
        ("/settings", "operator", {"anomalyThreshold": 2}, "anomalyThreshold", "Enter 1 or less."),
        ("/settings", "operator", {"refreshInterval": "soon"}, "refreshInterval", "whole number"),
        (
            "/settings",
            "operator",
            {"faultActions": [{"id": "1", "type": "email", "config": {"email": "x@"}}]},
            "faultActions.0.config.email",
            "Enter the email address to notify",
        ),
        (
            "/settings",
            "operator",
            {"faultActions": [{"id": "1", "type": "webhook", "config": {"url": "ftp://x"}}]},
            "faultActions.0.config.url",
            "starting with http:// or https://",
        ),
        (
            "/settings",
            "operator",
            {"faultActions": [{"id": "1", "type": "sms", "config": {}}]},
            "faultActions.0.config.phone",
            "phone number",
        ),
        (
            "/settings",
            "operator",
            {"faultActions": [{"id": "1", "type": "pager", "config": {}}]},
            "faultActions.0.type",
            "Choose one of: email, sms, webhook, slack, apprise or device_write.",
        ),
    ],
)
def test_field_errors_are_plain_words_on_the_field(
    web: WebEnv, path: str, role: str, body: dict[str, Any], field: str, words: str
) -> None:  # fmt: skip
    r = web.client().post(path, headers=web.headers(role), json=body)
    assert r.status_code == 422
    assert words in r.json["fields"][field], r.json
    for message in r.json["fields"].values():
        assert not REGEX_OR_JARGON.search(message), message
    # FastAPI's shape is kept: loc, msg, type.
    assert {"loc", "msg", "type"} <= set(r.json["detail"][0])


def test_every_pydantic_error_type_we_meet_reads_as_a_sentence() -> None:
    assert fieldmessages.plain({"type": "missing", "loc": ("email",)}) == "This is required."
    assert (
        fieldmessages.plain({"type": "string_too_long", "ctx": {"max_length": 64}})
        == "Use at most 64 characters."
    )
    assert fieldmessages.plain(
        {"type": "value_error", "msg": "Value error, end is before start"}
    ) == ("End is before start")
    unknown = fieldmessages.plain({"type": "string_pattern_mismatch", "loc": ("sensor_id",)})
    assert not REGEX_OR_JARGON.search(unknown)


def test_the_settings_page_shows_the_gateways_alert_rules(tmp_path: Path) -> None:
    rules = {
        "alerts": {
            "min_confidence": 0.75,
            "debounce": {"k": 4, "n": 6},
            "resolve_after": 90,
            "repeat_interval": None,
        }
    }
    env = WebEnv(tmp_path, rules)
    page = env.browser("viewer").get("/ui/settings").get_data(as_text=True)
    assert "75.0 %" in page and "4 of the last 6 predictions" in page
    assert "1 min 30 s of normal predictions" in page and "<dd>never</dd>" in page
    assert "read-only" in page
    # The warning for saved targets while notifications are off is on the page, shown by
    # its script when it applies (tests/test_browser_ui.py).
    assert 'id="notifications-off"' in page
    assert span(3600) == "1 h" and span(0) == "0 s" and span(None) == "—"


# -- words and units ---------------------------------------------------------------------


def test_fault_names_come_from_the_manifest_else_humanised(web: WebEnv, tmp_path: Path) -> None:
    assert humanise("pump_bearing_cage_defect") == "Pump bearing cage defect"
    assert humanise("motor-overheating") == "Motor overheating"
    names = fault_names(["cavitation", "misalignment"], {"misalignment": "Shaft misalignment"})
    assert names == {"cavitation": "Cavitation", "misalignment": "Shaft misalignment"}
    # A manifest's display_names reach the pages; the API keeps the raw class.
    web.facade.model_info = lambda: {
        "classes": ["normal", "cavitation"],
        "display_names": {"cavitation": "Pump cavitation (suction starved)"},
    }
    web.store.insert(
        "alerts",
        {"sensor_id": "pump_1", "fault_type": "cavitation", "status": "open", "opened_at": 1e9},
    )
    page = web.browser("viewer").get("/ui/alerts").get_data(as_text=True)
    assert "Pump cavitation (suction starved)" in page and ">cavitation<" not in page
    api = web.client().get("/alerts", headers=web.headers("viewer")).json
    assert api["alerts"][0]["fault_type"] == "cavitation"
    # The manifest field is checked like the rest of the manifest.
    package = tmp_path / "pkg"
    shutil.copytree(ROOT / "compiled_models" / "pump_motor", package, ignore=_no_lib)
    manifest = json.loads((package / "manifest.json").read_text())
    for bad, why in (({"nope": "x"}, "unknown classes"), ({"cavitation": ""}, "short texts")):
        (package / "manifest.json").write_text(json.dumps({**manifest, "display_names": bad}))
        with pytest.raises(ModelError, match=why):
            read_manifest(package)
    (package / "manifest.json").write_text(
        json.dumps({**manifest, "display_names": {"cavitation": "Cavitation"}})
    )
    assert read_manifest(package)["display_names"] == {"cavitation": "Cavitation"}


def _no_lib(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n in ("lib", "src")]


def test_every_plant_value_has_its_unit(web: WebEnv) -> None:
    units = {f: feature(f)["unit"] for f in PLANT_FEATURES}
    assert units["motor_data.DE_temp"] == "°C" and units["pump_data.flow"] == "m³/h"
    assert units["motor_data.DE_vib_rms"] == "mm/s" and units["motor_data.current"] == "A"
    # Only kurtosis, a ratio, has none.
    assert [f for f, u in units.items() if not u] == [
        "motor_data.DE_vib_kurtosis",
        "motor_data.NDE_vib_kurtosis",
        "pump_data.DE_vib_kurtosis",
        "pump_data.NDE_vib_kurtosis",
    ]
    assert web.facade.history is not None
    web.facade.history.write([scored("pump_1", "normal", time.time())])
    page = web.browser("viewer").get("/ui/readings").get_data(as_text=True)
    assert 'Motor DE temp. <span class="unit">(°C)</span>' in page
    assert re.search(r">\d+\.\d\d °C<", page) and re.search(r">\d+\.\d\d m³/h<", page)


# -- display links -----------------------------------------------------------------------


def _make_link(web: WebEnv, name: str = "Control room") -> dict[str, Any]:
    r = web.client().post("/display-links", headers=web.headers("admin"), json={"name": name})
    assert r.status_code == 201, r.json
    return dict(r.json)


def _screen(app: Any, token: str) -> Any:
    c = app.test_client()
    r = c.post("/display/session", json={"token": token})
    assert r.status_code == 200, r.json
    return c


def test_a_display_link_shows_the_dashboard_read_only(web: WebEnv) -> None:
    link = _make_link(web)
    assert link["path"] == f"/ui/display#{link['token']}"
    listed = web.client().get("/display-links", headers=web.headers("admin")).json["links"]
    assert listed == [{k: link[k] for k in ("id", "name", "created_by", "created_at", "last_seen")}]
    assert link["token"] not in json.dumps(web.store.find("display_links"))
    web.store.insert(
        "alerts",
        {
            "sensor_id": "pump_1",
            "fault_type": "cavitation",
            "status": "open",
            "opened_at": time.time(),
            "recipients": ["ops@plant.example"],
            "acknowledged_by": None,
        },
    )
    screen = _screen(web.app, link["token"])
    board = screen.get("/dashboard")
    assert board.status_code == 200
    assert board.json["active_alerts"][0]["fault_type"] == "cavitation"
    assert "ops@plant.example" not in board.get_data(as_text=True)
    page = screen.get("/ui/dashboard").get_data(as_text=True)
    assert "Display: Control room" in page and 'data-role="display"' in page
    assert 'id="main-nav"' not in page  # nowhere else to go
    assert screen.get("/ui/settings").status_code == 403
    # No idle limit: nobody touches a wall screen.
    r = screen.post(
        "/session/refresh", json={"idle_seconds": 86400}, headers=csrf(screen, "refresh")
    )
    assert r.status_code == 200
    assert web.store.get_by_id("display_links", link["id"])["last_seen"] is not None
    # A wrong token is refused and recorded (in the minute's tally of anonymous failures).
    assert web.client().post("/display/session", json={"token": "x" * 43}).status_code == 401
    web.app.extensions["aastreli"].tally.flush()
    (tally,) = web.store.find("audit", event="failures")
    assert tally["addresses"][0]["display_refused"] == 1


def test_a_display_session_may_call_nothing_but_the_dashboard(web: WebEnv) -> None:
    screen = _screen(web.app, _make_link(web)["token"])
    headers = csrf(screen)
    for spec in ROUTES:
        if spec.role in (PUBLIC, "display"):
            continue
        url = re.sub(r"<(?:int:)?(\w+)>", "1", spec.rule)
        kwargs: dict[str, Any] = {"headers": headers}
        if spec.method in ("POST", "PATCH", "PUT"):
            kwargs["json"] = {}
        r = screen.open(url, method=spec.method, **kwargs)
        if spec.rule == "/metrics":
            assert r.status_code == 403, (spec.method, spec.rule)
            continue
        assert r.status_code == 403, (spec.method, spec.rule, r.status_code)
    for spec in PAGES:
        if spec.role not in (PUBLIC, "display"):
            assert screen.get(spec.rule).status_code == 403, spec.rule
    # What the public write routes do to a display session: only end it.
    assert screen.post("/logout", headers=headers).status_code == 200
    assert screen.get("/dashboard").status_code == 401
    assert web.store.count("display_links") == 1  # the link stays for the admin


def test_revoking_a_link_ends_its_screen_through_a_restart(tmp_path: Path) -> None:
    env = WebEnv(tmp_path)
    kept, revoked = _make_link(env, "Hall A"), _make_link(env, "Hall B")
    screens = {
        "kept": _screen(env.app, kept["token"]),
        "revoked": _screen(env.app, revoked["token"]),
    }
    cookies = {
        name: {
            c.key: c.value
            for c in (s.get_cookie(k) for k in ("aastreli_access", "aastreli_refresh"))
            if c
        }
        for name, s in screens.items()
    }
    r = env.client().delete(f"/display-links/{revoked['id']}", headers=env.headers("admin"))
    assert r.status_code == 200
    got = screens["revoked"].get("/dashboard")
    assert got.status_code == 401 and got.json["code"] == "token_revoked"
    assert env.store.find("audit", event="display_link_revoked")
    # A restart: a new app on the same data folder, the screens' cookies as they were.
    env.facade.history.close()  # type: ignore[union-attr]
    env.store.close()
    app = create_app(facade=make_facade(env.data_dir))
    for name, expected in (("kept", 200), ("revoked", 401)):
        client = app.test_client()
        for key, value in cookies[name].items():
            client.set_cookie(key, value)
        assert client.get("/dashboard").status_code == expected, name
    assert (
        app.test_client().post("/display/session", json={"token": revoked["token"]}).status_code
        == 401
    )


# -- weight, no CDN ----------------------------------------------------------------------

# What one page costs in JS and CSS (every page loads the same three scripts and one
# stylesheet; the asset page adds its chart's script); docs/web.md states the figures.
# A budget, not a measurement of speed.
WEIGHT_BUDGET = 88 * 1024
PAGE_SCRIPTS = {"/ui/assets/<sensor_id>": ["asset.js"]}


def test_every_page_loads_only_local_assets_within_the_budget(web: WebEnv) -> None:
    c = web.browser("admin")
    web.facade.history.write([scored("pump_1", "normal", time.time())])  # type: ignore[union-attr]
    external = re.compile(
        r"""(?:src|href)\s*=\s*["'](?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.I
    )
    base = ["app.css", "app.js", "clock.js", "ui.js"]
    for spec in PAGES:
        r = c.get(spec.rule.replace("<sensor_id>", "pump_1"))
        if r.status_code != 200:
            continue
        html = r.get_data(as_text=True)
        assert not external.search(html), spec.rule
        assets = re.findall(r'(?:src|href)="/static/([^"]+\.(?:js|css))"', html)
        assert sorted(assets) == sorted(base + PAGE_SCRIPTS.get(spec.rule, [])), spec.rule
        weight = sum((STATIC / name).stat().st_size for name in assets)
        assert weight <= WEIGHT_BUDGET, (spec.rule, weight)
    for path in STATIC.iterdir():
        if path.suffix in (".js", ".css"):
            assert not external.search(path.read_text()), path.name
