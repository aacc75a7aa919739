"""What the births carry after a restart: open alerts from their records, values from the history.

The Sparkplug encoder keeps each device's latest values and open alerts in memory for
its DBIRTH. At start, before the first connection, this fills it from the stores:

- the fault alert records (the state store's ``alerts`` table, written by the alerts
  sink; data-loss alerts are left out, as on the live path: Sparkplug says those with
  DDEATH and DBIRTH): per asset, the faults whose alert is open or acknowledged
  (``Alert/Active``), and the fault and event of its most recently updated record
  (``Alert/Fault``, ``Alert/Event``: ``opened``, ``repeated``, ``acknowledged`` or
  ``resolved``);
- the history (when it is enabled): per asset, its newest reading's values, bad points
  and prediction, with the reading's own timestamp.

Without the history, values stay null in the births until each asset's first reading
after the start (the alerts are restored all the same). The history may be a batch or
two behind the outbox after a kill (each sink commits on its own); the births then
carry the last values the history holds, and the replayed rows follow as history.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING, Any

from gateway.alerts.records import ACKNOWLEDGED, OPEN, RESOLVED, TABLE

if TYPE_CHECKING:
    from gateway.state.history import History
    from gateway.state.store import Store
    from gateway.upstream.sparkplug.encoder import SparkplugEncoder

log = logging.getLogger("gateway.upstream.sparkplug")

DATA_LOSS = "data_loss"  # the records' kind of a data-loss alert (fault alerts have none)


def event_of(doc: dict[str, Any]) -> str:
    """The last alert event an alert record went through."""
    status = doc.get("status")
    if status == RESOLVED:
        return "resolved"
    if status == ACKNOWLEDGED:
        return "acknowledged"
    return "repeated" if doc.get("repeats") else "opened"


def restore_alerts(encoder: SparkplugEncoder, store: Store) -> int:
    """Open alerts and last alert events per asset; returns the number of open alerts."""
    newest: dict[str, dict[str, Any]] = {}
    open_faults: dict[str, set[str]] = {}
    for doc in store.find(TABLE):
        if doc.get("kind") == DATA_LOSS:
            continue  # DDEATH and DBIRTH say it, as on the live path (sparkplug/sink.py)
        sid = str(doc.get("sensor_id") or "")
        if doc.get("status") in (OPEN, ACKNOWLEDGED):
            open_faults.setdefault(sid, set()).add(str(doc.get("fault_type") or ""))
        seen = newest.get(sid)
        if seen is None or doc.get("updated_at", 0) >= seen.get("updated_at", 0):
            newest[sid] = doc
    for sid, doc in newest.items():
        ts = int(float(doc.get("updated_at") or doc.get("opened_at") or 0) * 1000)
        fault = str(doc.get("fault_type") or "")
        encoder.restore_alerts(sid, open_faults.get(sid, set()), fault, event_of(doc), ts)
    return sum(len(f) for f in open_faults.values())


def restore_readings(encoder: SparkplugEncoder, history: History) -> int:
    """Each asset's newest reading; returns the number of assets."""
    try:
        rows = history.latest()
    except sqlite3.Error as err:
        # The births then carry null values until each asset's next reading.
        log.error("sparkplug: the history cannot be read for the births: %s", err)
        return 0
    for row in rows:
        label = row.get("prediction")
        prediction = (label, float(row.get("confidence") or 0.0)) if label else None
        encoder.restore_reading(
            row["sensor_id"], row["timestamp"], row["values"], row["bad"], prediction
        )
    return len(rows)


def restore(encoder: SparkplugEncoder, store: Store | None, history: History | None) -> None:
    """Both of the above, then the metric registry on disk (assets it had not seen)."""
    alerts = restore_alerts(encoder, store) if store is not None else 0
    assets = restore_readings(encoder, history) if history is not None else 0
    encoder.save_registry()
    log.info(
        "sparkplug births restored: %d open alert(s), last values of %d asset(s)%s",
        alerts,
        assets,
        "" if history is not None else " (history disabled: values null until read)",
        extra={"event": "sparkplug_restore"},
    )
