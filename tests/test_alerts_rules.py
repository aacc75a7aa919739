"""The alert rules under a controlled clock: debounce, one alert per fault, repeat, ack, resolve."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gateway.alerts.rules import (
    OPENED,
    REPEATED,
    RESOLVED,
    AlertRules,
    OpenAlert,
    RuleConfig,
)
from gateway.config.alerts import AlertsConfig
from gateway.records import Prediction, Reading, Scored


class Clock:
    def __init__(self, t: float = 1000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, s: float) -> None:
        self.t += s


def make(**kw: float | int | None) -> tuple[AlertRules, Clock]:
    clock = Clock()
    cfg: dict[str, float | int | None] = {
        "min_confidence": 0.6,
        "k": 3,
        "n": 5,
        "repeat_interval": 60.0,
        "resolve_after": 30.0,
    }
    cfg.update(kw)
    return AlertRules(RuleConfig(**cfg), clock=clock), clock  # type: ignore[arg-type]


def feed(
    rules: AlertRules,
    clock: Clock,
    labels: list[str],
    conf: float = 0.9,
    step: float = 1.0,
    sensor: str = "p1",
) -> list[tuple[str, str]]:
    out = []
    for label in labels:
        clock.advance(step)
        out += [(d.kind, d.fault) for d in rules.observe(sensor, label, conf)]
    return out


def test_default_debounce_stops_a_single_noisy_reading() -> None:
    cfg = AlertsConfig()
    rules = AlertRules(RuleConfig(k=cfg.debounce.k, n=cfg.debounce.n))
    assert cfg.debounce.k > 1
    assert rules.observe("p1", "cavitation", 0.99) == []
    for _ in range(10):
        assert rules.observe("p1", "normal", 0.99) == []


def test_opens_after_k_of_n_agree() -> None:
    rules, clock = make()
    seq = ["cavitation", "normal", "cavitation", "normal"]
    assert feed(rules, clock, seq) == []
    assert feed(rules, clock, ["cavitation"]) == [(OPENED, "cavitation")]


def test_k_spread_wider_than_n_never_opens() -> None:
    rules, clock = make()
    # Faults two in every five: never three within any five consecutive predictions.
    assert feed(rules, clock, ["cavitation", "normal", "normal", "normal", "cavitation"] * 6) == []


def test_confidence_must_be_above_minimum() -> None:
    rules, clock = make()
    assert feed(rules, clock, ["imbalance"] * 5, conf=0.6) == []  # the seed: "above 0.6"
    assert feed(rules, clock, ["imbalance"] * 3, conf=0.61) == [(OPENED, "imbalance")]


def test_low_confidence_faults_take_slots_but_count_for_nothing() -> None:
    rules, clock = make()
    feed(rules, clock, ["misalignment", "misalignment"])
    feed(rules, clock, ["misalignment"] * 3, conf=0.3)
    # Window [hi, hi, lo, lo, lo]: each new confident fault pushes a confident one out
    # until the low ones leave: [hi, lo, lo, lo, hi], [lo, lo, lo, hi, hi], then three.
    assert feed(rules, clock, ["misalignment"] * 2) == []
    assert feed(rules, clock, ["misalignment"]) == [(OPENED, "misalignment")]


def test_one_open_alert_per_asset_and_fault() -> None:
    rules, clock = make(repeat_interval=None)
    assert feed(rules, clock, ["cavitation"] * 20) == [(OPENED, "cavitation")]
    assert feed(rules, clock, ["cavitation"] * 3, sensor="p2") == [(OPENED, "cavitation")]
    # Another fault on the same asset is another alert.
    assert feed(rules, clock, ["imbalance"] * 3) == [(OPENED, "imbalance")]
    assert len(list(rules.open_alerts())) == 3


def test_repeats_after_the_interval_only() -> None:
    rules, clock = make(repeat_interval=60.0)
    feed(rules, clock, ["cavitation"] * 3)
    assert feed(rules, clock, ["cavitation"] * 59) == []  # t = +59 s since opening
    decisions = rules.observe("p1", "cavitation", 0.9)  # +59, still under
    assert decisions == []
    clock.advance(1.0)
    decisions = rules.observe("p1", "cavitation", 0.8)
    assert [(d.kind, d.repeat, d.confidence) for d in decisions] == [(REPEATED, 1, 0.8)]
    # The next repeat is measured from this one.
    assert feed(rules, clock, ["cavitation"] * 59) == []
    assert feed(rules, clock, ["cavitation"]) == [(REPEATED, "cavitation")]


def test_acknowledgement_silences_repeats_but_not_resolution() -> None:
    rules, clock = make(repeat_interval=10.0, resolve_after=5.0)
    feed(rules, clock, ["cavitation"] * 3)
    assert rules.acknowledge("p1", "cavitation")
    assert feed(rules, clock, ["cavitation"] * 100) == []
    assert not rules.acknowledge("p1", "imbalance")
    assert feed(rules, clock, ["normal"] * 6) == [(RESOLVED, "cavitation")]


def test_resolves_after_normal_for_the_configured_time() -> None:
    rules, clock = make(resolve_after=30.0)
    feed(rules, clock, ["cavitation"] * 3)
    assert feed(rules, clock, ["normal"] * 30) == []  # normal since t1, now t1 + 29 s
    decisions = feed(rules, clock, ["normal"])
    assert decisions == [(RESOLVED, "cavitation")]
    assert list(rules.open_alerts()) == []
    assert rules.tracked_assets == 0  # a quiet asset costs nothing again


def test_any_fault_label_restarts_the_normal_timer() -> None:
    rules, clock = make(resolve_after=10.0)
    feed(rules, clock, ["cavitation"] * 3)
    feed(rules, clock, ["normal"] * 9)
    feed(rules, clock, ["imbalance"], conf=0.2)  # below the trigger, still not "normal"
    assert feed(rules, clock, ["normal"] * 10) == []
    assert feed(rules, clock, ["normal"]) == [(RESOLVED, "cavitation")]


def test_tick_resolves_an_asset_that_went_quiet_while_normal() -> None:
    rules, clock = make(resolve_after=30.0)
    feed(rules, clock, ["cavitation"] * 3 + ["normal"])
    clock.advance(29.0)
    assert rules.tick() == []
    clock.advance(1.0)
    assert [(d.kind, d.fault, d.context) for d in rules.tick()] == [(RESOLVED, "cavitation", None)]


def test_tick_never_resolves_an_asset_last_seen_faulty() -> None:
    rules, clock = make(resolve_after=30.0)
    feed(rules, clock, ["cavitation"] * 3)
    clock.advance(3600)
    assert rules.tick() == []


def test_reopens_after_resolution_only_through_debounce() -> None:
    rules, clock = make(resolve_after=5.0)
    feed(rules, clock, ["cavitation"] * 3 + ["normal"] * 6)
    assert list(rules.open_alerts()) == []
    assert feed(rules, clock, ["cavitation"] * 2) == []
    assert feed(rules, clock, ["cavitation"]) == [(OPENED, "cavitation")]


def test_restored_alert_is_not_opened_again() -> None:
    rules, clock = make(repeat_interval=100.0)
    rules.restore(OpenAlert("p1", "cavitation", opened_at=clock.t - 50, last_notified=clock.t - 50))
    assert feed(rules, clock, ["cavitation"] * 10) == []
    assert feed(rules, clock, ["cavitation"] * 40) == [(REPEATED, "cavitation")]


def test_open_alert_tracks_its_predictions() -> None:
    rules, clock = make(repeat_interval=None)
    feed(rules, clock, ["cavitation"] * 3, conf=0.7)
    feed(rules, clock, ["cavitation"], conf=0.95)
    feed(rules, clock, ["cavitation"], conf=0.8)
    a = rules.get("p1", "cavitation")
    assert a is not None
    assert (a.count, a.last_confidence, a.max_confidence) == (5, 0.8, 0.95)
    assert a.last_seen == clock.t


def test_observe_scored_passes_the_record_and_skips_unscored() -> None:
    rules, _ = make()

    def sc(label: str | None) -> Scored:
        p = Prediction(label, 0.9, (), "m") if label else None
        return Scored(Reading("p1", 0.0, {"motor_data.DE_temp": 50.0}), p)

    batch = [sc("normal"), sc(None), sc("cavitation"), sc(None), sc("cavitation"), sc("cavitation")]
    decisions = rules.observe_scored(batch)
    assert [d.kind for d in decisions] == [OPENED]
    assert decisions[0].context is batch[-1]


def test_config_rejects_k_above_n() -> None:
    with pytest.raises(ValueError):
        RuleConfig(k=6, n=5)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["normal", "cavitation", "imbalance"]),
            st.floats(0, 1),
            st.floats(0, 20),
        ),
        max_size=120,
    ),
    st.integers(1, 5),
    st.integers(0, 4),
)
def test_invariants_hold_for_any_sequence(
    seq: list[tuple[str, float, float]], k: int, extra: int
) -> None:
    rules, clock = make(k=k, n=k + extra, repeat_interval=30.0, resolve_after=10.0)
    opened: set[tuple[str, str]] = set()
    acked = False
    for i, (label, conf, step) in enumerate(seq):
        clock.advance(step)
        if i == 60 and rules.get("p1", "cavitation"):
            acked = rules.acknowledge("p1", "cavitation")
        for d in rules.observe("p1", label, conf):
            key = (d.sensor_id, d.fault)
            if d.kind == OPENED:
                assert key not in opened  # one open alert per asset and fault
                opened.add(key)
            elif d.kind == REPEATED:
                assert key in opened
                assert not (acked and d.fault == "cavitation")
            else:
                assert key in opened
                assert label == "normal"
                opened.discard(key)
                if d.fault == "cavitation":
                    acked = False
