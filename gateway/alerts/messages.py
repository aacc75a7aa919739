"""The seed's notification templates: email subject and bodies, SMS, Slack and webhook JSON.

A ``Notice`` is what one delivery says; it is stored with the delivery as JSON, so a
message sent after a restart is the one that was decided before it. Every renderer is
a pure function of the notice.

A fault notice carries the prediction's explanation when the model gave one: its top
contributors (``Contributor.to_dict()``: feature, label, value, unit, contribution),
which every message lists under "Why" (SMS: names and values only) and the webhook
sends as ``explanation``.

The email's HTML is written so that Apprise's own HTML-to-text conversion (which makes
the text/plain part of the multipart message) yields exactly ``email_text``: a test
holds the two together.
"""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

# Kinds of notice.
FAULT, REPEAT, RESOLVED, TEST = "opened", "repeated", "resolved", "test"
# Data-loss notices (gateway.alerts.dataloss): an asset or source fell silent, and back.
DATA_LOSS, DATA_RESTORED = "data_loss", "data_restored"
DATA_KINDS = (DATA_LOSS, DATA_RESTORED)

MOTOR_TEMP = "motor_data.DE_temp"
PUMP_TEMP = "pump_data.DE_temp"

# Webhook ``alert_type`` per kind: the seed's "fault_detected", plus a resolution and a
# test that a receiver's automation can tell apart from a real fault.
ALERT_TYPES = {
    FAULT: "fault_detected",
    REPEAT: "fault_detected",
    RESOLVED: "fault_resolved",
    TEST: "test_notification",
    DATA_LOSS: "data_loss",
    DATA_RESTORED: "data_restored",
}


def iso(ts: float) -> str:
    """Epoch seconds as the seed wrote them: ``2026-02-01T14:25:30.123Z``."""
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def fault_data(
    *,
    timestamp: float,
    fault_type: str,
    confidence: float | None,
    sensor_id: str,
    values: dict[str, float] | None = None,
) -> dict[str, Any]:
    """The seed's ``fault_data`` object, keys in the seed's order (``confidence`` is
    null for a data-loss notice: no model said anything)."""
    vals = values or {}
    return {
        "timestamp": iso(timestamp),
        "fault_type": fault_type,
        "confidence": None if confidence is None else round(float(confidence), 4),
        "sensor_id": sensor_id,
        "motor_temp": vals.get(MOTOR_TEMP),
        "pump_temp": vals.get(PUMP_TEMP),
    }


@dataclass(frozen=True, slots=True)
class Notice:
    kind: str
    fault_data: dict[str, Any]
    alert_id: int | None = None
    opened_at: str | None = None  # ISO time the alert opened (repeats and resolutions)
    repeat: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    explanation: list[dict[str, Any]] = field(default_factory=list)  # top contributors

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Notice:
        return cls(
            kind=d["kind"],
            fault_data=dict(d["fault_data"]),
            alert_id=d.get("alert_id"),
            opened_at=d.get("opened_at"),
            repeat=int(d.get("repeat", 0)),
            extra=dict(d.get("extra") or {}),
            explanation=[dict(c) for c in d.get("explanation") or [] if isinstance(c, dict)],
        )


def make_test_notice(now: float) -> Notice:
    """What ``notify-test`` and ``POST /test-notification`` send."""
    return Notice(
        TEST,
        fault_data(
            timestamp=now, fault_type="test_notification", confidence=1.0, sensor_id="aastreli-test"
        ),
    )


# -- pieces -----------------------------------------------------------------------------


def _temp(v: Any) -> str:
    return "n/a" if v is None else f"{round(float(v), 2):g}°C"


def _pct(c: float | None, digits: int = 1) -> str:
    return "n/a" if c is None else f"{float(c) * 100:.{digits}f}%"


def _headline(n: Notice) -> str:
    return {
        FAULT: "🚨 FAULT DETECTED",
        REPEAT: "🚨 FAULT STILL ACTIVE",
        RESOLVED: "✅ FAULT RESOLVED",
        TEST: "🔔 TEST NOTIFICATION",
        DATA_LOSS: "⚠️ DATA LOSS",
        DATA_RESTORED: "✅ DATA RESTORED",
    }[n.kind]


def _closing(n: Notice) -> str:
    if n.kind == RESOLVED:
        return "The asset has returned to normal."
    if n.kind == TEST:
        return "This is a test of Aastreli alert delivery; no fault was detected."
    if n.kind == DATA_LOSS:
        return (
            "No fault can be detected on this equipment until its data returns. "
            "Check the device, its cable or its broker."
        )
    if n.kind == DATA_RESTORED:
        return "Data flows again; fault detection has resumed."
    return "Please investigate immediately."


def _loss(n: Notice) -> dict[str, Any]:
    loss: dict[str, Any] = n.extra.get("data_loss") or {}
    return loss


def _loss_facts(n: Notice) -> list[tuple[str, str]]:
    d, loss = n.fault_data, _loss(n)
    source_down = d["fault_type"] == "source_down"
    rows = [("Problem", str(loss.get("problem") or d["fault_type"]))]
    rows.append(("Source" if source_down else "Sensor ID", str(d["sensor_id"])))
    if not source_down and loss.get("source"):
        rows.append(("Source", str(loss["source"])))
    rows.append(("Since", str(loss.get("since") or d["timestamp"])))
    if not source_down:
        rows.append(("Last Reading", str(loss.get("last_reading") or "none since the start")))
    if n.kind == DATA_RESTORED:
        rows.append(("Restored At", str(d["timestamp"])))
    if loss.get("open_faults"):
        rows.append(("Open Fault Alerts", ", ".join(map(str, loss["open_faults"]))))
    return rows


def _facts(n: Notice) -> list[tuple[str, str]]:
    if n.kind in DATA_KINDS:
        return _loss_facts(n)
    d = n.fault_data
    rows = [
        ("Fault Type", str(d["fault_type"])),
        ("Confidence", _pct(d["confidence"])),
        ("Sensor ID", str(d["sensor_id"])),
        ("Timestamp", str(d["timestamp"])),
    ]
    if n.kind == REPEAT and n.opened_at:
        rows.append(("Open Since", f"{n.opened_at} (reminder {n.repeat})"))
    if n.kind == RESOLVED and n.opened_at:
        rows.append(("Opened At", n.opened_at))
    return rows


def _temps(n: Notice) -> list[tuple[str, str]]:
    d = n.fault_data
    if n.kind in DATA_KINDS:
        return []  # last-known values would pass for current ones
    return [
        ("Motor Temperature", _temp(d.get("motor_temp"))),
        ("Pump Temperature", _temp(d.get("pump_temp"))),
    ]


def _value(c: dict[str, Any]) -> str:
    v = c.get("value")
    if not isinstance(v, int | float):
        return "missing"
    unit = c.get("unit") or ""
    return f"{float(v):.4g} {unit}".rstrip()


def _why(n: Notice) -> list[tuple[str, str]]:
    """The top contributors as (name, "value unit (contribution)") pairs."""
    return [
        (
            str(c.get("label") or c.get("feature")),
            f"{_value(c)} ({float(c.get('contribution') or 0):+.2f})",
        )
        for c in n.explanation
    ]


WHY = "Why (top contributors, in log-odds)"

# -- email ------------------------------------------------------------------------------


def email_subject(n: Notice) -> str:
    ft = n.fault_data["fault_type"]
    if n.kind == DATA_LOSS:
        return f"⚠️ Data Loss: {n.fault_data['sensor_id']} ({ft})"
    if n.kind == DATA_RESTORED:
        return f"✅ Data Restored: {n.fault_data['sensor_id']}"
    if n.kind == RESOLVED:
        return f"✅ Fault Resolved: {ft}"
    if n.kind == TEST:
        return "🔔 Test Notification from Aastreli"
    return f"🚨 Fault Alert: {ft}"


def _after_facts(n: Notice, why_heading: str) -> list[str]:
    """The lines after the facts, shared by the text formats: temperatures, why, closing."""
    lines = [""]
    temps = _temps(n)
    if temps:
        lines += [f"{k}: {v}" for k, v in temps]
        lines.append("")
    if n.explanation:
        lines.append(why_heading)
        lines += [f"{k}: {v}" for k, v in _why(n)]
        lines.append("")
    lines.append(_closing(n))
    return lines


def email_text(n: Notice) -> str:
    lines = [_headline(n), ""]
    lines += [f"{k}: {v}" for k, v in _facts(n)]
    return "\n".join(lines + _after_facts(n, f"{WHY}:"))


_COLOURS = {
    FAULT: "#d32f2f",
    REPEAT: "#d32f2f",
    RESOLVED: "#2e7d32",
    TEST: "#1565c0",
    DATA_LOSS: "#b4560a",
    DATA_RESTORED: "#2e7d32",
}


def email_html(n: Notice) -> str:
    # Blank lines are <br/><br/>: Apprise turns those (not <p>) into the blank lines of
    # the text part; each row ends in <br/> so the text part has one fact per line.
    esc = html.escape
    colour = _COLOURS[n.kind]

    def rows(items: list[tuple[str, str]]) -> str:
        return "".join(f"<b>{esc(k)}:</b> {esc(v)}<br/>" for k, v in items)

    return (
        '<html><body style="font-family:Arial,Helvetica,sans-serif;color:#222">'
        f'<div style="border-left:6px solid {colour};padding:8px 16px">'
        f'<span style="font-size:20px;font-weight:bold;color:{colour}">{esc(_headline(n))}</span>'
        "<br/><br/>"
        f"{rows(_facts(n))}<br/>"
        f"{rows(_temps(n)) + '<br/>' if _temps(n) else ''}"
        + (f"<b>{esc(WHY)}:</b><br/>{rows(_why(n))}<br/>" if n.explanation else "")
        + f"<span>{esc(_closing(n))}</span>"
        "</div></body></html>"
    )


# -- SMS --------------------------------------------------------------------------------


def sms_text(n: Notice) -> str:
    d = n.fault_data
    if n.kind == DATA_LOSS:
        since = _loss(n).get("since") or d["timestamp"]
        return (
            f"⚠️ Data loss: {d['sensor_id']} ({d['fault_type']}) since {since}. "
            "Fault detection paused."
        )
    if n.kind == DATA_RESTORED:
        return f"✅ Data restored: {d['sensor_id']}. Fault detection resumed."
    if n.kind == RESOLVED:
        return f"✅ Resolved: {d['fault_type']} on {d['sensor_id']}. Back to normal."
    if n.kind == TEST:
        return "🔔 Aastreli test notification: SMS delivery works."
    why = ""
    if n.explanation:
        why = (
            " Why: "
            + ", ".join(f"{c.get('label') or c.get('feature')} {_value(c)}" for c in n.explanation)
            + "."
        )
    return (
        f"🚨 Fault: {d['fault_type']} ({_pct(d['confidence'], 0)} conf) "
        f"on {d['sensor_id']}.{why} Check Aastreli dashboard."
    )


# -- Slack ------------------------------------------------------------------------------


def slack_title(n: Notice) -> str:
    return {
        FAULT: "🚨 Aastreli Fault Detected",
        REPEAT: "🚨 Aastreli Fault Still Active",
        RESOLVED: "✅ Aastreli Fault Resolved",
        TEST: "🔔 Aastreli Test Notification",
        DATA_LOSS: "⚠️ Aastreli Data Loss",
        DATA_RESTORED: "✅ Aastreli Data Restored",
    }[n.kind]


def slack_markdown(n: Notice) -> str:
    """The section under the header; Apprise turns ``**x**`` into Slack's ``*x*``."""
    lines = [f"**{k}:** {v}" for k, v in _facts(n)]
    return "\n".join(lines + _after_facts(n, f"**{WHY}:**"))


# -- webhook ----------------------------------------------------------------------------


def webhook_payload(n: Notice) -> dict[str, Any]:
    """The seed's JSON (``alert_type``, ``fault_data``, ``message``) and ``explanation``:
    the top contributors of the prediction, or null when there is none; a data-loss
    notice adds ``data_loss`` (state, since, last reading, source)."""
    out = {
        "alert_type": ALERT_TYPES[n.kind],
        "fault_data": dict(n.fault_data),
        "message": email_text(n),
        "explanation": [dict(c) for c in n.explanation] or None,
    }
    if n.kind in DATA_KINDS:
        out["data_loss"] = dict(_loss(n))
    return out
