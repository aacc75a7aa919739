"""Shadow models: a deliberately wrong candidate beside the real model, compared, never alerting.

The candidate was trained with ``normal`` and ``cavitation`` swapped: on a healthy pump
it says cavitation, on a cavitating one normal. It runs on the same rows as the active
model through the real pipeline; the sinks see only the active model's predictions.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

import pytest

from gateway.alerts.rules import OPENED, AlertRules, RuleConfig
from gateway.features import PLANT_CLASSES, PLANT_FEATURES, FeatureMap
from gateway.health import ComponentHealth
from gateway.model import load_model
from gateway.model.build import ensure_built
from gateway.model.insight import Insight
from gateway.model.shadow import Shadow, ShadowControl
from gateway.model.slot import ModelSlot
from gateway.pipeline import Pipeline
from gateway.records import Reading, Scored
from gateway.simulator.plant import FaultEvent, Plant

pytest_plugins = ["tests.support.model"]  # the shared model fixtures

SWAP = {"normal": "cavitation", "cavitation": "normal"}


def train_swapped(out: Path) -> Path:
    """A small model of the plant that learnt normal as cavitation and back."""
    pytest.importorskip("xgboost")
    from gateway.model import codegen, train

    data = train.simulator_dataset(80, 11)
    data.labels = [SWAP.get(label, label) for label in data.labels]
    train.train(
        data,
        out / "swapped-train",
        features=PLANT_FEATURES,
        classes=PLANT_CLASSES,
        params=train.TrainParams(rounds=8, max_depth=3, seed=11),
        progress=False,
    )
    package = out / "swapped"
    codegen.compile_package(out / "swapped-train", package, name="swapped", parallel_comp=2)
    ensure_built(package)
    return package


@pytest.fixture(scope="session")
def swapped_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return train_swapped(tmp_path_factory.mktemp("swapped"))


class Offered:
    """A sink that keeps what the pipeline offers."""

    def __init__(self) -> None:
        self.items: list[Scored] = []

    def offer(self, items: Sequence[Scored], ticket: int = 0) -> None:
        self.items.extend(items)


def _pipeline(slot: ModelSlot, insight: Insight, sink: Offered) -> Pipeline:
    return Pipeline(
        FeatureMap(PLANT_FEATURES), slot, [sink], ComponentHealth("p", "stage"), after_model=insight
    )


def _readings(plant: Plant, start: int, end: int, step: int = 10) -> list[Reading]:
    return [
        Reading("pump_a", 1.8e9 + s, plant.sample("pump_a", s)) for s in range(start, end, step)
    ]


def test_candidate_is_compared_and_never_reaches_the_sinks(
    default_package: Path, swapped_package: Path
) -> None:
    """An hour of normal running, then half an hour of cavitation."""
    slot = ModelSlot(PLANT_FEATURES)
    slot.install(load_model(default_package, feature_names=PLANT_FEATURES))
    insight = Insight(slot, explain_mode=None)
    insight.shadow = Shadow(load_model(swapped_package, feature_names=PLANT_FEATURES), "swapped")
    sink = Offered()
    pipeline = _pipeline(slot, insight, sink)
    plant = Plant(
        seed=3, assets=["pump_a"], schedule=[FaultEvent("pump_a", 3600, 1800, "cavitation")]
    )
    for start in range(0, 5400, 600):
        scored = pipeline.process(_readings(plant, start, start + 600))
        for s in scored:
            sink.offer([s])
    assert {s.prediction.model for s in sink.items if s.prediction} == {"pump_motor"}
    stats = insight.shadow.stats.to_dict()
    assert stats["readings"] == 540 == len(sink.items)
    c = stats["confusion"]
    counts = {
        (a, b): c["counts"][i][j]
        for i, a in enumerate(c["active"])
        for j, b in enumerate(c["candidate"])
    }
    assert counts[("normal", "cavitation")] >= 300  # of 360 normal readings
    assert counts[("cavitation", "normal")] >= 150  # of 180 cavitating ones
    assert stats["agreement"] < 0.1 and stats["agree"] == sum(
        n for (a, b), n in counts.items() if a == b
    )
    assert sum(stats["candidate_confidence"]["histogram"]) == 540
    assert stats["candidate_confidence"]["mean"] > 0.5
    # The alert rules over what the sinks got: only the real cavitation, at its time.
    rules = AlertRules(RuleConfig(), clock=lambda: 0.0)
    opened = [d for d in rules.observe_scored(sink.items) if d.kind == OPENED]
    assert [(d.fault, d.context.reading.timestamp >= 1.8e9 + 3600) for d in opened] == [
        ("cavitation", True)
    ]
    assert "aastreli_shadow_agreement" in "\n".join(insight.metrics())


async def test_automatic_promotion_after_enough_agreement(default_package: Path) -> None:
    """The same model as candidate agrees on every reading: promoted after 50, once; the
    model it replaced stays for rollback."""
    slot = ModelSlot(PLANT_FEATURES)
    active = load_model(default_package, feature_names=PLANT_FEATURES)
    slot.install(active)
    insight = Insight(slot, explain_mode=None)
    audit: list[tuple[str, dict[str, object]]] = []
    control = ShadowControl(
        slot, insight, audit=lambda e, **f: audit.append((e, f)), promote_after=50
    )
    info = await control.start(default_package, user="admin@plant")
    assert info["candidate"]["name"] == "pump_motor" and info["promote_after"] == 50
    candidate = insight.shadow.candidate  # type: ignore[union-attr]
    assert candidate is not active
    pipeline = _pipeline(slot, insight, Offered())
    plant = Plant(seed=4, assets=["pump_a"])
    pipeline.process(_readings(plant, 0, 400))  # 40 readings: not yet
    assert slot.active is active
    pipeline.process(_readings(plant, 400, 800))  # 80: due
    await asyncio.gather(*control._tasks)
    assert slot.active is candidate and slot.previous is active and insight.shadow is None
    promoted = [f for e, f in audit if e == "model.shadow_promoted"]
    assert promoted == [
        {"name": "pump_motor", "user": None, "automatic": True, "readings": 80, "agreement": 1.0}
    ]
    assert slot.rollback() is active


async def test_candidate_must_pass_the_same_checks_as_an_activation(
    default_package: Path, package_copy: Path
) -> None:
    from gateway.model import ModelError

    slot = ModelSlot(PLANT_FEATURES)
    slot.install(load_model(default_package, feature_names=PLANT_FEATURES))
    insight = Insight(slot, explain_mode=None)
    control = ShadowControl(slot, insight)
    golden = package_copy / "golden.json"
    golden.write_text(golden.read_text().replace('"probabilities": [[', '"probabilities": [[0.5, '))
    with pytest.raises(ModelError, match="golden"):
        await control.start(package_copy)
    assert insight.shadow is None and control.info() is None
    assert not await control.stop()
    with pytest.raises(ModelError, match="no shadow model"):
        await control.promote()
