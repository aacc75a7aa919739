"""Security of the web UI and API: roles on every route, CSRF, revocation, sessions, throttling."""

from __future__ import annotations

import asyncio
import http.client
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import bcrypt
import jwt
import pytest
import requests
from flask_jwt_extended import create_access_token, create_refresh_token

from gateway.errors import StartupError
from gateway.records import Reading, Scored
from tests.support.web import PASSWORDS, WebEnv, bearer, csrf, web_env
from webui import accounts
from webui.api import PUBLIC, ROUTES
from webui.auth import METRICS
from webui.gate import RequestGate
from webui.passwords import HashingBusy, PasswordHashing, password_problems
from webui.views.pages import FORM_POSTS, PAGES


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebEnv]:
    yield from web_env(tmp_path)


@pytest.fixture
def uncapped(tmp_path: Path) -> Iterator[WebEnv]:
    """One request slot and no CPU pacing: the tests that shorten the gate's wait
    must not see the pause that a login's Argon2 hash earns on a loaded machine."""
    yield from web_env(tmp_path, {"web": {"cpu_share": 1.0}})


TEMPLATES = Path(__file__).resolve().parent.parent / "webui" / "templates"
# "display": a display link's screen (webui.displaylinks); test_web_ui.py sweeps it.
RANK = {"display": 0, "viewer": 1, "operator": 2, "admin": 3}

# Routes anyone may call. Adding one here is a decision: each checks what it needs itself.
EXPECTED_PUBLIC = {
    ("POST", "/setup"),
    ("POST", "/register"),
    ("POST", "/login"),
    ("POST", "/session"),
    ("POST", "/session/refresh"),
    ("POST", "/logout"),
    ("POST", "/display/session"),
    ("GET", "/healthz"),
    ("GET", "/openapi.json"),
}


def _url(rule: str) -> str:
    return re.sub(r"<(?:\w+:)?\w+>", "1", rule)


def _call(client: Any, method: str, rule: str, headers: dict[str, str]) -> Any:
    kwargs: dict[str, Any] = {"headers": headers}
    if method in ("POST", "PATCH", "PUT"):
        kwargs["json"] = {}
    return client.open(_url(rule), method=method, **kwargs)


def test_every_route_declares_a_role(web: WebEnv) -> None:
    declared = {(s.method, s.rule) for s in ROUTES} | {("GET", p.rule) for p in PAGES}
    declared |= {("POST", p.rule) for p in FORM_POSTS}
    for rule in web.app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (method, rule.rule) in declared, f"{method} {rule.rule} has no declared role"
    public = {(s.method, s.rule) for s in ROUTES if s.role == PUBLIC}
    assert public == EXPECTED_PUBLIC


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> WebEnv:
    """One env for the role sweep: its calls carry empty bodies and change nothing that matters."""
    return WebEnv(tmp_path_factory.mktemp("roles"))


@pytest.mark.parametrize(
    "spec", [s for s in ROUTES if s.role not in (PUBLIC,)], ids=lambda s: f"{s.method} {s.rule}"
)
def test_role_is_enforced(shared: WebEnv, spec: Any) -> None:
    web = shared
    c = web.client()
    anonymous = _call(c, spec.method, spec.rule, {})
    assert anonymous.status_code == 401, anonymous.json
    need = "viewer" if spec.role == METRICS else spec.role
    for role in ("viewer", "operator", "admin"):
        r = _call(c, spec.method, spec.rule, web.headers(role))
        if RANK[role] < RANK[need]:
            assert r.status_code == 403, (role, r.json)
            assert r.json["code"] == "forbidden"
        else:
            assert r.status_code not in (401, 403), (
                role,
                r.status_code,
                r.get_data(as_text=True)[:200],
            )


@pytest.fixture(scope="module")
def browsers(shared: WebEnv) -> dict[str, Any]:
    return {role: shared.browser(role) for role in RANK if role != "display"}


@pytest.mark.parametrize("spec", PAGES, ids=lambda p: p.rule)
def test_pages_enforce_roles(shared: WebEnv, browsers: dict[str, Any], spec: Any) -> None:
    path = spec.rule
    if "<sensor_id>" in path:  # an asset's page: an asset with a reading
        reading = Reading(sensor_id="pump_1", timestamp=time.time(), values={}, source="t")
        shared.facade.history.write([Scored(reading, None, unscored="no_model")])  # type: ignore[union-attr]
        path = path.replace("<sensor_id>", "pump_1")
    anonymous = shared.client().get(path)
    if spec.role == PUBLIC:
        assert anonymous.status_code in (200, 302)
        return
    assert anonymous.status_code == 302
    assert anonymous.headers["Location"].startswith("/ui/login?next=")
    for role in ("viewer", "operator", "admin"):
        r = browsers[role].get(path)
        assert r.status_code == (403 if RANK[role] < RANK[spec.role] else 200), role


def test_no_account_means_only_setup(tmp_path: Path) -> None:
    env = WebEnv(tmp_path, users=False)
    c = env.client()
    for path in ("/", "/ui/dashboard", "/ui/login", "/setup"):
        r = c.get(path)
        assert r.status_code == 302 and r.headers["Location"].endswith("/ui/setup"), path
    assert c.get("/ui/setup").status_code == 200
    for login, pw in (("admin", "admin"), ("admin@example.com", "admin"), ("root", "root")):
        assert c.post("/login", json={"email": login, "password": pw}).status_code == 401
    body = {"email": "boss@example.com", "username": "boss", "password": "tall purple giraffe"}
    r = c.post("/setup", json={**body, "setup_code": "0000-0000"})
    assert r.status_code == 422 and "setup_code" in r.json["fields"]
    assert env.store.count("users") == 0
    r = c.post("/setup", json={**body, "setup_code": env.facade.secrets["setup_code"]})
    assert r.status_code == 201 and r.json["role"] == "admin"
    # Useless once the admin exists.
    r = c.post(
        "/setup",
        json={
            **body,
            "email": "eve@example.com",
            "username": "eve",
            "setup_code": env.facade.secrets["setup_code"],
        },
    )
    assert r.status_code == 409
    assert env.store.count("users") == 1
    env.app.extensions["aastreli"].tally.flush()
    events = env.store.find("audit")
    assert [e["event"] for e in events] == ["setup_admin_created", "failures"]
    # The anonymous failures, counted per address for the minute: one event.
    (tally,) = events[1]["addresses"]
    assert tally["login_failed"] == 3 and tally["setup_failed"] == 1


def test_setup_code_guessing_is_throttled(tmp_path: Path) -> None:
    env = WebEnv(tmp_path, users=False)
    c = env.client()
    body = {"email": "boss@example.com", "username": "boss", "password": "tall purple giraffe"}
    codes = [
        r.status_code
        for r in (c.post("/setup", json={**body, "setup_code": f"{i:04d}-0000"}) for i in range(12))
    ]
    assert codes[:10] == [422] * 10 and codes[-1] == 429
    # Even the right code waits out the delay.
    r = c.post("/setup", json={**body, "setup_code": env.facade.secrets["setup_code"]})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1


# -- CSRF -------------------------------------------------------------------------------


def test_csrf_double_submit(web: WebEnv) -> None:
    c = web.browser("operator")
    body = {"autoRefresh": False}
    r = c.post("/settings", json=body)
    assert r.status_code == 403 and r.json["code"] == "csrf_missing"
    r = c.post("/settings", json=body, headers={"X-CSRF-TOKEN": "forged-value"})
    assert r.status_code == 403 and r.json["code"] == "csrf_failed"
    # Another session's CSRF value does not fit this session's token.
    other = web.browser("operator")
    r = c.post("/settings", json=body, headers=csrf(other))
    assert r.status_code == 403
    assert web.store.get("settings", user_email="operator@example.com") is None
    assert c.post("/settings", json=body, headers=csrf(c)).status_code == 200
    # Reads need no CSRF header; bearer clients need none either.
    assert c.get("/settings").status_code == 200
    assert (
        web.client().post("/settings", json=body, headers=web.headers("operator")).status_code
        == 200
    )
    # Other methods are covered too.
    admin = web.browser("admin")
    uid = web.users["viewer"]["doc_id"]
    assert admin.patch(f"/users/{uid}", json={"full_name": "V"}).status_code == 403
    assert (
        admin.patch(f"/users/{uid}", json={"full_name": "V"}, headers=csrf(admin)).status_code
        == 200
    )


def test_refresh_needs_its_own_csrf_value(web: WebEnv) -> None:
    c = web.browser("viewer")
    assert c.post("/session/refresh", json={}).status_code == 403
    assert c.post("/session/refresh", json={}, headers=csrf(c, "access")).status_code == 403
    r = c.post("/session/refresh", json={}, headers=csrf(c, "refresh"))
    assert r.status_code == 200 and r.json["expires_in"] == 300


# -- revocation -------------------------------------------------------------------------


def test_logout_ends_this_session_only_and_survives_restart(web: WebEnv, tmp_path: Path) -> None:
    api = web.client()
    token = bearer(api, "operator@example.com", PASSWORDS["operator"])
    browser, other = web.browser("operator"), web.browser("operator")
    stolen_access = browser.get_cookie("aastreli_access").value
    stolen_refresh = browser.get_cookie("aastreli_refresh").value
    stolen_csrf = browser.get_cookie("aastreli_csrf_refresh").value
    r = browser.post("/logout", headers=csrf(browser))
    assert r.status_code == 200 and r.json["revoked"] is True and r.json["everywhere"] is False
    assert browser.get_cookie("aastreli_access") is None  # cleared
    # The signed-out session's tokens are dead, even replayed from a copy...
    replay = web.client()
    replay.set_cookie("aastreli_access", stolen_access)
    assert replay.get("/me").status_code == 401
    replay = web.client()
    replay.set_cookie("aastreli_refresh", stolen_refresh)
    r = replay.post("/session/refresh", json={}, headers={"X-CSRF-TOKEN": stolen_csrf})
    assert r.status_code == 401 and r.json["code"] == "token_revoked"
    # ...while the account's other browser and its API token carry on.
    assert other.get("/me").status_code == 200
    assert api.get("/me", headers=token).status_code == 200
    # A new app on the same data folder (a restart) still refuses the old session.
    from tests.support.web import make_facade
    from webui.app import create_app

    web.store.close()
    app2 = create_app(facade=make_facade(web.data_dir))
    c2 = app2.test_client()
    c2.set_cookie("aastreli_access", stolen_access)
    assert c2.get("/me").status_code == 401
    assert app2.test_client().get("/me", headers=token).status_code == 200


def test_logout_of_an_api_token_and_logout_everywhere(web: WebEnv) -> None:
    api = web.client()
    first = bearer(api, "operator@example.com", PASSWORDS["operator"])
    second = bearer(api, "operator@example.com", PASSWORDS["operator"])
    browser = web.browser("operator")
    web.store.insert("revoked_sessions", {"key": "ended", "email": "x", "until": time.time() - 1})
    r = api.post("/logout", headers=first)
    assert r.status_code == 200 and r.json == {
        "detail": "signed out",
        "revoked": True,
        "everywhere": False,
    }
    r = api.get("/me", headers=first)
    assert r.status_code == 401 and r.json["code"] == "token_revoked"
    assert api.get("/me", headers=second).status_code == 200
    assert browser.get("/me").status_code == 200
    # Revocations of sessions that ended anyway are dropped: the table stays small.
    assert web.store.get("revoked_sessions", key="ended") is None
    assert web.store.count("revoked_sessions") == 1
    r = api.post("/logout?everywhere=true", headers=second)
    assert r.status_code == 200 and r.json["everywhere"] is True
    assert api.get("/me", headers=second).status_code == 401
    assert browser.get("/me").status_code == 401
    audit = web.store.find("audit", event="logout")
    assert [e["everywhere"] for e in audit] == [False, True]
    assert (
        api.post(
            "/login", json={"email": "operator@example.com", "password": PASSWORDS["operator"]}
        ).status_code
        == 200
    )


def test_password_change_revokes_other_sessions_only(web: WebEnv) -> None:
    mine, other = web.browser("viewer"), web.browser("viewer")
    api_token = web.headers("viewer")
    r = mine.post(
        "/me/password",
        headers=csrf(mine),
        json={"current_password": PASSWORDS["viewer"], "new_password": "orange comet drifts 4"},
    )
    assert r.status_code == 200
    assert mine.get("/me").status_code == 200  # this browser got fresh cookies
    assert other.get("/me").status_code == 401
    assert web.client().get("/me", headers=api_token).status_code == 401
    r = mine.post(
        "/me/password",
        headers=csrf(mine),
        json={"current_password": "wrong one here", "new_password": "orange comet drifts 5"},
    )
    assert r.status_code == 422 and "current_password" in r.json["fields"]
    r = mine.post(
        "/me/password",
        headers=csrf(mine),
        json={"current_password": "orange comet drifts 4", "new_password": "password123"},
    )
    assert r.status_code == 422 and "new_password" in r.json["fields"]
    assert (
        web.client()
        .post("/login", json={"email": "viewer@example.com", "password": "orange comet drifts 4"})
        .status_code
        == 200
    )


def test_disable_and_reset_revoke(web: WebEnv) -> None:
    admin = web.headers("admin")
    c = web.client()
    op_token = web.headers("operator")
    viewer_token = web.headers("viewer")
    op_id, viewer_id = web.users["operator"]["doc_id"], web.users["viewer"]["doc_id"]
    assert c.patch(f"/users/{op_id}", headers=admin, json={"disabled": True}).status_code == 200
    assert c.get("/me", headers=op_token).status_code == 401
    r = c.post("/login", json={"email": "operator@example.com", "password": PASSWORDS["operator"]})
    assert r.status_code == 403 and r.json["code"] == "disabled"
    r = c.post(
        f"/users/{viewer_id}/reset-password", headers=admin, json={"password": "silver fox jumps 8"}
    )
    assert r.status_code == 200
    assert c.get("/me", headers=viewer_token).status_code == 401
    assert bearer(c, "viewer@example.com", "silver fox jumps 8")
    r = c.post(f"/users/{viewer_id}/reset-password", headers=admin, json={"password": "12345678"})
    assert r.status_code == 422


def test_forged_and_misused_tokens(web: WebEnv) -> None:
    c = web.client()
    claims = {
        "sub": "admin@example.com",
        "type": "access",
        "ep": 0,
        "kind": "api",
        "exp": int(time.time()) + 600,
        "iat": int(time.time()),
        "jti": "x",
        "nbf": int(time.time()) - 1,
    }
    forged = jwt.encode(claims, "another-secret-of-enough-length-0123456789", algorithm="HS256")
    assert c.get("/me", headers={"Authorization": f"Bearer {forged}"}).status_code == 401
    none_alg = jwt.encode(claims, None, algorithm="none")
    assert c.get("/me", headers={"Authorization": f"Bearer {none_alg}"}).status_code == 401
    with web.app.app_context():
        refresh = create_refresh_token(
            "admin@example.com", additional_claims={"ep": 0, "sst": time.time(), "kind": "web"}
        )
        expired = create_access_token(
            "admin@example.com",
            additional_claims={"ep": 0, "kind": "api"},
            expires_delta=timedelta(seconds=-60),
        )
        ghost = create_access_token("ghost@example.com", additional_claims={"ep": 0, "kind": "api"})
    assert c.get("/me", headers={"Authorization": f"Bearer {refresh}"}).status_code == 401
    r = c.get("/me", headers={"Authorization": f"Bearer {expired}"})
    assert r.status_code == 401 and r.json["code"] == "token_expired"
    assert c.get("/me", headers={"Authorization": f"Bearer {ghost}"}).status_code == 401


# -- browser sessions -------------------------------------------------------------------


def _cookie_attrs(resp: Any) -> dict[str, str]:
    out = {}
    for header in resp.headers.getlist("Set-Cookie"):
        name = header.split("=", 1)[0]
        out[name] = header
    return out


def test_cookie_flags_over_http(web: WebEnv) -> None:
    r = web.client().post(
        "/session", json={"email": "viewer@example.com", "password": PASSWORDS["viewer"]}
    )
    cookies = _cookie_attrs(r)
    assert set(cookies) == {
        "aastreli_access",
        "aastreli_refresh",
        "aastreli_csrf",
        "aastreli_csrf_refresh",
    }
    for name, header in cookies.items():
        assert "SameSite=Lax" in header and "Path=/" in header and "Secure" not in header
        assert ("HttpOnly" in header) == (name in ("aastreli_access", "aastreli_refresh"))
        assert "Max-Age" not in header and "Expires" not in header  # gone with the browser
    assert "Strict-Transport-Security" not in r.headers


def test_cookie_flags_over_https(web: WebEnv) -> None:
    c = web.app.test_client()
    r = c.post(
        "/session",
        json={"email": "viewer@example.com", "password": PASSWORDS["viewer"]},
        base_url="https://gateway.local",
    )
    cookies = _cookie_attrs(r)
    assert set(cookies) == {
        "__Host-aastreli_access",
        "__Host-aastreli_refresh",
        "__Host-aastreli_csrf",
        "__Host-aastreli_csrf_refresh",
    }
    for header in cookies.values():
        assert "Secure" in header and "Path=/" in header and "Domain" not in header
    assert r.headers["Strict-Transport-Security"].startswith("max-age=")
    assert c.get("/me", base_url="https://gateway.local").status_code == 200
    token = c.get_cookie("__Host-aastreli_csrf", domain="gateway.local").value
    r = c.post(
        "/settings",
        json={"autoRefresh": False},
        headers={"X-CSRF-TOKEN": token},
        base_url="https://gateway.local",
    )
    assert r.status_code == 200


def test_https_always_marks_cookies_secure_even_behind_a_plain_proxy(tmp_path: Path) -> None:
    env = WebEnv(tmp_path, {"web": {"https": "always"}})
    r = env.client().post(
        "/session", json={"email": "viewer@example.com", "password": PASSWORDS["viewer"]}
    )
    assert all(h.startswith("__Host-") and "Secure" in h for h in r.headers.getlist("Set-Cookie"))


def _decode(web: WebEnv, token: str) -> dict[str, Any]:
    secret = web.app.config["JWT_SECRET_KEY"]
    return jwt.decode(token, secret, algorithms=["HS256"], options={"verify_exp": False})


def test_session_lifetimes(web: WebEnv) -> None:
    c = web.browser("viewer")
    access = _decode(web, c.get_cookie("aastreli_access").value)
    refresh = _decode(web, c.get_cookie("aastreli_refresh").value)
    assert access["exp"] - access["iat"] == pytest.approx(5 * 60, abs=2)
    assert refresh["exp"] - refresh["iat"] == pytest.approx(30 * 60, abs=2)
    assert access["sst"] == refresh["sst"] and access["kind"] == "web"
    # A refresh after 20 idle minutes gives only the 10 minutes left of the idle timeout.
    r = c.post("/session/refresh", json={"idle_seconds": 20 * 60}, headers=csrf(c, "refresh"))
    assert r.status_code == 200
    refresh2 = _decode(web, c.get_cookie("aastreli_refresh").value)
    assert refresh2["exp"] - refresh2["iat"] == pytest.approx(10 * 60, abs=2)
    assert refresh2["sst"] == refresh["sst"]
    r = c.post("/session/refresh", json={"idle_seconds": 31 * 60}, headers=csrf(c, "refresh"))
    assert r.status_code == 401 and r.json["code"] == "session_idle"


def test_absolute_session_limit(web: WebEnv) -> None:
    c = web.client()
    started = time.time() - 12 * 3600 - 5
    with web.app.app_context():
        claims = {"ep": 0, "sst": started, "kind": "web"}
        refresh = create_refresh_token("viewer@example.com", additional_claims=claims)
    c.set_cookie("aastreli_refresh", refresh)
    c.set_cookie("aastreli_csrf_refresh", _decode(web, refresh)["csrf"])
    r = c.post("/session/refresh", json={}, headers=csrf(c, "refresh"))
    assert r.status_code == 401 and r.json["code"] == "session_expired"
    # Near the limit, tokens are cut to end with it.
    started = time.time() - 12 * 3600 + 120
    with web.app.app_context():
        refresh = create_refresh_token(
            "viewer@example.com", additional_claims={**claims, "sst": started}
        )
    c.set_cookie("aastreli_refresh", refresh)
    c.set_cookie("aastreli_csrf_refresh", _decode(web, refresh)["csrf"])
    assert c.post("/session/refresh", json={}, headers=csrf(c, "refresh")).status_code == 200
    renewed = _decode(web, c.get_cookie("aastreli_refresh").value)
    assert renewed["exp"] <= started + 12 * 3600 + 1


def test_page_visit_renews_an_expired_access_cookie(web: WebEnv) -> None:
    c = web.browser("viewer")
    with web.app.app_context():
        sst = _decode(web, c.get_cookie("aastreli_access").value)["sst"]
        expired = create_access_token(
            "viewer@example.com",
            additional_claims={"ep": 0, "sst": sst, "kind": "web"},
            expires_delta=timedelta(seconds=-30),
        )
    c.set_cookie("aastreli_access", expired)
    r = c.get("/me")
    assert r.status_code == 401 and r.json["code"] == "token_expired"
    r = c.get("/ui/dashboard")
    assert r.status_code == 200
    assert "aastreli_access" in _cookie_attrs(r)
    assert c.get("/me").status_code == 200


# -- login throttling -------------------------------------------------------------------


def _login(c: Any, email: str, password: str) -> Any:
    return c.post("/login", json={"email": email, "password": password})


def _unblock(throttle: Any) -> None:
    for key in ("account:admin@example.com", "pair:admin@example.com|127.0.0.1"):
        throttle._rows[key] = replace(throttle._rows[key], blocked_until=time.time() - 1)


def test_login_throttle_per_account_persists(web: WebEnv) -> None:
    c = web.client()
    codes = [_login(c, "admin@example.com", f"wrong guess {i}").status_code for i in range(6)]
    assert codes == [401] * 6  # five free, the sixth sets a 1 s delay
    r = _login(c, "ADMIN@example.com", PASSWORDS["admin"])
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
    # The username names the same account.
    assert _login(c, "admin", PASSWORDS["admin"]).status_code == 429
    # Other accounts are not held up by it.
    assert _login(c, "viewer@example.com", PASSWORDS["viewer"]).status_code == 200
    throttle = web.app.extensions["aastreli"].throttle
    assert throttle.row("account:admin@example.com").failures == 6
    # The counter reaches the store (at most persist_every later, and at a stop): a new
    # app (a restart) still waits.
    from tests.support.web import make_facade
    from webui.app import create_app, flush

    flush(web.app)
    web.store.close()
    app2 = create_app(facade=make_facade(web.data_dir))
    assert _login(app2.test_client(), "admin@example.com", PASSWORDS["admin"]).status_code == 429
    throttle2 = app2.extensions["aastreli"].throttle
    _unblock(throttle2)
    # The next failure doubles the delay; a success clears the account's counter.
    assert _login(app2.test_client(), "admin@example.com", "still wrong!").status_code == 401
    assert throttle2.row("account:admin@example.com").blocked_until > time.time() + 1
    _unblock(throttle2)
    assert _login(app2.test_client(), "admin@example.com", PASSWORDS["admin"]).status_code == 200
    flush(app2)
    store2 = app2.extensions["aastreli"].facade.store
    assert store2.get("login_attempts", key="account:admin@example.com") is None
    assert store2.get("login_attempts", key="pair:admin@example.com|127.0.0.1") is None
    before, after = [e for e in store2.find("audit") if e["event"] == "failures"]
    assert before["addresses"][0]["login_failed"] == 6
    assert after["addresses"][0]["login_throttled"] >= 1
    assert after["addresses"][0]["login_failed"] == 1


def test_login_throttle_per_address_and_cap(web: WebEnv) -> None:
    c = web.client()
    for i in range(20):
        assert _login(c, f"user{i}@example.com", "nope nope nope").status_code == 401
    assert _login(c, "user99@example.com", "nope nope nope").status_code == 401
    assert _login(c, "viewer@example.com", PASSWORDS["viewer"]).status_code == 429
    throttle = web.app.extensions["aastreli"].throttle
    assert throttle.delay_for("account:x", 6) == 1.0
    assert throttle.delay_for("account:x", 8) == 4.0
    assert throttle.delay_for("account:x", 10_000) == 900.0  # never a permanent lockout


# -- passwords --------------------------------------------------------------------------


def test_seed_bcrypt_hash_is_upgraded_at_login(web: WebEnv) -> None:
    long_pw = "a very long seed passphrase " * 4  # > 72 bytes: passlib truncated it
    for email, pw in (("seed@example.com", "seed user secret"), ("long@example.com", long_pw)):
        hashed = bcrypt.hashpw(pw.encode()[:72], bcrypt.gensalt(rounds=4)).decode()
        web.store.insert(
            "users",
            {
                "email": email,
                "username": email.split("@")[0],
                "full_name": None,
                "hashed_password": hashed,
                "disabled": False,
                "role": "operator",
                "created_at": time.time(),
                "token_epoch": 0,
            },
        )
        c = web.client()
        assert _login(c, email, "wrong password").status_code == 401
        assert web.store.get("users", email=email)["hashed_password"].startswith("$2b$")
        assert _login(c, email, pw).status_code == 200
        assert web.store.get("users", email=email)["hashed_password"].startswith("$argon2id$")
        assert _login(c, email, pw).status_code == 200


def test_password_policy() -> None:
    assert password_problems("tall purple giraffe") == []
    long_phrase = "the quick brown fox jumps over the lazy dog near the riverbank at dawn " * 2
    assert password_problems(long_phrase[:120]) == []  # long passphrases are welcome
    assert password_problems("short")
    assert password_problems("z" * 129)
    for common in ("password123", "PASSWORD123", "Qwerty123", "iloveyou", "12345678", "raspberry"):
        assert any("common" in p for p in password_problems(common)), common
    assert password_problems("aaaaaaaaaaaaaaaa")
    assert password_problems("janedoe-secret", email="janedoe@example.com")


def test_hashing_is_capped_and_busy_is_503(web: WebEnv) -> None:
    hashing = PasswordHashing(concurrency=1, wait=0.05)
    hashing._slots.acquire()  # another login holds the only slot
    with pytest.raises(HashingBusy):
        hashing.hash("anything at all")
    web.app.extensions["aastreli"].hashing = hashing
    r = web.client().post(
        "/login", json={"email": "viewer@example.com", "password": PASSWORDS["viewer"]}
    )
    assert r.status_code == 503 and r.headers["Retry-After"] == "5"
    hashing._slots.release()
    assert (
        web.client()
        .post("/login", json={"email": "viewer@example.com", "password": PASSWORDS["viewer"]})
        .status_code
        == 200
    )


def test_concurrent_hashes_never_exceed_the_cap() -> None:
    hashing = PasswordHashing(concurrency=2, wait=30)
    inside = 0
    most = 0
    lock = threading.Lock()
    real = hashing._hasher

    class Counting:
        def hash(self, pw: str) -> str:
            nonlocal inside, most
            with lock:
                inside += 1
                most = max(most, inside)
            try:
                return real.hash(pw)
            finally:
                with lock:
                    inside -= 1

    hashing._hasher = Counting()  # type: ignore[assignment]
    threads = [
        threading.Thread(target=hashing.hash, args=(f"pw {i} long enough",)) for i in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert most == 2


# -- secrets and headers ----------------------------------------------------------------


@pytest.mark.parametrize(
    "secret",
    [
        "default-secret",
        "your-secret-key",
        "your-very-secret-key-change-this-in-production",
        "short-secret",
    ],
)
def test_sample_jwt_secrets_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, secret: str
) -> None:
    monkeypatch.setenv("JWT_SECRET_KEY", secret)
    with pytest.raises(StartupError, match="JWT_SECRET_KEY"):
        WebEnv(tmp_path, users=False)


def test_standalone_app_holds_the_data_folder(tmp_path: Path) -> None:
    from gateway.state.datadir import DataDirBusy
    from webui.app import create_app

    app = create_app(test_config={"DATA_DIR": str(tmp_path)})
    try:
        assert app.test_client().get("/healthz").status_code == 200
        with pytest.raises(DataDirBusy):
            create_app(test_config={"DATA_DIR": str(tmp_path)})
        with pytest.raises(StartupError):
            create_app(
                facade=app.extensions["aastreli"].facade,
                test_config={"JWT_SECRET_KEY": "your-secret-key"},
            )
    finally:
        app.extensions["aastreli"].facade.services.datadir_lock.release()


def test_jwt_secret_from_env_or_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = WebEnv(tmp_path / "a")
    assert env.app.config["JWT_SECRET_KEY"] == env.facade.secrets["jwt_secret"]
    assert (env.data_dir / "secrets.json").stat().st_mode & 0o777 == 0o600
    mine = "k" * 20 + "-0123456789abcdefXYZ"
    monkeypatch.setenv("JWT_SECRET_KEY", mine)
    env = WebEnv(tmp_path / "b")
    token = env.headers("viewer")["Authorization"].split()[1]
    assert jwt.decode(token, mine, algorithms=["HS256"])["sub"] == "viewer@example.com"


def test_security_headers_everywhere(web: WebEnv) -> None:
    c = web.browser("admin")
    for path in ("/me", "/ui/dashboard", "/ui/login", "/healthz", "/nowhere", "/static/app.js"):
        r = c.get(path)
        csp = r.headers["Content-Security-Policy"]
        assert (
            "script-src 'self'" in csp
            and "unsafe-inline" not in csp
            and "frame-ancestors 'none'" in csp
        )
        assert r.headers["X-Frame-Options"] == "DENY"
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["Referrer-Policy"] == "no-referrer"
        if not path.startswith("/static/"):
            assert r.headers["Cache-Control"] == "no-store"


def test_templates_and_pages_have_no_inline_script_or_style(web: WebEnv) -> None:
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=|<style", re.I)
    for path in TEMPLATES.glob("*.html"):
        assert not inline.search(path.read_text()), path.name
    c = web.browser("admin")
    for spec in PAGES:
        r = c.get(spec.rule)
        if r.status_code == 200:
            assert not inline.search(r.get_data(as_text=True)), spec.rule


def test_secrets_in_query_strings_are_refused(web: WebEnv) -> None:
    c = web.client()
    h = web.headers("admin")
    assert c.get("/me?password=x", headers=h).status_code == 400
    assert c.get("/me?new_password=x", headers=h).status_code == 400
    assert c.post("/setup?setup_code=1234-5678", json={}).status_code == 400


def test_a_link_to_the_login_page_signs_nobody_out(web: WebEnv) -> None:
    c = web.browser("viewer")
    assert c.get("/ui/login").status_code == 302  # signed in: on to the dashboard
    for reason in ("signed_out", "idle", "expired"):
        # Another site's link (or image) to the login page: still signed in (issue #13).
        assert c.get(f"/ui/login?reason={reason}").status_code == 302
        assert c.get_cookie("aastreli_access") is not None
        assert c.get("/ui/dashboard").status_code == 200
    # The page's script ends an idle session with a POST to /logout and its CSRF value,
    # even after the access token ran out (the header then holds that token's value).
    r = c.post("/logout", headers=csrf(c))
    assert r.status_code == 200 and r.json["revoked"] is True
    assert c.get_cookie("aastreli_refresh") is None and c.get_cookie("aastreli_access") is None
    assert c.get("/ui/login?reason=idle").status_code == 200
    assert c.get("/ui/dashboard").status_code == 302


def test_logout_with_cookies_needs_the_csrf_value(web: WebEnv) -> None:
    c = web.browser("viewer")
    access = c.get_cookie("aastreli_access").value
    for headers in ({}, {"X-CSRF-TOKEN": "not-the-value"}):
        r = c.post("/logout", headers=headers)
        assert r.status_code == 403, r.json
        # Nothing cleared, nothing revoked: the session carries on.
        assert c.get_cookie("aastreli_access").value == access
        assert c.get("/me").status_code == 200
    # A cookie that is not ours is not cleared without the CSRF value either.
    stale = web.client()
    stale.set_cookie("aastreli_access", "not.a.jwt")
    r = stale.post("/logout")
    assert r.status_code == 403  # it could be ours: no CSRF value, no clearing
    anon = web.client()
    assert anon.post("/logout").status_code == 200


def test_tokens_without_exp_are_refused(web: WebEnv) -> None:
    from webui.auth import api_token

    with web.app.test_request_context():
        good, _ = api_token(web.users["viewer"])
        claims = jwt.decode(good, options={"verify_signature": False})
        claims.pop("exp")
        secret = web.app.config["JWT_SECRET_KEY"]
        forever = jwt.encode(claims, secret, algorithm="HS256")
    c = web.client()
    assert c.get("/me", headers={"Authorization": f"Bearer {good}"}).status_code == 200
    r = c.get("/me", headers={"Authorization": f"Bearer {forever}"})
    assert r.status_code == 401 and r.json["code"] == "token_invalid"


def test_open_redirects_are_not_followed(web: WebEnv) -> None:
    c = web.browser("viewer")
    for target in ("https://evil.example", "//evil.example", "/ui/\\evil", "javascript:alert(1)"):
        r = c.get("/ui/login", query_string={"next": target})
        assert r.status_code == 302 and r.headers["Location"] == "/ui/dashboard", target


def test_accounts_token_epoch_is_an_int_in_the_store(web: WebEnv) -> None:
    before = web.store.get("users", email="viewer@example.com")["token_epoch"]
    accounts.bump_epoch(web.facade.state, "viewer@example.com")
    assert web.store.get("users", email="viewer@example.com")["token_epoch"] == before + 1


# -- the UI's share of the interpreter --------------------------------------------------


def _burn(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_gate_bounds_concurrency_and_cpu_share() -> None:
    gate = RequestGate(concurrency=1, share=0.5)
    started = gate.enter(1.0)
    assert started is not None
    waited: list[float | None] = []
    t = threading.Thread(target=lambda: waited.append(gate.enter(0.05)))
    t.start()
    t.join()
    assert waited == [None]  # the one slot is taken: the second request gave up
    _burn(0.03)
    used = time.thread_time() - started
    gate.leave(started)
    t0 = time.monotonic()
    again = gate.enter(5.0)
    pause = time.monotonic() - t0
    assert again is not None
    # At a share of one half, the next request waits as long as the last one computed.
    assert pause >= 0.9 * used
    gate.leave(again)


def test_busy_gate_answers_503_but_health_checks_pass(
    uncapped: WebEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("webui.app.GATE_WAIT", 0.05)
    token = uncapped.headers("viewer")
    gate = uncapped.app.extensions["aastreli_gate"]
    held = gate.enter(1.0)  # a long request holds the only slot
    assert held is not None
    try:
        c = uncapped.client()
        r = c.get("/me", headers=token)
        assert r.status_code == 503 and r.headers["Retry-After"] == "2" and r.json["code"] == "busy"
        assert c.get("/healthz").status_code == 200
    finally:
        gate.leave(held)
    assert uncapped.client().get("/me", headers=token).status_code == 200


def test_https_seen_through_a_trusted_proxy(tmp_path: Path) -> None:
    from waitress import create_server

    from tests.support.net import free_port, wait_listening
    from webui.app import served, server_options

    # A network, as balena's VPN (webui.serverguard.Limits.is_proxy); 127.0.0.2 is not in it.
    env = WebEnv(tmp_path, {"web": {"trusted_proxy": "127.0.0.1/32, 10.240.0.0/12"}})
    web = env.facade.config.web
    port = free_port()
    server = create_server(
        served(env.app, web), host="0.0.0.0", port=port, threads=2, **server_options(web)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_listening(port)
        body = {"email": "viewer@example.com", "password": PASSWORDS["viewer"]}
        url = f"http://127.0.0.1:{port}/session"
        r = requests.post(url, json=body, headers={"X-Forwarded-Proto": "https"}, timeout=10)
        assert r.status_code == 200
        assert all(c.name.startswith("__Host-") and c.secure for c in r.cookies)
        plain = requests.post(url, json=body, timeout=10)
        assert not any(c.name.startswith("__Host-") for c in plain.cookies)
        # Another peer's forwarded headers are dropped.
        conn = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=10, source_address=("127.0.0.2", 0)
        )
        conn.request(
            "POST",
            "/session",
            body=json.dumps(body),
            headers={"Content-Type": "application/json", "X-Forwarded-Proto": "https"},
        )
        other = conn.getresponse()
        assert other.status == 200
        assert "__Host-" not in str(other.headers.get_all("Set-Cookie"))
        conn.close()
    finally:
        server.close()
        thread.join(5)


def test_a_slow_service_call_does_not_hold_the_ui(
    uncapped: WebEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("webui.app.GATE_WAIT", 0.5)
    entered, release = threading.Event(), threading.Event()

    class SlowDelivery:
        """Stands in for the alert sink's interface: a delivery that takes its time."""

        async def test_notification(self, target: dict[str, Any]) -> dict[str, Any]:
            entered.set()
            await asyncio.to_thread(release.wait, 10)
            return {"ok": True, "detail": "sent"}

    uncapped.facade.services.alerts = SlowDelivery()
    operator, viewer = uncapped.headers("operator"), uncapped.headers("viewer")
    answers: list[Any] = []
    body = {"type": "webhook", "config": {"url": "https://hooks.example.com/x"}}
    t = threading.Thread(
        target=lambda: answers.append(
            uncapped.client().post("/test-notification", headers=operator, json=body)
        )
    )
    t.start()
    try:
        assert entered.wait(10)  # the slow request took its turn and waits on the delivery
        assert uncapped.client().get("/me", headers=viewer).status_code == 200
        assert not answers  # the delivery is still pending
    finally:
        release.set()
        t.join(10)
    assert answers[0].status_code == 200 and answers[0].json["success"] is True
