"""Words for what the UI shows: fault classes in words, and every plant value with its unit.

Fault names: the model package's manifest may carry ``display_names`` (class → words);
any class it does not name is humanised: underscores and dashes become spaces and the
first letter is capitalised (``pump_bearing_cage_defect`` → "Pump bearing cage defect").
The raw class stays in the API and in feedback labels; only the pages use the words.

Values: the pump-motor set's points (``gateway.features.PLANT_FEATURES``) with the
units of docs/simulator.md; a feature this table does not know is shown by its name,
without a unit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from gateway.facade import GROUP_TEXT, PLANT_CLASSES, POINT_TEXT
from webui.context import services

_GROUPS = GROUP_TEXT
# point -> (words, unit), the table gateway.features keeps for packages and explanations.
_POINTS: dict[str, tuple[str, str]] = POINT_TEXT
_SHORT = {"temperature": "temp.", "vibration": "vib.", "pressure": "press."}
_SEPARATORS = re.compile(r"[_\-\s]+")


def known_labels() -> list[str]:
    """The plant's classes and those of the active model."""
    info = services().facade.model_info() or {}
    classes = info.get("classes") if isinstance(info, dict) else None
    labels = list(PLANT_CLASSES)
    if isinstance(classes, list):
        labels += [c for c in classes if isinstance(c, str) and c not in labels]
    return labels


def humanise(cls: str) -> str:
    """``pump_bearing_cage_defect`` → "Pump bearing cage defect"."""
    words = _SEPARATORS.sub(" ", cls).strip()
    return words[:1].upper() + words[1:] if words else cls


def fault_names(classes: Iterable[str], manifest_names: Any = None) -> dict[str, str]:
    """Each class's words: the manifest's ``display_names`` first, else humanised."""
    given = manifest_names if isinstance(manifest_names, Mapping) else {}
    out = {}
    for cls in classes:
        name = given.get(cls)
        out[cls] = name.strip() if isinstance(name, str) and name.strip() else humanise(cls)
    return out


def fault_name(names: Mapping[str, str], cls: Any) -> str:
    if cls is None or cls == "":
        return "no prediction"
    return names.get(str(cls)) or humanise(str(cls))


def feature(name: str) -> dict[str, str]:
    """``{"name", "label", "short", "unit"}`` of a feature such as ``motor_data.DE_temp``."""
    group, _, point = name.partition(".")
    words, unit = _POINTS.get(point, (point or name, ""))
    prefix = _GROUPS.get(group, group)
    short = " ".join(_SHORT.get(w, w) for w in words.split(" "))
    return {
        "name": name,
        "label": f"{prefix} {words}" if point else name,
        "short": f"{prefix} {short}" if point else name,
        "unit": unit,
    }


def features_json(names: Iterable[str]) -> str:
    """The features' words and units for the page's script (a ``data-`` attribute)."""
    return json.dumps([feature(n) for n in names], ensure_ascii=False)


def with_unit(value: Any, unit: str, digits: int = 2) -> str:
    if value is None or isinstance(value, bool):
        return "—"
    try:
        number = f"{float(value):.{digits}f}"
    except (TypeError, ValueError):
        return str(value)
    return f"{number} {unit}" if unit else number


def span(seconds: Any) -> str:
    """A duration in words with units: ``90`` → "1 min 30 s", ``3600`` → "1 h"."""
    try:
        total = round(float(seconds))
    except (TypeError, ValueError, OverflowError):
        return "—"
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60), ("s", 1)):
        count, total = divmod(total, size)
        if count:
            parts.append(f"{count} {unit}")
    return " ".join(parts) or "0 s"
