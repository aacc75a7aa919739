"""Scored readings and alert events to Sparkplug B payloads (protobuf, the spec's schema).

Each asset is a Sparkplug device of the edge node. Its metrics:

| metric | datatype | value |
|---|---|---|
| ``motor_data/DE_temp``, ... (one per value; ``.`` becomes a folder) | Double | the value |
| ``Prediction/Label`` | String | the model's class |
| ``Prediction/Confidence`` | Double | its confidence |
| ``Alert/Active`` | Boolean | an alert is open on the asset |
| ``Alert/Fault`` | String | the fault of the last alert event |
| ``Alert/Event`` | String | ``opened``, ``repeated``, ``resolved`` or ``acknowledged`` |

A bad or stale point is sent as its metric with ``is_null``.

Every metric has an alias, unique across the edge node (Sparkplug 3.0 §6.4.2), given
once and kept in ``sparkplug-metrics.json`` in the data folder: DDATA carry aliases
only, and a DDATA stored in the outbox before a restart must still mean the same
metrics in the births of the next process. The file is written (temp file, fsync,
rename) before any message that uses a new alias is appended to the outbox.

A DDATA is stored without ``seq``: Sparkplug's sequence number counts publications
per MQTT session, so it is set when the message is sent (see ``session.py``).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gateway.records import NO_MODEL, Scored
from gateway.upstream.encoder import group_by_asset
from gateway.upstream.outbox import NewMessage, OutboxError
from gateway.upstream.sparkplug import sparkplug_b_pb2

pb: Any = sparkplug_b_pb2  # generated: its names are made at import time

log = logging.getLogger("gateway.upstream.sparkplug")

NAMESPACE = "spBv1.0"
REGISTRY_FILE = "sparkplug-metrics.json"

# DataType enum values (Sparkplug 3.0 §6.4.16).
INT64 = pb.Int64
DOUBLE = pb.Double
BOOLEAN = pb.Boolean
STRING = pb.String

# Node metrics: bdSeq carries no alias (the spec's examples); Rebirth has alias 1.
BDSEQ = "bdSeq"
REBIRTH = "Node Control/Rebirth"
REBIRTH_ALIAS = 1
FIRST_DEVICE_ALIAS = 16

LABEL = "Prediction/Label"
CONFIDENCE = "Prediction/Confidence"
ALERT_ACTIVE = "Alert/Active"
ALERT_FAULT = "Alert/Fault"
ALERT_EVENT = "Alert/Event"
FIXED_METRICS = (
    (LABEL, STRING),
    (CONFIDENCE, DOUBLE),
    (ALERT_ACTIVE, BOOLEAN),
    (ALERT_FAULT, STRING),
    (ALERT_EVENT, STRING),
)

Payload = pb.Payload


def device_id(sensor_id: str) -> str:
    """A sensor id as one topic level (``/``, ``+`` and ``#`` become ``_``)."""
    return sensor_id.replace("/", "_").replace("+", "_").replace("#", "_") or "_"


def metric_name(feature: str) -> str:
    """``motor_data.DE_temp`` -> ``motor_data/DE_temp`` (Sparkplug folders use ``/``)."""
    return feature.replace(".", "/")


def now_ms() -> int:
    return int(time.time() * 1000)


class Topics:
    def __init__(self, group_id: str, edge_node_id: str) -> None:
        self.group = group_id
        self.node = edge_node_id
        base = f"{NAMESPACE}/{group_id}"
        self.nbirth = f"{base}/NBIRTH/{edge_node_id}"
        self.ndeath = f"{base}/NDEATH/{edge_node_id}"
        self.ncmd = f"{base}/NCMD/{edge_node_id}"
        self._base = base

    def device(self, kind: str, device: str) -> str:
        return f"{self._base}/{kind}/{self.node}/{device}"

    @staticmethod
    def state(host_id: str) -> str:
        return f"{NAMESPACE}/STATE/{host_id}"


class MetricRegistry:
    """Device metrics with their aliases and datatypes; persisted so aliases never change."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.next_alias = FIRST_DEVICE_ALIAS
        # device -> {name: (alias, datatype)}, in declaration order
        self.devices: dict[str, dict[str, tuple[int, int]]] = {}
        self.dirty = False
        if path.exists():
            try:
                data = json.loads(path.read_text())
                self.next_alias = int(data["next_alias"])
                for dev, metrics in data["devices"].items():
                    self.devices[dev] = {n: (int(a), int(t)) for n, a, t in metrics}
            except (OSError, ValueError, KeyError, TypeError) as err:
                # Without it, DDATA already in the outbox cannot be read by the host: say so.
                log.error("sparkplug metric registry %s unreadable (%s): starting anew", path, err)

    def alias(self, device: str, name: str, datatype: int) -> int:
        metrics = self.devices.get(device)
        if metrics is None:
            metrics = self.devices[device] = {}
        known = metrics.get(name)
        if known is not None:
            return known[0]
        alias = self.next_alias
        self.next_alias += 1
        metrics[name] = (alias, datatype)
        self.dirty = True
        return alias

    def version(self, device: str) -> int:
        """Grows when the device gets a metric: its birth must then be sent again."""
        return len(self.devices.get(device, ()))

    def save(self) -> None:
        if not self.dirty:
            return
        data = {
            "next_alias": self.next_alias,
            "devices": {
                dev: [[n, a, t] for n, (a, t) in metrics.items()]
                for dev, metrics in self.devices.items()
            },
        }
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w") as f:
            json.dump(data, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)
        dfd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
        self.dirty = False


class SparkplugEncoder:
    """Per-asset DDATA messages for the outbox, and the birth certificates from the latest state.

    Has the same ``telemetry`` and ``alert`` methods as the JSON ``MessageEncoder``, so
    the upstream sink uses it unchanged.
    """

    def __init__(self, topics: Topics, registry: MetricRegistry, *, max_readings: int) -> None:
        self.topics = topics
        self.registry = registry
        self.max_readings = max_readings
        self._aliases: dict[tuple[str, tuple[str, ...]], tuple[int, ...]] = {}
        self._ddata: dict[str, tuple[str, str]] = {}  # sensor id -> (device id, DDATA topic)
        # The latest state per device, for births: values by alias with their timestamp.
        self.last: dict[str, dict[int, tuple[int, Any]]] = {}
        self.last_seen: dict[str, float] = {}  # device -> arrival of its last reading
        self._open_alerts: dict[str, set[str]] = {}
        # device -> metric -> properties its DBIRTH declares (writable metrics: DCMD).
        self.writable: dict[str, dict[str, dict[str, Any]]] = {}

    # -- names and aliases -------------------------------------------------------------

    def _device(self, sensor_id: str) -> tuple[str, str]:
        d = self._ddata.get(sensor_id)
        if d is None:
            dev = device_id(sensor_id)
            d = self._ddata[sensor_id] = (dev, self.topics.device("DDATA", dev))
            reg = self.registry
            for name, dt in FIXED_METRICS:
                reg.alias(dev, name, dt)
        return d

    def _value_aliases(self, dev: str, keys: tuple[str, ...]) -> tuple[int, ...]:
        got = self._aliases.get((dev, keys))
        if got is None:
            got = tuple(self.registry.alias(dev, metric_name(k), DOUBLE) for k in keys)
            self._aliases[(dev, keys)] = got
        return got

    def fixed_alias(self, dev: str, name: str) -> int:
        return self.registry.devices[dev][name][0]

    # -- DDATA -------------------------------------------------------------------------

    def telemetry(self, batch: Sequence[Scored]) -> list[NewMessage]:
        by_asset = group_by_asset(batch)
        out: list[NewMessage] = []
        stamp = now_ms()
        for sid, items in by_asset.items():
            dev, topic = self._device(sid)
            a_label = self.fixed_alias(dev, LABEL)
            a_conf = self.fixed_alias(dev, CONFIDENCE)
            last = self.last.get(dev)
            if last is None:
                last = self.last[dev] = {}
            for i in range(0, len(items), self.max_readings):
                chunk = items[i : i + self.max_readings]
                p = Payload(timestamp=stamp)
                add = p.metrics.add
                for s in chunk:
                    r = s.reading
                    ts = int(r.timestamp * 1000)
                    aliases = self._value_aliases(dev, tuple(r.values))
                    for a, v in zip(aliases, r.values.values(), strict=True):
                        add(alias=a, timestamp=ts, double_value=v)
                        last[a] = (ts, v)
                    for b in r.bad:
                        a = self.registry.alias(dev, metric_name(b), DOUBLE)
                        add(alias=a, timestamp=ts, is_null=True)
                        last[a] = (ts, None)
                    pr = s.prediction
                    if pr is not None:
                        add(alias=a_label, timestamp=ts, string_value=pr.label)
                        add(alias=a_conf, timestamp=ts, double_value=pr.confidence)
                        last[a_label] = (ts, pr.label)
                        last[a_conf] = (ts, pr.confidence)
                    elif s.unscored is not None and s.unscored != NO_MODEL:
                        # No label now: the host must not keep an older one as current.
                        add(alias=a_label, timestamp=ts, is_null=True)
                        add(alias=a_conf, timestamp=ts, is_null=True)
                        last[a_label] = last[a_conf] = (ts, None)
                self.last_seen[dev] = chunk[-1].reading.received
                out.append(NewMessage(sid, topic, p.SerializeToString(), len(chunk), raw=True))
        self.save_registry()
        return out

    def save_registry(self) -> None:
        """New aliases reach the disk before any message that uses them reaches the outbox."""
        if self.registry.dirty:
            try:
                self.registry.save()
            except OSError as err:
                raise OutboxError(f"sparkplug metric registry not written: {err}") from err

    def alert(self, kind: str, payload: dict[str, Any]) -> NewMessage:
        sid = str(payload.get("sensor_id") or "")
        dev, topic = self._device(sid)
        event = kind.partition(".")[2]
        fault = str(payload.get("fault_type") or "")
        open_ = self._open_alerts.setdefault(dev, set())
        if event == "resolved":
            open_.discard(fault)
        elif event in ("opened", "repeated"):
            open_.add(fault)
        ts = now_ms()
        p = Payload(timestamp=ts)
        values: tuple[tuple[str, Any], ...] = (
            (ALERT_ACTIVE, bool(open_)),
            (ALERT_FAULT, fault),
            (ALERT_EVENT, event),
        )
        last = self.last.setdefault(dev, {})
        for name, v in values:
            a = self.fixed_alias(dev, name)
            if isinstance(v, bool):
                p.metrics.add(alias=a, timestamp=ts, boolean_value=v)
            else:
                p.metrics.add(alias=a, timestamp=ts, string_value=v)
            last[a] = (ts, v)
        self.save_registry()
        return NewMessage(sid, topic, p.SerializeToString(), 0, raw=True)

    # -- births and deaths ---------------------------------------------------------------

    def nbirth(self, bd_seq: int) -> Any:
        ts = now_ms()
        p = Payload(timestamp=ts, seq=0)
        p.metrics.add(name=BDSEQ, timestamp=ts, datatype=INT64, long_value=bd_seq)
        p.metrics.add(
            name=REBIRTH, alias=REBIRTH_ALIAS, timestamp=ts, datatype=BOOLEAN, boolean_value=False
        )
        return p

    @staticmethod
    def ndeath(bd_seq: int) -> bytes:
        p = Payload(timestamp=now_ms())
        p.metrics.add(name=BDSEQ, timestamp=p.timestamp, datatype=INT64, long_value=bd_seq)
        return p.SerializeToString()  # type: ignore[no-any-return]

    def dbirth(self, dev: str, seq: int) -> bytes:
        """Every metric of the device, with name, alias, datatype and its latest value
        (``is_null`` when none is known since this process started)."""
        ts = now_ms()
        p = Payload(timestamp=ts, seq=seq)
        last = self.last.get(dev, {})
        writable = self.writable.get(dev, {})
        for name, (alias, dt) in self.registry.devices.get(dev, {}).items():
            m = p.metrics.add(name=name, alias=alias, datatype=dt)
            if name in writable:
                _properties(m, writable[name])
            known = last.get(alias)
            if known is None or known[1] is None:
                m.timestamp = known[0] if known else ts
                m.is_null = True
                continue
            m.timestamp, v = known
            if dt == DOUBLE:
                m.double_value = v
            elif dt == BOOLEAN:
                m.boolean_value = v
            else:
                m.string_value = str(v)
        return p.SerializeToString()  # type: ignore[no-any-return]

    def report(self, dev: str, values: dict[str, float], seq: int) -> bytes:
        """A DDATA of values just written (Sparkplug's answer to a DCMD)."""
        ts = now_ms()
        p = Payload(timestamp=ts, seq=seq)
        last = self.last.setdefault(dev, {})
        for name, value in values.items():
            alias = self.registry.devices[dev][name][0]
            p.metrics.add(alias=alias, timestamp=ts, double_value=value)
            last[alias] = (ts, value)
        return p.SerializeToString()  # type: ignore[no-any-return]

    def ddeath(self, seq: int) -> bytes:
        return Payload(timestamp=now_ms(), seq=seq).SerializeToString()  # type: ignore[no-any-return]


def _properties(metric: Any, props: dict[str, Any]) -> None:
    """A metric's PropertySet: ``writable``, and Ignition's ``engUnit``/``engLow``/``engHigh``."""
    for key, value in props.items():
        metric.properties.keys.append(key)
        pv = metric.properties.values.add()
        if isinstance(value, bool):
            pv.type, pv.boolean_value = BOOLEAN, value
        elif isinstance(value, int | float):
            pv.type, pv.double_value = DOUBLE, float(value)
        else:
            pv.type, pv.string_value = STRING, str(value)
