"""The model life cycle through the CLI: train, compile, build, info, activate, export-feedback."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from typing import Any

import pytest

from gateway.features import PLANT_CLASSES, PLANT_FEATURES
from gateway.model import ModelError
from gateway.model.cli import main, register
from gateway.model.feedback import export_feedback, read_feedback
from gateway.model.metrics import evaluate, format_metrics

pytest_plugins = ["tests.support.model"]  # the shared model fixtures


def _records() -> list[dict[str, object]]:
    values = {name: float(i) for i, name in enumerate(PLANT_FEATURES)}
    return [
        {"sensor_id": "pump-1", "timestamp": 1700000000.5, "values": values, "label": "cavitation"},
        {
            "sensor_id": "pump-1",
            "timestamp": 1700000001.0,
            "values": {**values, "pump_data.flow": None},
            "label": "normal",
        },
        {
            "sensor_id": "pump-2",
            "timestamp": 1700000002.0,
            "values": {"motor_data": {"DE_temp": 71.5}, "pump_data": {"flow": 30.0}},
            "label": "motor_overheating",
        },
        {"sensor_id": "pump-3", "timestamp": 1.0, "values": values, "label": "gremlins"},
        {"sensor_id": "pump-3", "timestamp": 2.0, "values": {"other": 1.0}, "label": "normal"},
    ]


def test_metrics_from_a_known_confusion() -> None:
    classes = ("a", "b", "c")
    truth = [0, 0, 0, 0, 1, 1, 1, 1]
    predicted = [0, 0, 0, 1, 1, 1, 0, 0]
    m = evaluate(truth, predicted, classes)
    assert m["confusion"] == [[3, 1, 0], [2, 2, 0], [0, 0, 0]]
    assert m["per_class"]["a"] == {"precision": 0.6, "recall": 0.75, "f1": 0.6667, "support": 4}
    assert m["per_class"]["b"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["macro_f1"] == pytest.approx(
        (2 * 0.6 * 0.75 / 1.35 + 2 * (2 / 3) * 0.5 / (2 / 3 + 0.5)) / 2, abs=1e-4
    )
    assert m["accuracy"] == 0.625
    table = format_metrics(m, classes)
    assert "macro-F1 0.6" in table and "confusion matrix" in table


def test_export_feedback_writes_training_csv_and_skips_what_cannot_train(tmp_path: Path) -> None:
    out = tmp_path / "feedback.csv"
    result = export_feedback(_records(), out)
    assert (result.written, result.skipped) == (3, 2)
    assert result.reasons == {
        "label not among the model's classes": 1,
        "none of the model's features": 1,
    }
    with open(out, newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["sensor_id", "timestamp", *PLANT_FEATURES, "label", "drifted"]
    assert rows[0]["label"] == "cavitation" and rows[0]["pump_data.flow"] == "19.0"
    assert {r["drifted"] for r in rows} == {"0"} and result.drifted == 0
    assert rows[1]["pump_data.flow"] == ""  # missing stays missing
    assert rows[2]["motor_data.DE_temp"] == "71.5" and rows[2]["motor_data.NDE_temp"] == ""
    # Read back (the CSV form of the feedback input) it is the same records.
    again = list(read_feedback(out))
    assert [r["label"] for r in again] == ["cavitation", "normal", "motor_overheating"]
    assert again[2]["values"] == {"motor_data.DE_temp": 71.5, "pump_data.flow": 30.0}


def test_export_marks_readings_taken_during_drift_and_training_weighs_them(
    tmp_path: Path,
) -> None:
    """The drift periods the gateway recorded mark the feedback taken during them; training
    reads the mark (weighs those rows, or leaves them out)."""
    pytest.importorskip("xgboost")
    from gateway.model import train

    out = tmp_path / "feedback.csv"
    periods = [
        {"sensor_id": "pump-1", "start": 1700000000.0, "end": 1700000000.9},  # the first
        {"sensor_id": "pump-2", "start": 1700000001.5, "end": None},  # still open
        {"sensor_id": "pump-9", "start": 0.0, "end": 2e9},  # another asset
    ]
    result = export_feedback(_records(), out, drift_periods=periods)
    assert (result.written, result.drifted) == (3, 2)
    with open(out, newline="") as f:
        assert [r["drifted"] for r in csv.DictReader(f)] == ["1", "0", "1"]
    data = train.csv_dataset(out, PLANT_FEATURES)
    assert data.marks() == [True, False, True]
    assert data.sources[0]["drifted_rows"] == 2
    both = train.Dataset()
    both.extend(train.simulator_dataset(2, 1))
    both.extend(data)
    assert both.marks() == [False] * 18 + [True, False, True]
    kept = train._drift_policy(both, train.TrainParams(drifted="exclude"))
    assert len(kept.rows) == 19 and not any(kept.marks())
    record = train.train(
        both,
        tmp_path / "t",
        features=PLANT_FEATURES,
        classes=PLANT_CLASSES,
        params=train.TrainParams(rounds=2, max_depth=2, drift_weight=3.0),
        progress=False,
    )
    assert record["training"]["drifted"] == {"rows": 2, "policy": "weight", "weight": 3.0}


def test_export_feedback_command_from_jsonl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "labels.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in _records()) + "\n")
    out = tmp_path / "out.csv"
    assert main(["model", "export-feedback", "--from", str(source), "--out", str(out)]) == 0
    assert "3 labelled readings written" in capsys.readouterr().out
    source.write_text("{broken\n")
    assert main(["model", "export-feedback", "--from", str(source), "--out", str(out)]) == 1
    assert "labels.jsonl:1: not JSON" in capsys.readouterr().err


def test_train_compile_build_info_activate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("xgboost")
    train_dir = tmp_path / "train"
    package = tmp_path / "tiny"
    assert (
        main(
            [
                "model",
                "train",
                "--simulator",
                "30",
                "--rounds",
                "3",
                "--depth",
                "2",
                "--no-progress",
                "--out",
                str(train_dir),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "270 rows from simulator" in out and "macro-F1" in out and "confusion matrix" in out
    assert main(["model", "compile", str(train_dir), str(package), "--parallel-comp", "2"]) == 0
    manifest = json.loads((package / "manifest.json").read_text())
    assert manifest["name"] == "tiny" and manifest["features"] == list(PLANT_FEATURES)
    assert manifest["classes"] == list(PLANT_CLASSES)
    assert set(manifest["tools"]) >= {"xgboost", "treelite", "tl2cgen"}
    assert manifest["metrics"]["per_class"]["normal"]["support"] > 0
    assert manifest["training"]["params"]["rounds"] == 3
    assert main(["model", "build", str(package)]) == 0
    assert "built in" in capsys.readouterr().out
    assert main(["model", "build", str(package)]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["model", "info", str(package)]) == 0
    info = capsys.readouterr().out
    assert "package   tiny" in info and "(this machine)" in info and "macro-F1" in info
    assert main(["model", "activate", str(package)]) == 0
    assert "verified against its golden file (compiled)" in capsys.readouterr().out


def test_activate_calls_the_hook_and_refuses_a_bad_package(
    default_package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[tuple[Path, str]] = []

    def record(args: argparse.Namespace, path: Path, model: Any) -> int:
        calls.append((path, model.name))
        return 0

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"), on_activate=record)
    args = parser.parse_args(["model", "activate", str(default_package), "--no-build"])
    assert args.func(args) == 0
    assert calls == [(default_package, "pump_motor")]
    args = parser.parse_args(["model", "activate", str(tmp_path)])
    assert args.func(args) == 1
    assert "not a model package" in capsys.readouterr().err and len(calls) == 1


def test_train_from_csv_and_feedback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("xgboost")
    from gateway.simulator.plant import generate_dataset

    rows, labels = generate_dataset(20, 3)
    data = tmp_path / "plant.csv"
    with open(data, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([*PLANT_FEATURES, "label"])
        for row, label in zip(rows, labels, strict=True):
            writer.writerow([*(row[:-1]), "", label])  # flow unknown: an empty cell
    feedback = tmp_path / "feedback.csv"
    export_feedback(_records(), feedback)
    out = tmp_path / "train"
    assert (
        main(
            [
                "model",
                "train",
                "--csv",
                str(data),
                "--csv",
                str(feedback),
                "--rounds",
                "2",
                "--depth",
                "2",
                "--no-progress",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert "183 rows from csv, csv" in capsys.readouterr().out
    record = json.loads((out / "training.json").read_text())
    assert [s["kind"] for s in record["training"]["data"]] == ["csv", "csv"]
    assert record["training"]["rows_per_class"]["cavitation"] == 21


@pytest.mark.parametrize(
    ("header", "line", "message"),
    [
        (["label"], ["normal"], "missing .*motor_data.DE_temp"),
        (
            [*PLANT_FEATURES, "label", "colour"],
            ["1"] * 20 + ["normal", "red"],
            r"unknown \['colour'\]",
        ),
        (
            [*PLANT_FEATURES, "label"],
            ["1"] * 19 + ["x", "normal"],
            "plant.csv:2: not a number: 'x'",
        ),
        ([*PLANT_FEATURES, "label"], ["1"] * 20 + [""], "plant.csv:2: empty label"),
        ([*PLANT_FEATURES, "label"], ["1"] * 20 + ["gremlins"], r"labels \['gremlins'\] are not"),
    ],
)
def test_bad_training_csv_is_refused(
    tmp_path: Path, header: list[str], line: list[str], message: str
) -> None:
    pytest.importorskip("xgboost")
    from gateway.model import train

    path = tmp_path / "plant.csv"
    with open(path, "w", newline="") as f:
        csv.writer(f).writerows([header, line])
    with pytest.raises(ModelError, match=message):
        data = train.load_datasets(features=PLANT_FEATURES, csv_paths=[path])
        train.train(
            data, tmp_path / "out", features=PLANT_FEATURES, classes=PLANT_CLASSES, progress=False
        )


def test_info_of_the_committed_package(
    default_package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["model", "info", str(default_package)]) == 0
    out = capsys.readouterr().out
    assert "package   pump_motor" in out and "classes   9" in out
    assert main(["model", "info", str(default_package), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "pump_motor"


def test_activate_swaps_in_a_running_gateway_and_records_it(
    default_package: Path, tmp_path: Path
) -> None:
    """`aastreli model activate` reaches the running gateway over its control socket."""
    import asyncio
    import subprocess
    import sys
    import threading

    import yaml

    from gateway.config import parse_config
    from gateway.runtime import Gateway
    from gateway.state.store import read_table

    data = tmp_path / "data"
    tree = {
        "gateway": {"data_dir": str(data)},
        "web": {"enabled": False},
        "model": {"package": None},
    }
    cfg_file = tmp_path / "g.yaml"
    cfg_file.write_text(yaml.safe_dump(tree))
    gw = Gateway(parse_config(tree))
    loop = asyncio.new_event_loop()
    thread = threading.Thread(
        target=loop.run_until_complete, args=(gw.run(install_signals=False),), daemon=True
    )
    thread.start()
    try:
        assert gw.ready.wait(30)
        assert gw.model.active.name != "pump_motor"
        res = subprocess.run(
            [
                sys.executable,
                "-m",
                "gateway",
                "model",
                "activate",
                str(default_package),
                "--no-build",
                "--config",
                str(cfg_file),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert res.returncode == 0, res.stderr
        assert "active in the running gateway: pump_motor" in res.stdout
        assert gw.model.active.name == "pump_motor"
    finally:
        loop.call_soon_threadsafe(gw.request_stop)
        thread.join(30)
    kv = {d["key"]: d["value"] for d in read_table(data, "kv")}
    assert kv["active_model"] == str(default_package.resolve())
    assert [d["name"] for d in read_table(data, "model_history")] == ["pump_motor"]


def test_export_feedback_reads_the_gateways_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import yaml

    from gateway.state.store import Store

    data = tmp_path / "data"
    store = Store(data)
    for r in _records():
        store.insert("feedback", {**r, "reading_id": 1, "predicted": "normal", "user": "op"})
    store.close()
    cfg_file = tmp_path / "g.yaml"
    cfg_file.write_text(yaml.safe_dump({"gateway": {"data_dir": str(data)}}))
    out = tmp_path / "feedback.csv"
    assert main(["model", "export-feedback", "--config", str(cfg_file), "--out", str(out)]) == 0
    assert "3 labelled readings written" in capsys.readouterr().out
    with open(out, newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["label"] for r in rows] == ["cavitation", "normal", "motor_overheating"]
