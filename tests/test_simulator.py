"""The plant model: determinism, fault signatures (statistically), schedules, config, CLI args."""

from __future__ import annotations

import argparse
import math
import random
import statistics
from collections import Counter
from pathlib import Path

import pytest

from gateway.config import ConfigError, parse_config
from gateway.config.simulator import SimulatorConfig
from gateway.features import MOTOR_POINTS, PLANT_CLASSES, PLANT_FEATURES, PUMP_POINTS
from gateway.simulator import cli as sim_cli
from gateway.simulator.plant import (
    FAULTS,
    AssetParams,
    Cycle,
    FaultEvent,
    Operating,
    Plant,
    ScheduleError,
    generate_dataset,
    nest,
    operating_point,
    parse_fault,
    simulate_reading,
)

ASSETS = ("industrial_sensor_1", "industrial_sensor_2", "industrial_sensor_3")

# The documented signature of each fault: feature -> direction of change against normal.
# The first feature of each is the primary one (the largest effect).
SIGNATURES: dict[str, dict[str, int]] = {
    "pump_bearing_cage_defect": {
        "pump_data.NDE_vib_kurtosis": +1,
        "pump_data.NDE_vib_peak": +1,
        "pump_data.NDE_temp": +1,
    },
    "pump_bearing_outer_race": {
        "pump_data.DE_vib_kurtosis": +1,
        "pump_data.DE_vib_peak": +1,
    },
    "pump_bearing_inner_race": {
        "pump_data.DE_vib_rms": +1,
        "pump_data.DE_vib_kurtosis": +1,
        "pump_data.DE_temp": +1,
    },
    "motor_bearing_defect": {
        "motor_data.DE_vib_kurtosis": +1,
        "motor_data.DE_vib_peak": +1,
        "motor_data.DE_temp": +1,
    },
    "misalignment": {
        "motor_data.DE_vib_rms": +1,
        "pump_data.DE_vib_rms": +1,
        "motor_data.DE_temp": +1,
        "pump_data.DE_temp": +1,
    },
    "imbalance": {
        "pump_data.DE_vib_rms": +1,
        "pump_data.NDE_vib_rms": +1,
        # A 1x sinusoid has kurtosis 1.5: it pulls the bearing's kurtosis below 3.
        "pump_data.NDE_vib_kurtosis": -1,
    },
    "cavitation": {
        "pump_data.suction_pressure": -1,
        "pump_data.discharge_pressure": -1,
        "pump_data.DE_vib_rms": +1,
    },
    "motor_overheating": {
        "motor_data.DE_temp": +1,
        "motor_data.NDE_temp": +1,
        "motor_data.current": +1,
    },
}


def welch(a: list[float], b: list[float]) -> tuple[float, float]:
    """Welch's t statistic of mean(b) - mean(a), and Cohen's d with the pooled SD."""
    ma, mb = statistics.fmean(a), statistics.fmean(b)
    va, vb = statistics.variance(a), statistics.variance(b)
    t = (mb - ma) / math.sqrt(va / len(a) + vb / len(b))
    d = (mb - ma) / math.sqrt((va + vb) / 2)
    return t, d


def columns(rows: list[list[float]]) -> dict[str, list[float]]:
    return {name: [r[i] for r in rows] for i, name in enumerate(PLANT_FEATURES)}


def by_class(
    n: int, seed: int, severity: tuple[float, float] = (0.3, 1.0)
) -> dict[str, dict[str, list[float]]]:
    rows, labels = generate_dataset(n, seed, severity=severity)
    out = {}
    for cls in PLANT_CLASSES:
        out[cls] = columns([r for r, label in zip(rows, labels, strict=True) if label == cls])
    return out


@pytest.fixture(scope="module")
def dataset() -> dict[str, dict[str, list[float]]]:
    return by_class(300, seed=7, severity=(0.5, 1.0))


# --------------------------------------------------------------------------- determinism


def test_sample_is_deterministic_in_seed_asset_and_time() -> None:
    a = Plant(seed=3, cycle=Cycle())
    b = Plant(seed=3, cycle=Cycle())
    for t in (0.0, 1.0, 95.0, 1234.5):
        for asset in ASSETS:
            assert a.sample(asset, t) == b.sample(asset, t)
    assert a.sample(ASSETS[0], 5.0) != Plant(seed=4).sample(ASSETS[0], 5.0)
    assert a.sample(ASSETS[0], 5.0) != a.sample(ASSETS[0], 6.0)
    assert a.sample(ASSETS[0], 5.0) != a.sample(ASSETS[1], 5.0)


def test_dataset_is_deterministic_and_balanced() -> None:
    rows, labels = generate_dataset(20, 11)
    assert (rows, labels) == generate_dataset(20, 11)
    assert generate_dataset(20, 12)[0] != rows
    assert len(rows) == 20 * len(PLANT_CLASSES)
    assert Counter(labels) == dict.fromkeys(PLANT_CLASSES, 20)
    assert all(len(r) == len(PLANT_FEATURES) for r in rows)
    assert all(math.isfinite(v) for r in rows for v in r)


def test_dataset_rejects_bad_severity() -> None:
    with pytest.raises(ValueError, match="severity"):
        generate_dataset(1, 1, severity=(0.0, 1.0))
    with pytest.raises(ValueError, match="severity"):
        generate_dataset(1, 1, severity=(0.8, 0.5))


def test_sample_has_exactly_the_plant_features_in_order() -> None:
    values = Plant().sample(ASSETS[0], 10.0)
    assert tuple(values) == PLANT_FEATURES
    nested = nest(values)
    assert tuple(nested["motor_data"]) == MOTOR_POINTS
    assert tuple(nested["pump_data"]) == PUMP_POINTS


def test_normal_values_are_in_plausible_ranges(dataset: dict[str, dict[str, list[float]]]) -> None:
    normal = dataset["normal"]
    mean = {k: statistics.fmean(v) for k, v in normal.items()}
    assert 40 <= mean["motor_data.DE_temp"] <= 50
    assert 35 <= mean["motor_data.NDE_temp"] <= 50
    for name, value in mean.items():
        if name.endswith("_vib_rms"):
            assert 1.0 <= value <= 3.0, name
        if name.endswith("_vib_kurtosis"):
            assert 2.8 <= value <= 3.2, name
        if name.endswith("_vib_peak"):
            assert 2.0 * mean[name.replace("peak", "rms")] <= value, name
    assert 25 <= mean["motor_data.current"] <= 35
    assert 0.8 <= mean["pump_data.suction_pressure"] <= 1.6
    assert mean["pump_data.discharge_pressure"] > mean["pump_data.suction_pressure"] + 2
    assert 80 <= mean["pump_data.flow"] <= 130


# --------------------------------------------------------------------------- fault signatures


@pytest.mark.parametrize("fault", FAULTS)
def test_each_fault_is_distinguishable_from_normal_in_its_signature(
    fault: str, dataset: dict[str, dict[str, list[float]]]
) -> None:
    normal, faulty = dataset["normal"], dataset[fault]
    for i, (feature, direction) in enumerate(SIGNATURES[fault].items()):
        t, d = welch(normal[feature], faulty[feature])
        # 300 vs 300 samples: |t| > 6 is far beyond chance (p < 1e-8). The primary feature
        # must also show a large effect (Cohen's d > 0.8); secondary ones, which load
        # and ambient drift partly mask (current, flow), at least a small-to-medium one.
        assert direction * t > 6, f"{fault}: {feature} t={t:.1f}"
        assert direction * d > (0.8 if i == 0 else 0.3), f"{fault}: {feature} d={d:.2f}"


def test_cavitation_makes_flow_fluctuate() -> None:
    params = AssetParams.draw(random.Random(3))
    op = Operating(ambient=21.0, speed=0.95, valve=0.9, level=0.0)

    def flows(fault: str, severity: float) -> list[float]:
        return [
            simulate_reading(params, op, fault, severity, 300.0, random.Random(i))["pump_data.flow"]
            for i in range(300)
        ]

    normal, cavitating = flows("normal", 0.0), flows("cavitation", 0.8)
    # Same operating point: the spread is the flow's own fluctuation.
    assert statistics.stdev(cavitating) > 3 * statistics.stdev(normal)
    assert statistics.fmean(cavitating) < statistics.fmean(normal)


def test_signatures_are_specific() -> None:
    """A fault leaves the other machine's signals alone: overheating does not shake the
    pump, a pump bearing does not heat the motor, imbalance does not raise kurtosis."""
    data = by_class(300, seed=8, severity=(0.5, 1.0))
    normal = data["normal"]
    quiet = {
        "motor_overheating": ["pump_data.DE_vib_rms", "pump_data.DE_vib_kurtosis"],
        "pump_bearing_outer_race": ["motor_data.DE_temp", "motor_data.DE_vib_kurtosis"],
        "imbalance": ["pump_data.DE_temp", "motor_data.current"],
        "cavitation": ["motor_data.DE_temp", "motor_data.DE_vib_kurtosis"],
    }
    for fault, features in quiet.items():
        for feature in features:
            _, d = welch(normal[feature], data[fault][feature])
            assert abs(d) < 0.3, f"{fault} moved {feature} (d={d:.2f})"


def test_mild_faults_overlap_normal() -> None:
    """At low severity the signature is weak: such samples look almost normal."""
    mild = by_class(200, seed=9, severity=(0.05, 0.1))
    severe = by_class(200, seed=9, severity=(0.9, 1.0))
    for fault, signature in SIGNATURES.items():
        feature = next(iter(signature))
        _, d_mild = welch(mild["normal"][feature], mild[fault][feature])
        _, d_severe = welch(severe["normal"][feature], severe[fault][feature])
        assert abs(d_mild) < abs(d_severe) / 2, f"{fault}: {d_mild:.2f} vs {d_severe:.2f}"
        assert abs(d_mild) < 1.5, f"{fault}: mild still far from normal (d={d_mild:.2f})"


def _gaussian_nb(
    train: tuple[list[list[float]], list[str]],
) -> dict[str, list[tuple[float, float]]]:
    rows, labels = train
    model = {}
    for cls in PLANT_CLASSES:
        cols = zip(*(r for r, label in zip(rows, labels, strict=True) if label == cls), strict=True)
        model[cls] = [(statistics.fmean(c), statistics.pstdev(c) + 1e-6) for c in cols]
    return model


def _predict(model: dict[str, list[tuple[float, float]]], row: list[float]) -> str:
    def loglik(params: list[tuple[float, float]]) -> float:
        return sum(
            -math.log(sd) - 0.5 * ((v - m) / sd) ** 2
            for v, (m, sd) in zip(row, params, strict=True)
        )

    return max(model, key=lambda cls: loglik(model[cls]))


def test_a_simple_classifier_separates_classes_well_but_not_perfectly() -> None:
    model = _gaussian_nb(generate_dataset(150, 21))
    rows, labels = generate_dataset(150, 22)
    predicted = [_predict(model, r) for r in rows]
    f1 = []
    for cls in PLANT_CLASSES:
        pairs = list(zip(labels, predicted, strict=True))
        tp = sum(1 for a, b in pairs if a == cls and b == cls)
        fp = sum(1 for a, b in pairs if a != cls and b == cls)
        fn = sum(1 for a, b in pairs if a == cls and b != cls)
        f1.append(2 * tp / (2 * tp + fp + fn))
    macro = statistics.fmean(f1)
    # Learnable (every fault has a signature) yet with overlap (mild faults, noise).
    assert 0.8 < macro < 0.99, macro


def test_imbalance_grows_with_speed() -> None:
    params = AssetParams.draw(random.Random(1))

    def excess_rms(speed: float) -> float:
        op = Operating(ambient=21.0, speed=speed, valve=0.9, level=0.0)
        n = 300
        faulty = [
            simulate_reading(params, op, "imbalance", 1.0, 300.0, random.Random(i))
            for i in range(n)
        ]
        normal = [
            simulate_reading(params, op, "normal", 0.0, 0.0, random.Random(i)) for i in range(n)
        ]
        key = "pump_data.NDE_vib_rms"
        return statistics.fmean(
            f[key] ** 2 - m[key] ** 2 for f, m in zip(faulty, normal, strict=True)
        )

    # The 1x component's velocity amplitude goes as speed: its power as speed².
    ratio = math.sqrt(excess_rms(1.0) / excess_rms(0.8))
    assert 1.15 < ratio < 1.35, ratio


def test_drift_moves_ambient_and_load_over_time() -> None:
    params = AssetParams.draw(random.Random(2))
    points = [operating_point(params, t) for t in range(0, 86400, 600)]
    ambient = [p.ambient for p in points]
    speed = [p.speed for p in points]
    assert max(ambient) - min(ambient) > 3
    assert max(speed) - min(speed) > 0.1
    assert all(0.79 <= s <= 1.01 for s in speed)


# --------------------------------------------------------------------------- schedule


def test_parse_fault_spec() -> None:
    e = parse_fault("industrial_sensor_1:pump_bearing_cage_defect@60+120")
    assert e == FaultEvent("industrial_sensor_1", 60.0, 120.0, "pump_bearing_cage_defect", 1.0)
    e = parse_fault(" pump-7:cavitation@0.5+10*0.25 ")
    assert (e.asset, e.start, e.duration, e.fault, e.severity) == (
        "pump-7",
        0.5,
        10.0,
        "cavitation",
        0.25,
    )


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("industrial_sensor_1:cavitation", "expected ASSET:FAULT@START"),
        ("industrial_sensor_1:cavitation@60", "expected ASSET:FAULT@START"),
        ("cavitation@60+10", "expected ASSET:FAULT@START"),
        ("industrial_sensor_1:cavitation@-5+10", "expected ASSET:FAULT@START"),
        ("industrial_sensor_1:rust@60+10", "unknown fault 'rust'"),
        ("industrial_sensor_1:normal@60+10", "unknown fault 'normal'"),
        ("industrial_sensor_1:imbalance@60+0", "duration > 0"),
        ("industrial_sensor_1:imbalance@60+10*1.5", "severity must be in"),
        ("industrial_sensor_1:imbalance@60+10*0", "severity must be in"),
    ],
)
def test_parse_fault_errors(spec: str, message: str) -> None:
    with pytest.raises(ScheduleError, match=message.replace("*", r"\*").replace("+", r"\+")):
        parse_fault(spec)


def test_plant_rejects_schedule_for_unknown_asset() -> None:
    with pytest.raises(ScheduleError, match=r"unknown asset.*pump_9"):
        Plant(schedule=[parse_fault("pump_9:imbalance@0+10")])


def test_schedule_sets_the_label_and_ramps_severity() -> None:
    plant = Plant(seed=1, schedule=[parse_fault("industrial_sensor_2:misalignment@100+200*0.8")])
    assert plant.label("industrial_sensor_2", 99.9) == "normal"
    assert plant.label("industrial_sensor_2", 100.0) == "misalignment"
    assert plant.label("industrial_sensor_2", 299.0) == "misalignment"
    assert plant.label("industrial_sensor_2", 300.0) == "normal"
    assert plant.label("industrial_sensor_1", 150.0) == "normal"
    _, sev_start, _ = plant.state("industrial_sensor_2", 100.0)
    _, sev_late, _ = plant.state("industrial_sensor_2", 250.0)
    assert sev_start < sev_late == pytest.approx(0.8)
    # At onset the machine still looks close to normal; later the DE vibration is up.
    key = "motor_data.DE_vib_rms"
    onset = statistics.fmean(
        plant.sample("industrial_sensor_2", 100 + i / 100)[key] for i in range(50)
    )
    late = statistics.fmean(
        plant.sample("industrial_sensor_2", 250 + i / 100)[key] for i in range(50)
    )
    before = statistics.fmean(
        plant.sample("industrial_sensor_2", 90 + i / 100)[key] for i in range(50)
    )
    assert before < onset < late


def test_cycle_walks_every_fault_and_assets_differ() -> None:
    cycle = Cycle(normal_s=90, fault_s=60)
    plant = Plant(seed=5, cycle=cycle)
    period = int((cycle.normal_s + cycle.fault_s) * len(FAULTS))
    seen = Counter(plant.label(ASSETS[0], float(t)) for t in range(period))
    assert set(seen) == set(PLANT_CLASSES)
    assert seen["normal"] == 90 * len(FAULTS)
    assert all(seen[f] == 60 for f in FAULTS)
    assert plant.label(ASSETS[0], 0.0) == "normal"  # the demo starts healthy
    faulty_at = [
        {plant.label(a, float(t)) for a in ASSETS} - {"normal"} for t in range(0, period, 10)
    ]
    assert any(len(s) >= 2 for s in faulty_at)  # several assets faulty at once, differently


def test_schedule_takes_precedence_over_cycle() -> None:
    plant = Plant(cycle=Cycle(), schedule=[parse_fault("industrial_sensor_1:imbalance@0+30")])
    assert plant.label("industrial_sensor_1", 10.0) == "imbalance"


# --------------------------------------------------------------------------- config and CLI args


def test_config_defaults_suit_the_demo() -> None:
    cfg = SimulatorConfig()
    assert [(a.name, a.protocol) for a in cfg.assets] == [
        ("industrial_sensor_1", "mqtt"),
        ("industrial_sensor_2", "modbus"),
        ("industrial_sensor_3", "opcua"),
    ]
    assert cfg.interval == 1.0 and cfg.cycle.enabled
    assert parse_config({"simulator": {"seed": 3}}).simulator.seed == 3


@pytest.mark.parametrize(
    ("tree", "path", "reason"),
    [
        ({"seeds": 1}, "simulator.seeds", "unknown key"),
        ({"interval": 0}, "simulator.interval", "greater than 0"),
        (
            {
                "faults": [
                    {"asset": "industrial_sensor_1", "fault": "rust", "start": 0, "duration": 1}
                ]
            },
            "simulator.faults[0].fault",
            "unknown fault 'rust'",
        ),
        (
            {"faults": [{"asset": "nobody", "fault": "imbalance", "start": 0, "duration": 1}]},
            "simulator",
            "unknown asset(s): nobody",
        ),
        (
            {"assets": [{"name": "a", "protocol": "mqtt"}, {"name": "a", "protocol": "opcua"}]},
            "simulator",
            "unique",
        ),
        (
            {"assets": [{"name": "a", "protocol": "profibus"}]},
            "simulator.assets[0].protocol",
            "'mqtt'",
        ),
        ({"opcua": {"cert_file": "x.pem"}}, "simulator.opcua", "go together"),
    ],
)
def test_config_errors_name_the_key(tree: dict[str, object], path: str, reason: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config({"simulator": tree}, "sim.yaml")
    assert any(p == path and reason in r for p, r in info.value.problems), info.value.problems


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    sim_cli.register(parser.add_subparsers(dest="command"))
    return parser.parse_args(["simulate", *argv])


def test_cli_flags_override_config(tmp_path: Path) -> None:
    path = tmp_path / "gw.yaml"
    path.write_text("simulator:\n  seed: 5\n  interval: 2.0\n  modbus:\n    port: 1502\n")
    cfg, faults = sim_cli.config_from_args(_args("--config", str(path), "--interval", "0.5"))
    assert (cfg.seed, cfg.interval, cfg.modbus.port) == (5, 0.5, 1502)
    assert faults == [] and cfg.cycle.enabled
    cfg, faults = sim_cli.config_from_args(
        _args("--fault", "industrial_sensor_3:motor_overheating@10+50", "--opcua-port", "4999")
    )
    assert faults == [parse_fault("industrial_sensor_3:motor_overheating@10+50")]
    assert not cfg.cycle.enabled  # an explicit schedule replaces the demo cycle...
    cfg, _ = sim_cli.config_from_args(
        _args("--fault", "industrial_sensor_3:imbalance@1+2", "--cycle")
    )
    assert cfg.cycle.enabled  # ...unless asked for
    assert cfg.opcua.port == 4840


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--fault", "industrial_sensor_1:rust@1+2"], "--fault: unknown fault 'rust'"),
        (["--fault", "nobody:imbalance@1+2"], "--fault: unknown asset(s) nobody"),
        (["--fault", "garbage"], "--fault: bad fault spec"),
        (["--protocols", "mqtt,profibus"], "--protocols: unknown profibus"),
        (["--interval", "-1"], "interval"),
        (["--modbus-port", "70000"], "modbus.port"),
        (["--config", "/nonexistent/gw.yaml"], "file not found"),
        (["--duration", "0"], "--duration must be > 0"),
    ],
)
def test_cli_bad_input_exits_2_with_a_message(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert sim_cli.cmd_simulate(_args(*argv)) == 2
    assert message in capsys.readouterr().err
