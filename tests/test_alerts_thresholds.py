"""Alert thresholds with hysteresis, and explanations in the alerts that go out.

The rules under a controlled clock; then the alerts sink with thresholds from the state
store, delivering to a real SMTP server and a real HTTP receiver.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from gateway.alerts.delivery import Sender
from gateway.alerts.outbox import DeliveryQueue
from gateway.alerts.rules import AlertRules, RuleConfig
from gateway.alerts.sink import AlertSink
from gateway.alerts.thresholds import ClassIndex, ThresholdError, Thresholds
from gateway.features import PLANT_CLASSES
from gateway.health import HealthRegistry
from gateway.records import Contributor, Explanation, Prediction, Reading, Scored
from tests.support.alerts import HttpReceiver, SmtpReceiver
from tests.test_alerts_sink import Clock, Harness, action, add_user, alerts_config

CAV = PLANT_CLASSES.index("cavitation")
INFO = ClassIndex(lambda: {"name": "m", "classes": list(PLANT_CLASSES)})


def scored(p_cavitation: float, p_normal: float, sensor: str = "pump_1") -> Scored:
    """A prediction that gives cavitation and normal these probabilities (the rest spread)."""
    rest = (1.0 - p_cavitation - p_normal) / (len(PLANT_CLASSES) - 2)
    probs = [rest] * len(PLANT_CLASSES)
    probs[CAV], probs[0] = p_cavitation, p_normal
    best = max(probs)
    label = PLANT_CLASSES[probs.index(best)]
    reading = Reading(sensor, 1.77e9, {"motor_data.DE_temp": 50.0, "pump_data.DE_temp": 40.0})
    return Scored(reading, Prediction(label, best, tuple(probs), "m"))


def rules(entries: list[dict[str, Any]]) -> tuple[AlertRules, Clock]:
    clock = Clock()
    cfg = RuleConfig(min_confidence=0.6, k=3, n=5, repeat_interval=None, resolve_after=30.0)
    return AlertRules(cfg, clock, thresholds=Thresholds(entries), classes=INFO), clock


def feed(r: AlertRules, clock: Clock, items: list[Scored], step: float = 1.0) -> list[str]:
    out = []
    for s in items:
        clock.advance(step)
        out += [f"{d.kind}:{d.fault}" for d in r.observe_scored([s])]
    return out


ENTRY = {"sensor_id": "pump_1", "fault": "cavitation", "open_at": 0.9, "close_at": 0.5}


def test_opens_only_at_open_at() -> None:
    r, clock = rules([ENTRY])
    assert feed(r, clock, [scored(0.85, 0.1)] * 5) == []  # above min_confidence, below open_at
    assert feed(r, clock, [scored(0.95, 0.02)] * 3) == ["opened:cavitation"]


def test_stays_open_until_below_close_at_for_resolve_after() -> None:
    """Hysteresis: once open, a probability of 0.6 (normal now the label) still holds the
    alert; below 0.5 for 30 s resolves it, whatever the label."""
    r, clock = rules([ENTRY])
    feed(r, clock, [scored(0.95, 0.02)] * 3)
    assert feed(r, clock, [scored(0.40, 0.58), scored(0.60, 0.35)] * 40) == []  # flaps: held
    assert feed(r, clock, [scored(0.45, 0.50)] * 29) == []
    assert feed(r, clock, [scored(0.45, 0.50)] * 2) == ["resolved:cavitation"]


def test_without_a_threshold_the_old_rule_holds() -> None:
    """Another asset (no entry): opens above min_confidence, resolves after 30 s of
    normal labels, and any other label restarts that time."""
    r, clock = rules([ENTRY])
    assert feed(r, clock, [scored(0.85, 0.1, "pump_2")] * 3) == ["opened:cavitation"]
    assert feed(r, clock, [scored(0.40, 0.58, "pump_2")] * 20) == []
    assert feed(r, clock, [scored(0.55, 0.40, "pump_2")]) == []  # cavitation again, low
    assert feed(r, clock, [scored(0.40, 0.58, "pump_2")] * 30) == []
    assert feed(r, clock, [scored(0.40, 0.58, "pump_2")]) == ["resolved:cavitation"]


def test_the_most_specific_entry_wins_and_bad_entries_are_refused() -> None:
    t = Thresholds(
        [
            {"fault": "cavitation", "open_at": 0.7, "close_at": 0.3},
            {"sensor_id": "pump_1", "open_at": 0.8, "close_at": 0.4},
            ENTRY,
            {"open_at": 0.99, "close_at": 0.1},
        ]
    )
    assert t.get("pump_1", "cavitation").open_at == 0.9  # type: ignore[union-attr]
    assert t.get("pump_1", "imbalance").open_at == 0.8  # type: ignore[union-attr]
    assert t.get("pump_2", "cavitation").open_at == 0.7  # type: ignore[union-attr]
    assert t.get("pump_2", "imbalance").open_at == 0.99  # type: ignore[union-attr]
    assert Thresholds(t.to_list()).to_list() == t.to_list()
    for bad, why in [
        ({"open_at": 0.5, "close_at": 0.6}, "close_at <= open_at"),
        ({"fault": "normal", "open_at": 0.5, "close_at": 0.1}, "not a fault"),
        ({"open_at": "x", "close_at": 0.1}, "must be numbers"),
        ({"sensor_id": "", "open_at": 0.5, "close_at": 0.1}, "non-empty"),
    ]:
        with pytest.raises(ThresholdError, match=why):
            Thresholds([bad])
    with pytest.raises(ThresholdError, match="twice"):
        Thresholds([ENTRY, ENTRY])


def test_a_probability_the_rules_cannot_find_keeps_the_label_rule() -> None:
    """A prediction of an unknown model: its class order is unknown, so a normal label
    counts as clear (the rule without threshold), never a crash."""
    clock = Clock()
    r = AlertRules(
        RuleConfig(k=1, n=1, resolve_after=5.0),
        clock,
        thresholds=Thresholds([ENTRY]),
        classes=ClassIndex(lambda: {}),
    )
    assert feed(r, clock, [scored(0.95, 0.02)]) == ["opened:cavitation"]
    other = scored(0.4, 0.58)
    other = Scored(other.reading, Prediction("normal", 0.58, other.prediction.probabilities, "x"))  # type: ignore[union-attr]
    assert feed(r, clock, [other] * 6) == ["resolved:cavitation"]


WHY = Explanation(
    "m",
    "saabas",
    "cavitation",
    -1.0,
    (0.0,) * 20,
    (
        Contributor("pump_data.suction_pressure", "Pump suction pressure", 0.41, "bar", 3.2),
        Contributor("pump_data.flow", "Pump flow", 61.0, "m³/h", 1.1),
    ),
)


async def test_sink_reads_thresholds_and_sends_explanations(tmp_path: Path) -> None:
    hook, smtp = HttpReceiver().start(), SmtpReceiver().start()
    try:
        h = Harness(tmp_path, alerts_config(smtp.port, resolve_after=30))
        health = HealthRegistry()
        h.sink = AlertSink(
            h.cfg,
            h.store,
            h.hub,
            health=health.register("alerts", "sink"),
            delivery_health=health.register("alert-delivery", "sink"),
            outbox=DeliveryQueue(tmp_path),
            sender=Sender(h.cfg, environ={}),
            clock=h.clock,
            classes=INFO,
        )
        add_user(
            h.store,
            "op@plant.example",
            [action("webhook", f"{hook.url}/w"), action("email", "op@plant.example")],
            threshold=0.5,
        )
        h.store.put_meta("alert_thresholds", [ENTRY])
        await h.sink.start()

        async def send(s: Scored, n: int) -> None:
            for _ in range(n):
                h.clock.advance(1.0)
                await h.sink.handle([Scored(s.reading, s.prediction, explanation=WHY)])

        await send(scored(0.85, 0.1), 5)
        assert h.kinds() == []
        await send(scored(0.95, 0.02), 3)
        assert h.kinds() == ["alert.opened"] and h.events[0][1]["explanation"][0]["value"] == 0.41
        await asyncio.to_thread(hook.wait, 1)
        await asyncio.to_thread(smtp.wait, 1)
        body = hook.requests[0].json()
        assert body["explanation"] == [c.to_dict() for c in WHY.top]
        assert "Pump suction pressure: 0.41 bar (+3.20)" in body["message"]
        assert "Pump flow: 61 m³/h (+1.10)" in smtp.mails[0].part("plain")
        assert "Pump flow:</b> 61 m³/h (+1.10)" in smtp.mails[0].part("html")
        await send(scored(0.6, 0.35), 60)  # held by close_at
        assert h.kinds() == ["alert.opened"]
        await send(scored(0.3, 0.6), 31)
        assert h.kinds() == ["alert.opened", "alert.resolved"]
        # A change of the settings reaches the rules at the next refresh.
        h.store.put_meta("alert_thresholds", [])
        await h.sink._load_thresholds()
        assert not h.sink.rules.thresholds
    finally:
        await h.sink.close()
        hook.stop()
        smtp.stop()
