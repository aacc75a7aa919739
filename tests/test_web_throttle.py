"""Login throttling against the attacks of issue #13: an attacker who knows an account's
email slows his own guessing down but cannot keep the owner out, and cannot flush the
counters by flooding."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gateway.read.access import LOGINS as TABLE
from gateway.read.state import StateViews
from tests.support.web import PASSWORDS, WebEnv, web_env
from webui.ratelimit import LoginThrottle, Throttled


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebEnv]:
    yield from web_env(tmp_path)


def _login(web: WebEnv, address: str, login: str, password: str) -> Any:
    c = web.app.test_client()
    return c.post(
        "/login",
        json={"email": login, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


ADMIN = "admin@example.com"
ATTACKER = "10.66.0.1"
OWNER = "10.1.0.7"


def test_known_email_does_not_lock_the_owner_out(web: WebEnv) -> None:
    # A first delay longer than a slow machine takes for the 30 polls below.
    web.app.extensions["aastreli"].throttle.base_delay = 60.0
    codes = [_login(web, ATTACKER, ADMIN, f"wrong guess {i}").status_code for i in range(6)]
    assert codes == [401] * 6
    # Cheap polls from the attacker's address: all refused, none looked at.
    polls = [_login(web, ATTACKER, ADMIN, "guess").status_code for _ in range(30)]
    assert set(polls) == {429}
    # The owner, from another address, with the right password, gets in at once ...
    assert _login(web, OWNER, ADMIN, PASSWORDS["admin"]).status_code == 200
    # ... and the attacker is still held.
    assert _login(web, ATTACKER, ADMIN, PASSWORDS["admin"]).status_code == 429


def test_a_spread_attack_gets_one_guess_per_address_per_delay(web: WebEnv) -> None:
    for i in range(6):
        assert _login(web, f"10.66.1.{i}", ADMIN, "wrong wrong").status_code == 401
    throttle = web.app.extensions["aastreli"].throttle
    row = throttle.row(f"account:{ADMIN}")
    assert row.failures == 6 and row.blocked_until > time.time()
    # Every address that already failed on the account waits the account's delay ...
    assert _login(web, "10.66.1.0", ADMIN, "wrong again").status_code == 429
    # ... a fresh address is looked at once (its failure raises the account's delay) ...
    assert _login(web, "10.66.1.99", ADMIN, "wrong again").status_code == 401
    assert _login(web, "10.66.1.99", ADMIN, "wrong again").status_code == 429
    # ... and the owner from a clean address passes; success clears the account.
    assert _login(web, OWNER, "admin", PASSWORDS["admin"]).status_code == 200
    assert throttle.row(f"account:{ADMIN}") is None


def test_password_reset_clears_the_counters(web: WebEnv) -> None:
    # The attacker shares the owner's address (one NAT): the owner is held too ...
    for i in range(7):
        _login(web, OWNER, "operator@example.com", f"wrong {i}")
    assert _login(web, OWNER, "operator", PASSWORDS["operator"]).status_code == 429
    # ... until an admin resets the password.
    uid = web.store.get("users", email="operator@example.com")["doc_id"]
    r = web.client().post(
        f"/users/{uid}/reset-password",
        json={"password": "a fresh lantern 42"},
        headers=web.headers("admin"),
    )
    assert r.status_code == 200, r.get_json()
    web.app.extensions["aastreli"].throttle.flush()
    assert web.store.find(TABLE, where=lambda d: "operator@" in d["key"]) == []
    assert _login(web, OWNER, "operator", "a fresh lantern 42").status_code == 200


def test_unknown_emails_from_one_address_hit_the_address_budget(web: WebEnv) -> None:
    for i in range(20):
        assert _login(web, ATTACKER, f"user{i}@example.com", "nope nope").status_code == 401
    assert _login(web, ATTACKER, "user99@example.com", "nope nope").status_code == 401
    assert _login(web, ATTACKER, "viewer@example.com", PASSWORDS["viewer"]).status_code == 429
    # Names of no account get a counter like accounts (the answers must not differ), but
    # one that flooding may evict: the table stays bounded.
    throttle = web.app.extensions["aastreli"].throttle
    assert throttle.row("account:user3@example.com").protected is False
    assert throttle.row("account:viewer@example.com") is None
    assert _login(web, OWNER, "viewer@example.com", PASSWORDS["viewer"]).status_code == 200


def test_flooding_cannot_evict_an_accounts_counter(tmp_path: Path) -> None:
    from gateway.state.store import Store

    store = Store(tmp_path)
    free = {"account": 5, "pair": 5, "address": 20}
    t = LoginThrottle(StateViews.of(store), free=free, max_rows=40)
    now = time.time()
    for _ in range(7):
        t.login_failed(ADMIN, ATTACKER, known=True, now=now)
    # 300 failures with unknown emails from as many addresses (issue: 2,014 did it).
    for i in range(300):
        t.login_failed(f"nobody{i}@x", f"10.77.{i // 250}.{i % 250}", known=False, now=now + 1)
    t.flush()
    keys = [d["key"] for d in store.find(TABLE)]
    assert f"account:{ADMIN}" in keys
    assert len(keys) <= 40 + 1
    assert store.get(TABLE, key=f"account:{ADMIN}")["failures"] == 7
    # Flooding evicted the attacker's own oldest counters; his address is clean again,
    # but the account's counter still holds the address once it fails again.
    t.login_failed(ADMIN, ATTACKER, known=True, now=now + 2)
    with pytest.raises(Throttled):
        t.check_login(ADMIN, ATTACKER, now=now + 2)
    store.close()


def test_counters_reach_the_disk_at_a_bounded_rate(tmp_path: Path) -> None:
    from gateway.state.store import Store

    store = Store(tmp_path)
    t = LoginThrottle(
        StateViews.of(store), free={"account": 5, "pair": 5, "address": 20}, persist_every=30
    )
    now = time.time()
    for i in range(500):
        t.login_failed(f"n{i}@x", f"10.9.{i // 250}.{i % 250}", known=False, now=now)
    assert t.writes <= 1  # one write per 30 s, not three per failure
    t.flush()
    assert store.count(TABLE) == 1000 + 500 - 500 + 500  # address, pair, account keys
    store.close()
