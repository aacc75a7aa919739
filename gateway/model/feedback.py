"""Operator feedback to training CSV: the labels a plant gives, with the readings they refer to.

``export_feedback`` takes records shaped like the state store's feedback entries
(``sensor_id``, ``timestamp``, ``values`` as a feature dict, ``label``) and writes the CSV
``aastreli model train --csv`` reads: ``sensor_id``, ``timestamp``, one column per feature
(an empty cell is a missing value), ``label`` and ``drifted``: 1 when the reading was
taken while its asset's drift state was not ``ok`` (the drift periods the gateway
records, gateway.model.drift_records), which training weighs more or leaves out.
A label on an episode (a time range of one asset, gateway.read.feedback) gives a row per
reading it copied; a reading labelled more than once gets one row, with the newest label.
``read_feedback`` loads such records from a JSONL or CSV file.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gateway.features import PLANT_CLASSES, PLANT_FEATURES, flatten_seed_payload
from gateway.model.errors import ModelError

log = logging.getLogger("gateway.model")


@dataclass
class ExportResult:
    written: int = 0
    skipped: int = 0
    drifted: int = 0  # rows written with drifted = 1
    reasons: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped += 1
        self.reasons[reason] = self.reasons.get(reason, 0) + 1


def export_feedback(
    records: Iterable[dict[str, Any]],
    out_path: Path,
    *,
    features: Sequence[str] = PLANT_FEATURES,
    classes: Sequence[str] = PLANT_CLASSES,
    drift_periods: Iterable[dict[str, Any]] = (),
) -> ExportResult:
    """Write labelled readings as training CSV; records that cannot train are skipped, counted.

    A record is skipped when its label is not one of the model's classes or it carries
    none of the features. ``drift_periods`` (``sensor_id``, ``start``, ``end``: null while
    open) mark the records taken during them. The file is written beside ``out_path``
    and renamed into place.
    """
    out_path = Path(out_path)
    result = ExportResult()
    tmp = out_path.with_name(f".{out_path.name}.tmp")
    known = set(classes)
    drifted = DriftPeriods(drift_periods)
    try:
        with open(tmp, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["sensor_id", "timestamp", *features, "label", "drifted"])
            for record in per_reading(records):
                row = _csv_row(record, features, known, result)
                if row is not None:
                    mark = drifted.covers(record.get("sensor_id"), record.get("timestamp"))
                    writer.writerow([*row, "1" if mark else "0"])
                    result.written += 1
                    result.drifted += mark
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, out_path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise ModelError(f"{out_path}: cannot write the feedback export: {err}") from err
    if result.skipped:
        log.warning("feedback export skipped %d records: %s", result.skipped, result.reasons)
    return result


def per_reading(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per labelled reading: an episode's label is spread over the readings it
    copied; of several labels of one reading (asset and time) the last given wins."""
    out: dict[tuple[str, Any], dict[str, Any]] = {}
    loose: list[dict[str, Any]] = []
    for record in records:
        copies = record.get("readings")
        if not isinstance(copies, list):
            key = (str(record.get("sensor_id", "")), record.get("timestamp"))
            if key[1] is None:
                loose.append(record)  # no time to tell it apart: kept as it is
            else:
                out.pop(key, None)
                out[key] = record
            continue
        for copy in copies:
            if not isinstance(copy, dict):
                continue
            row = {**copy, "sensor_id": record.get("sensor_id"), "label": record.get("label")}
            key = (str(row["sensor_id"]), row.get("timestamp"))
            out.pop(key, None)
            out[key] = row
    return [*out.values(), *loose]


class DriftPeriods:
    """The drift periods per asset, asked whether a reading's time falls in one."""

    def __init__(self, periods: Iterable[dict[str, Any]]) -> None:
        self._by: dict[str, list[tuple[float, float]]] = {}
        for p in periods:
            start, end = p.get("start"), p.get("end")
            if not isinstance(start, int | float):
                continue
            stop = float(end) if isinstance(end, int | float) else math.inf  # still open
            self._by.setdefault(str(p.get("sensor_id")), []).append((float(start), stop))

    def covers(self, sensor_id: Any, timestamp: Any) -> bool:
        if not isinstance(timestamp, int | float):
            return False
        return any(a <= timestamp <= b for a, b in self._by.get(str(sensor_id), ()))


def _csv_row(
    record: dict[str, Any], features: Sequence[str], known: set[str], result: ExportResult
) -> list[str] | None:
    label = record.get("label")
    if not isinstance(label, str) or label not in known:
        result.skip("label not among the model's classes")
        return None
    values = record.get("values")
    if not isinstance(values, dict):
        result.skip("no values")
        return None
    if any(isinstance(v, dict) for v in values.values()):
        values = flatten_seed_payload(values)  # the seed's nested payload shape
    cells = [_cell(values.get(name)) for name in features]
    if all(c == "" for c in cells):
        result.skip("none of the model's features")
        return None
    return [str(record.get("sensor_id", "")), _cell(record.get("timestamp")), *cells, label]


def _cell(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return ""
    return repr(float(value))


def read_feedback(
    path: Path, *, features: Sequence[str] = PLANT_FEATURES
) -> Iterator[dict[str, Any]]:
    """Feedback records from a JSONL file (one record per line) or a CSV in export shape."""
    path = Path(path)
    try:
        if path.suffix.lower() == ".csv":
            yield from _read_csv(path, features)
        else:
            yield from _read_jsonl(path)
    except OSError as err:
        raise ModelError(f"{path}: cannot read feedback: {err}") from err


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as err:
                raise ModelError(f"{path}:{n}: not JSON: {err}") from err
            if not isinstance(record, dict):
                raise ModelError(f"{path}:{n}: a record must be a JSON object")
            yield record


def _read_csv(path: Path, features: Sequence[str]) -> Iterator[dict[str, Any]]:
    with open(path, newline="", encoding="utf-8") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            values: dict[str, float] = {}
            for name in features:
                text = (row.get(name) or "").strip()
                if text:
                    try:
                        values[name] = float(text)
                    except ValueError as err:
                        raise ModelError(f"{path}:{n}: {name} is not a number: {text!r}") from err
            text = (row.get("timestamp") or "").strip()
            try:
                timestamp = float(text) if text else None
            except ValueError as err:
                raise ModelError(f"{path}:{n}: timestamp is not a number: {text!r}") from err
            yield {
                "sensor_id": row.get("sensor_id", ""),
                "timestamp": timestamp,
                "values": values,
                "label": (row.get("label") or "").strip(),
            }
