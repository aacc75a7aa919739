"""The read models (gateway/read) over a real state store: what a hand-edited or older
state file reads as, account uniqueness under threads, alert episodes without a queue."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from gateway.alerts.outbox import DeliveryLog
from gateway.read.alerts import Alerts
from gateway.read.settings import FaultAction, UserSettings, notified_users, settings_of
from gateway.read.state import StateViews
from gateway.read.users import UserExists
from gateway.state.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path)


def test_settings_never_saved_read_as_the_seeds_defaults(store: Store) -> None:
    s = settings_of(store, "a@x.org")
    assert s == UserSettings("a@x.org")
    assert s.to_seed() == {
        "autoRefresh": True,
        "refreshInterval": 5,
        "anomalyThreshold": 0.7,
        "enableNotifications": False,
        "faultActions": [],
        "timeZone": None,
        "timeFormat": "24h",
        "dataLossNotifications": True,
        "updated_at": None,
    }


def test_a_hand_edited_settings_document_reads_with_defaults_for_wrong_types(
    store: Store,
) -> None:
    store.insert(
        "settings",
        {
            "user_email": "a@x.org",
            "anomalyThreshold": "high",  # not a number
            "refreshInterval": 10,
            "enableNotifications": "yes",  # not a bool
            "faultActions": [
                "not an object",
                {"id": "w", "type": "webhook", "enabled": True, "config": {"url": "http://h/"}},
            ],
            "timeZone": "",
        },
    )
    s = settings_of(store, "a@x.org")
    assert s.anomaly_threshold == 0.7 and s.enable_notifications is False
    assert s.refresh_interval == 10 and s.time_zone is None
    assert s.fault_actions == (FaultAction("w", "webhook", True, {"url": "http://h/"}),)


def test_only_enabled_accounts_with_notifications_on_are_notified(store: Store) -> None:
    state = StateViews.of(store)
    for email, disabled in (("on@x.org", False), ("off@x.org", True)):
        state.users.create(email=email, username=email[:3], hashed_password="h")
        if disabled:
            state.users.revoke_tokens(email, disabled=True)
        state.settings.save(UserSettings(email, enable_notifications=True))
    state.users.create(email="quiet@x.org", username="quiet", hashed_password="h")
    state.settings.save(UserSettings("quiet@x.org"))
    assert [s.user_email for s in notified_users(store)] == ["on@x.org"]


def test_two_threads_cannot_create_the_same_account(store: Store) -> None:
    users = StateViews.of(store).users
    results: list[str] = []
    start = threading.Barrier(8)

    def create(i: int) -> None:
        start.wait()
        try:
            users.create(email=f"u{i}@x.org", username="Same", hashed_password="h")
            results.append("created")
        except UserExists as err:
            results.append(err.field)

    threads = [threading.Thread(target=create, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["created"] + ["username"] * 7
    assert users.by_username("same") is not None and users.count() == 1


def test_an_older_record_shows_its_stored_deliveries_when_the_queue_has_none(
    store: Store, tmp_path: Path
) -> None:
    """Records written before the read model kept a copy of their deliveries; a queue that
    pruned them (or no queue file at all) leaves that copy to show."""
    store.insert(
        "alerts",
        {
            "uid": "old1",
            "sensor_id": "pump_1",
            "fault_type": "cavitation",
            "status": "resolved",
            "opened_at": 100.0,
            "resolved_at": 400.0,
            "acknowledged_by": "ann@x.org",
            "acknowledged_at": 200.0,
            "confidence": 0.9,
            "repeats": 1,
            "last_notified_at": 300.0,
            "deliveries": [
                {
                    "id": 7,
                    "kind": "opened",
                    "user": "ann@x.org",
                    "type": "email",
                    "target": "ann@x.org",
                    "state": "sent",
                    "attempts": 1,
                    "created": 100.0,
                    "finished": 101.0,
                    "error": None,
                },
            ],
        },
    )
    alerts = Alerts(store, DeliveryLog(tmp_path / "no-queue-here"))
    (e,) = alerts.page().episodes
    assert [(d.event, d.state) for d in e.deliveries] == [("opened", "sent")]
    assert [(ev.kind, ev.at) for ev in e.events] == [
        ("opened", 100.0),
        ("notified", 101.0),
        ("acknowledged", 200.0),
        ("repeated", 300.0),
        ("resolved", 400.0),
    ]
    assert [x.uid for x in alerts.of_asset("pump_1", start=350.0, end=500.0)] == ["old1"]
    assert alerts.of_asset("pump_1", start=401.0) == ()
    assert alerts.of_asset("pump_1", end=99.0) == ()
    assert alerts.active() == ()
