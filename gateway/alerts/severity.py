"""How bad an alert is: critical, major, warning or info, from its kind, fault and confidence.

The rule (config ``alerts.severity``, docs/alerts.md): a fault alert starts from its
class's severity (``faults``, else ``default``); a confidence at or above ``confident``
makes it one step worse, below ``unsure`` one step milder. A data-loss alert has
``data_loss``'s severity, a drift alert ``drift``'s. A record that carries its own
severity (drift's alerts write ``info``) keeps it. The severity is worked out when an
alert is read, so a changed rule applies to past alerts too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gateway.config.alerts import SeverityConfig

# Worst first: the order the UI sorts and groups by.
SEVERITIES = ("critical", "major", "warning", "info")


def rank(severity: str | None) -> int:
    """0 for critical ... 3 for info; an unknown severity sorts after info."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


def _step(severity: str, by: int) -> str:
    return SEVERITIES[min(max(rank(severity) + by, 0), len(SEVERITIES) - 1)]


def severity_of(record: Mapping[str, Any], rules: SeverityConfig) -> str:
    """The severity of an alert record (as gateway.alerts.records writes them)."""
    given = record.get("severity")
    if given in SEVERITIES:
        return str(given)
    kind = record.get("kind") or "fault"
    if kind == "data_loss":
        return rules.data_loss
    if kind == "drift":
        return rules.drift
    base = rules.faults.get(str(record.get("fault_type", "")), rules.default)
    confidence = record.get("confidence")
    if not isinstance(confidence, int | float):
        return base
    if confidence >= rules.confident:
        return _step(base, -1)
    if confidence < rules.unsure:
        return _step(base, +1)
    return base
