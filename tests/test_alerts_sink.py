"""The alerts sink end to end: users' settings, records, events, deliveries to real receivers.

The clock of the rules is controlled; deliveries go to a real aiosmtpd server and a
local HTTP server. The last tests run the real ``gateway.runtime.Gateway`` pipeline and
the ``aastreli notify-test`` command. The Gateway scenario feeds the pipeline through a
small deterministic predictor defined here (a hot motor bearing is "motor_overheating"):
it is a test input generator that returns real ``Prediction`` records, not a stand-in
for anything under test.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from gateway import cli
from gateway.alerts import messages as m
from gateway.alerts.actions import NotClearable
from gateway.alerts.delivery import Sender
from gateway.alerts.outbox import DeliveryLog, DeliveryQueue
from gateway.alerts.sink import AlertSink, build_sink
from gateway.config import parse_config
from gateway.config.alerts import AlertsConfig
from gateway.events import EventHub
from gateway.health import HealthRegistry
from gateway.read.alerts import Alerts
from gateway.records import Prediction, Reading, Scored
from gateway.state.store import Store
from tests.support.alerts import HttpReceiver, SmtpReceiver, until


class Clock:
    def __init__(self) -> None:
        self.t = 1_770_000_000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, s: float) -> None:
        self.t += s


class CountingStore(Store):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir)
        self.settings_reads = 0

    def find(self, table: str, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        if table == "settings":
            self.settings_reads += 1
        return super().find(table, *args, **kwargs)


def add_user(
    store: Store,
    email: str,
    actions: list[dict[str, Any]],
    *,
    threshold: float = 0.7,
    notify: bool = True,
    disabled: bool = False,
) -> None:
    store.insert(
        "users",
        {
            "email": email,
            "username": email.split("@")[0],
            "full_name": "",
            "hashed_password": "x",
            "disabled": disabled,
            "role": "operator",
            "created_at": time.time(),
            "token_epoch": 0,
        },
    )
    store.insert(
        "settings",
        {
            "user_email": email,
            "autoRefresh": True,
            "refreshInterval": 5,
            "anomalyThreshold": threshold,
            "enableNotifications": notify,
            "faultActions": actions,
            "updated_at": time.time(),
        },
    )


def action(kind: str, value: str, enabled: bool = True) -> dict[str, Any]:
    key = {
        "email": "email",
        "sms": "phone",
        "webhook": "url",
        "slack": "channel",
        "apprise": "url",
    }[kind]
    return {"id": f"{kind}-{value}", "type": kind, "enabled": enabled, "config": {key: value}}


def scored(
    label: str,
    conf: float = 0.85,
    sensor: str = "pump_1",
    motor: float = 71.25,
    pump: float = 44.0,
    ts: float = 1_770_000_000.5,
) -> Scored:
    reading = Reading(sensor, ts, {"motor_data.DE_temp": motor, "pump_data.DE_temp": pump})
    return Scored(reading, Prediction(label, conf, (), "test"))


def alerts_config(smtp_port: int | None = None, **kw: Any) -> AlertsConfig:
    tree: dict[str, Any] = {
        "repeat_interval": 600,
        "resolve_after": 60,
        "delivery": {"retry_initial": 0.1, "retry_max": 0.5, "attempt_timeout": 5},
        "allow_private_targets": "all",  # the receivers listen on loopback
        **kw,
    }
    if smtp_port:
        tree["smtp"] = {
            "host": "127.0.0.1",
            "port": smtp_port,
            "security": "insecure",
            "from_email": "alerts@plant.example",
        }
    return AlertsConfig.model_validate(tree)


class Harness:
    def __init__(self, data: Path, cfg: AlertsConfig, store: Store | None = None) -> None:
        self.data = data
        self.cfg = cfg
        self.clock = Clock()
        self.store = store or CountingStore(data)
        self.hub = EventHub()
        self.events: list[tuple[str, dict[str, Any]]] = []
        self.hub.subscribe(lambda kind, payload: self.events.append((kind, payload)))
        self.sink = self.make_sink()

    def make_sink(self) -> AlertSink:
        health = HealthRegistry()
        return AlertSink(
            self.cfg,
            self.store,
            self.hub,
            health=health.register("alerts", "sink"),
            delivery_health=health.register("alert-delivery", "sink"),
            outbox=DeliveryQueue(self.data),
            sender=Sender(self.cfg, environ={}),
            clock=self.clock,
        )

    async def feed(
        self, labels: Sequence[str], conf: float = 0.85, step: float = 1.0, sensor: str = "pump_1"
    ) -> None:
        for label in labels:
            self.clock.advance(step)
            await self.sink.handle([scored(label, conf, sensor)])

    def kinds(self) -> list[str]:
        return [k for k, _ in self.events]


@pytest.fixture
async def receivers(tmp_path: Path) -> AsyncIterator[tuple[HttpReceiver, SmtpReceiver]]:
    hook = HttpReceiver().start()
    smtp = SmtpReceiver().start()
    yield hook, smtp
    hook.stop()
    smtp.stop()


async def test_alert_lifecycle_reaches_the_right_people(
    tmp_path: Path, receivers: tuple[HttpReceiver, SmtpReceiver]
) -> None:
    hook, smtp = receivers
    h = Harness(tmp_path, alerts_config(smtp.port))
    shared = f"{hook.url}/shared"
    add_user(
        h.store,
        "alice@plant.example",
        [
            action("webhook", shared),
            action("email", "alice@plant.example"),
            action("webhook", f"{hook.url}/off", enabled=False),
        ],
    )
    add_user(h.store, "erin@plant.example", [action("webhook", shared)], threshold=0.5)
    add_user(h.store, "bob@plant.example", [action("webhook", f"{hook.url}/bob")], threshold=0.9)
    add_user(h.store, "carol@plant.example", [action("webhook", f"{hook.url}/carol")], notify=False)
    add_user(h.store, "dave@plant.example", [action("webhook", f"{hook.url}/dave")], disabled=True)
    h.store.insert(
        "settings",
        {
            "user_email": "ghost@plant.example",
            "enableNotifications": True,
            "anomalyThreshold": 0.1,
            "faultActions": [action("webhook", f"{hook.url}/ghost")],
        },
    )
    await h.sink.start()
    try:
        # One noisy reading pages nobody.
        await h.feed(["cavitation", "normal", "normal", "normal", "normal"])
        assert h.kinds() == [] and h.store.count("alerts") == 0

        # Three of five: the alert opens once, for the users whose threshold 0.85 meets.
        await h.feed(["cavitation"] * 3 + ["cavitation"] * 5)
        assert h.kinds() == ["alert.opened"]
        opened = h.events[0][1]
        assert opened["status"] == "open" and opened["sensor_id"] == "pump_1"
        assert opened["fault_type"] == "cavitation" and opened["id"] == 1
        assert opened["fault_data"]["motor_temp"] == 71.25
        await asyncio.to_thread(hook.wait, 1)
        await asyncio.to_thread(smtp.wait, 1)
        assert [r.path for r in hook.requests] == ["/shared"]
        assert hook.requests[0].json()["alert_type"] == "fault_detected"
        assert hook.requests[0].json()["fault_data"]["sensor_id"] == "pump_1"
        assert smtp.mails[0].rcpt_tos == ["alice@plant.example"]
        assert smtp.mails[0].subject == "🚨 Fault Alert: cavitation"

        # Still faulty after the repeat interval: one reminder to the same targets.
        h.clock.advance(600)
        await h.feed(["cavitation"] * 3)
        assert h.kinds() == ["alert.opened", "alert.repeated"]
        await asyncio.to_thread(hook.wait, 2)
        await asyncio.to_thread(smtp.wait, 2)
        assert "Open Since:" in hook.requests[1].json()["message"]

        # Acknowledged: no more reminders.
        acked = await h.sink.acknowledge(1, "alice@plant.example", "  crew on the way ")
        assert acked is not None
        assert acked["status"] == "acknowledged"
        assert acked["acknowledged_by"] == "alice@plant.example"
        assert acked["acknowledged_note"] == "crew on the way"
        assert await h.sink.acknowledge(99, "alice@plant.example") is None
        h.clock.advance(3600)
        await h.feed(["cavitation"] * 3)
        assert h.kinds()[-1] == "alert.acknowledged"

        # Normal for resolve_after: resolved, and the same targets are told.
        await h.feed(["normal"] * 62)
        assert h.kinds() == [
            "alert.opened",
            "alert.repeated",
            "alert.acknowledged",
            "alert.resolved",
        ]
        await asyncio.to_thread(hook.wait, 3)
        await asyncio.to_thread(smtp.wait, 3)
        await asyncio.sleep(0.3)
        assert [r.path for r in hook.requests] == ["/shared"] * 3
        assert hook.requests[2].json()["alert_type"] == "fault_resolved"
        assert [x.subject for x in smtp.mails][2] == "✅ Fault Resolved: cavitation"

        alerts = Alerts(h.store, DeliveryLog(tmp_path))

        def listed() -> list[dict[str, Any]]:
            return [e.to_dict() for e in alerts.page().episodes]

        # Delivery states are the queue's own records, read as they are now.
        await until(lambda: all(d["state"] == "sent" for d in listed()[0]["deliveries"]))
        (record,) = listed()
        assert record["status"] == "resolved" and record["resolved_at"] is not None
        assert record["acknowledged_by"] == "alice@plant.example"
        assert record["repeats"] == 1
        assert record["resolution"]["fault_type"] == "cavitation"
        assert record["recipients"] == [
            "alice@plant.example",
            f"http://127.0.0.1:{hook.port}/********",
        ]
        assert [(d["event"], d["type"], d["state"]) for d in record["deliveries"]] == [
            ("opened", "webhook", "sent"),
            ("opened", "email", "sent"),
            ("repeated", "webhook", "sent"),
            ("repeated", "email", "sent"),
            ("resolved", "webhook", "sent"),
            ("resolved", "email", "sent"),
        ]
        # The episode's life, in time order: who was told with what result, who
        # acknowledged with which note.
        life = [(e["kind"], e.get("by"), e.get("result")) for e in record["events"]]
        assert life[0] == ("opened", None, None)
        assert ("repeated", None, None) in life
        assert life.count(("notified", "alice@plant.example", "sent")) == 6
        assert ("acknowledged", "alice@plant.example", None) in life
        assert ("resolved", None, None) in life
        ack = next(e for e in record["events"] if e["kind"] == "acknowledged")
        assert ack["detail"] == "crew on the way"
        at = [e["at"] for e in record["events"]]
        assert at == sorted(at)
        assert alerts.page(status="open").episodes == ()
        episode = alerts.get(1)
        assert episode is not None and episode.to_dict() == record
        assert [e.id for e in alerts.of_asset("pump_1", start=h.clock.t - 60)] == [1]
        assert alerts.of_asset("pump_1", end=h.clock.t - 10_000) == ()
        assert alerts.of_asset("pump_2") == ()
    finally:
        await h.sink.close()
    # The stored record holds no copy of the deliveries; what the hub was told last is
    # what the store holds (published as written, never read back).
    doc = h.store.get_by_id("alerts", 1)
    assert doc is not None
    assert "deliveries" not in doc
    assert doc["predictions"]["count"] >= 8
    last = h.events[-1][1]
    assert {k: v for k, v in doc.items() if k != "doc_id"} | {"id": 1} == last


async def test_settings_are_read_at_most_every_refresh(tmp_path: Path) -> None:
    h = Harness(tmp_path, alerts_config(settings_refresh=60))
    assert isinstance(h.store, CountingStore)
    add_user(h.store, "a@x.org", [])
    await h.sink.start()
    try:
        for i in range(20):
            await h.feed(["imbalance"] * 3 + ["normal"] * 61, sensor=f"pump_{i}", step=1.0)
        assert h.kinds().count("alert.opened") == 20
        assert h.store.settings_reads == 1
        # Readings of normal assets never reach the store at all.
        await h.sink.handle([scored("normal", sensor=f"pump_x{i}") for i in range(5000)])
        assert h.store.settings_reads == 1
    finally:
        await h.sink.close()


async def test_an_operator_clears_a_fault_alert_and_a_lasting_fault_opens_anew(
    tmp_path: Path, receivers: tuple[HttpReceiver, SmtpReceiver]
) -> None:
    hook, _smtp = receivers
    h = Harness(tmp_path, alerts_config())
    add_user(h.store, "alice@plant.example", [action("webhook", f"{hook.url}/a")], threshold=0.5)
    await h.sink.start()
    try:
        await h.feed(["cavitation"] * 3)
        assert h.kinds() == ["alert.opened"]
        cleared = await h.sink.clear(1, "alice@plant.example", " valve reopened ")
        assert cleared is not None and cleared["status"] == "resolved"
        assert h.kinds() == ["alert.opened", "alert.resolved"]
        await asyncio.to_thread(hook.wait, 2)
        assert hook.requests[1].json()["alert_type"] == "fault_resolved"
        episode = Alerts(h.store, DeliveryLog(tmp_path)).get(1)
        assert episode is not None and episode.status == "resolved"
        resolved = [e for e in episode.events if e.kind == "resolved"]
        assert [(e.by, e.detail) for e in resolved] == [("alice@plant.example", "valve reopened")]
        # Clearing it again changes nothing; an unknown alert is None.
        assert (await h.sink.clear(1, "bob@plant.example"))["cleared_by"] == "alice@plant.example"
        assert await h.sink.clear(99, "alice@plant.example") is None
        # The window starts empty: one more prediction of the fault opens nothing, k do.
        await h.feed(["cavitation"])
        assert h.kinds().count("alert.opened") == 1
        await h.feed(["cavitation"] * 2)
        assert h.kinds().count("alert.opened") == 2
        # Only fault alerts are cleared.
        h.store.insert(
            "alerts",
            {
                "uid": "dl",
                "sensor_id": "pump_9",
                "kind": "data_loss",
                "fault_type": "asset_stale",
                "status": "open",
            },
        )
        with pytest.raises(NotClearable):
            await h.sink.clear(3, "alice@plant.example")
    finally:
        await h.sink.close()


async def test_restart_keeps_open_alerts_and_queues_what_was_never_queued(
    tmp_path: Path, receivers: tuple[HttpReceiver, SmtpReceiver]
) -> None:
    hook, _ = receivers
    h = Harness(tmp_path, alerts_config())
    add_user(h.store, "a@x.org", [action("webhook", f"{hook.url}/a")])
    await h.sink.start()
    await h.feed(["cavitation"] * 3)
    await asyncio.to_thread(hook.wait, 1)
    await h.sink.close()
    # An alert recorded by a gateway that died before queueing its notices.
    h.store.insert(
        "alerts",
        {
            "uid": "deadbeef",
            "sensor_id": "pump_2",
            "fault_type": "imbalance",
            "status": "open",
            "opened_at": h.clock.t,
            "confidence": 0.9,
            "repeats": 0,
            "fault_data": m.fault_data(
                timestamp=h.clock.t, fault_type="imbalance", confidence=0.9, sensor_id="pump_2"
            ),
            "predictions": {"count": 3},
        },
    )

    h.sink = h.make_sink()
    await h.sink.start()
    try:
        await h.feed(["cavitation"] * 10)  # the restored alert is not opened again
        await asyncio.to_thread(hook.wait, 2)
        await asyncio.sleep(0.3)
        bodies = [r.json()["fault_data"] for r in hook.requests]
        assert [(b["sensor_id"], b["fault_type"]) for b in bodies] == [
            ("pump_1", "cavitation"),
            ("pump_2", "imbalance"),
        ]
        assert "alert.opened" not in h.kinds()[1:]
        await h.feed(["normal"] * 61)
        assert h.kinds()[-1] == "alert.resolved"
    finally:
        await h.sink.close()


async def test_test_notification_goes_through_the_same_path(
    tmp_path: Path, receivers: tuple[HttpReceiver, SmtpReceiver]
) -> None:
    hook, _ = receivers
    h = Harness(tmp_path, alerts_config())
    await h.sink.start()
    try:
        ok = await h.sink.test_notification({"type": "webhook", "config": {"url": f"{hook.url}/t"}})
        skipped = await h.sink.test_notification(
            {"type": "email", "config": {"email": "ops@plant.example"}}
        )
        unknown = await h.sink.test_notification({"type": "pager", "config": {}})
    finally:
        await h.sink.close()
    assert ok["ok"] and ok["state"] == "sent"
    assert hook.requests[0].json()["alert_type"] == "test_notification"
    assert (skipped["ok"], skipped["state"]) == (False, "skipped")
    assert "SMTP_HOST" in skipped["detail"]
    assert unknown["ok"] is False and "unknown target type" in unknown["detail"]
    assert h.events == []  # a test is not an alert


async def test_a_hung_smtp_server_does_not_hold_the_sink(tmp_path: Path) -> None:
    # A server that accepts connections and never greets: each attempt hangs until its
    # timeout. The sink must still open every alert while those attempts hang.
    tarpit = socket.socket()
    tarpit.bind(("127.0.0.1", 0))
    tarpit.listen(64)
    h = Harness(
        tmp_path,
        alerts_config(
            tarpit.getsockname()[1], delivery={"attempt_timeout": 2, "retry_initial": 0.1}
        ),
    )
    add_user(h.store, "a@x.org", [action("email", "a@x.org")])
    await h.sink.start()
    try:
        for i in range(30):
            await h.feed(["cavitation"] * 3, sensor=f"pump_{i}")
        assert h.kinds().count("alert.opened") == 30
        counts = h.sink.outbox.counts()
        assert sum(counts.values()) == 30
        assert "sent" not in counts  # nothing got through, and the sink did not wait for it
        # Email may hold half the delivery slots (4 by default), no more.
        await until(lambda: h.sink.outbox.counts().get("sending", 0) == 2, what="2 hung attempts")
    finally:
        await h.sink.close()
        tarpit.close()


def test_build_sink_follows_the_config(tmp_path: Path) -> None:
    from gateway.errors import StartupError
    from gateway.sinks.registry import SinkContext

    store = Store(tmp_path)
    try:
        for enabled in (True, False):
            cfg = parse_config(
                {"gateway": {"data_dir": str(tmp_path)}, "alerts": {"enabled": enabled}}
            )
            health = HealthRegistry()
            ctx = SinkContext(
                cfg,
                store,
                None,
                health,
                EventHub(),
                tmp_path,
                {},
                None,  # type: ignore[arg-type]
                "gw",
            )
            sink = build_sink(ctx)
            assert (sink is not None) == enabled
            if sink is not None:
                assert sink.name == "alerts"
                names = {h.name for h in health.all()}
                assert names == {"alerts", "alert-delivery", "alerts-ticker"}
                sink.outbox.close()
                sink.worker.close()
        # A damaged queue file stops the start with a clear reason.
        (tmp_path / "alerts.sqlite3").write_bytes(b"this is not a database" * 100)
        cfg = parse_config({"gateway": {"data_dir": str(tmp_path)}})
        ctx = SinkContext(cfg, store, None, HealthRegistry(), EventHub(), tmp_path, {}, None, "gw")  # type: ignore[arg-type]
        with pytest.raises(StartupError, match="alert delivery queue"):
            build_sink(ctx)
    finally:
        store.close()


# -- through the real gateway pipeline --------------------------------------------------


class HotBearingModel:
    """Deterministic test input: a motor bearing above 90 °C is overheating."""

    name = "hot-bearing-test"

    def predict(self, rows: list[list[float | None]]) -> list[Prediction | None]:
        out: list[Prediction | None] = []
        for row in rows:
            temp = row[0]  # motor_data.DE_temp, the first plant feature
            if temp is None:
                out.append(None)
            elif temp > 90:
                out.append(Prediction("motor_overheating", 0.93, (), self.name))
            else:
                out.append(Prediction("normal", 0.97, (), self.name))
        return out


@pytest.mark.slow
async def test_gateway_pipeline_opens_and_resolves_an_alert(
    tmp_path: Path, receivers: tuple[HttpReceiver, SmtpReceiver]
) -> None:
    from gateway.runtime import Gateway

    hook, smtp = receivers
    store = Store(tmp_path)
    add_user(
        store,
        "ops@plant.example",
        [action("webhook", f"{hook.url}/gw"), action("email", "ops@plant.example")],
        threshold=0.9,
    )
    store.close()
    cfg = parse_config(
        {
            "gateway": {"data_dir": str(tmp_path)},
            "model": {"package": None},
            "web": {"enabled": False},
            "history": {"enabled": False},
            "alerts": {
                "resolve_after": 0.5,
                "allow_private_targets": "all",
                "delivery": {"attempt_timeout": 5},
                "smtp": {
                    "host": "127.0.0.1",
                    "port": smtp.port,
                    "security": "insecure",
                    "from_email": "gw@plant.example",
                },
            },
        }
    )

    class TestGateway(Gateway):
        def _load_model(self, store: Store) -> Any:
            return HotBearingModel()

    gw = TestGateway(cfg)
    events: list[str] = []
    gw.events.subscribe(lambda kind, payload: kind.startswith("alert.") and events.append(kind))
    task = asyncio.create_task(gw.run(install_signals=False))
    try:
        await until(gw.ready.is_set, what="gateway ready")
        assert gw.pipeline is not None

        def submit(temps: list[float]) -> None:
            assert gw.pipeline is not None
            now = time.time()
            gw.pipeline.submit(
                [
                    Reading("motor_7", now, {"motor_data.DE_temp": t, "pump_data.DE_temp": 40.0})
                    for t in temps
                ]
            )

        submit([95.0])
        submit([60.0] * 4)
        await asyncio.sleep(0.3)
        assert events == []  # one hot reading is noise
        submit([96.0, 97.0, 98.5])
        await until(lambda: "alert.opened" in events, what="alert opened")
        await asyncio.to_thread(hook.wait, 1)
        await asyncio.to_thread(smtp.wait, 1)
        body = hook.requests[0].json()
        assert body["fault_data"]["fault_type"] == "motor_overheating"
        assert body["fault_data"]["motor_temp"] == 98.5
        assert body["fault_data"]["confidence"] == 0.93
        assert smtp.mails[0].subject == "🚨 Fault Alert: motor_overheating"
        assert gw.facade is not None and gw.facade.services.alerts is not None
        for _ in range(10):
            submit([60.0])
            await asyncio.sleep(0.1)
        await until(lambda: "alert.resolved" in events, what="alert resolved")
        await asyncio.to_thread(hook.wait, 2)
        assert hook.requests[1].json()["alert_type"] == "fault_resolved"
        assert [e.status for e in gw.facade.alerts.page().episodes] == ["resolved"]
    finally:
        gw.request_stop()
        await asyncio.wait_for(task, 30)


# -- the command ------------------------------------------------------------------------


def test_notify_test_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = HttpReceiver().start()
    try:
        # The receiver is on loopback: refused by the default target policy, with the reason.
        assert cli.main(["notify-test", "webhook", f"{hook.url}/cli?token=xyz"]) == 1
        out = capsys.readouterr().out
        assert "loopback address: refused by alerts.allow_private_targets (lan)" in out
        assert not hook.requests
        monkeypatch.setenv("AASTRELI_ALERTS__ALLOW_PRIVATE_TARGETS", "all")
        assert cli.main(["notify-test", "webhook", f"{hook.url}/cli?token=xyz"]) == 0
        out = capsys.readouterr().out
        shown = f"http://127.0.0.1:{hook.port}/********?token=********"
        assert f"webhook {shown}: sent" in out and "xyz" not in out
        assert hook.requests[0].json()["alert_type"] == "test_notification"
    finally:
        hook.stop()
    for var in ("SMTP_HOST", "SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_FROM_EMAIL", "SMTP_PORT"):
        monkeypatch.delenv(var, raising=False)
    assert cli.main(["notify-test", "email", "ops@plant.example"]) == 1
    assert "email ops@plant.example: skipped (SMTP is not configured" in capsys.readouterr().out
    bad = tmp_path / "bad.yaml"
    bad.write_text("alerts: {debounce: {k: 9, n: 2}}\n")
    assert cli.main(["notify-test", "email", "x@y.org", "--config", str(bad)]) == 2
