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
| ``Prediction/OutOfRange`` | Boolean | a value out of the training range (when true, once false) |
| ``Explanation/1/Feature`` ... ``3`` | String | the top contributors (with an explanation only) |
| ``Explanation/1/Value`` ... ``3`` | Double | that feature's value |
| ``Explanation/1/Contribution`` ... ``3`` | Double | its contribution (log-odds) |

A bad or stale point is sent as its metric with ``is_null``.

Every metric has an alias, unique across the edge node (Sparkplug 3.0 §6.4.2), given
once and kept in ``sparkplug-metrics.json`` in the data folder: DDATA carry aliases
only, and a DDATA stored in the outbox before a restart must still mean the same
metrics in the births of the next process. The file is written (temp file, fsync,
rename) before any message that uses a new alias is appended to the outbox.

A DDATA is stored without ``seq`` and without the payload's ``timestamp``: Sparkplug's
sequence number counts publications per MQTT session and the payload's timestamp is
the time of publication, so both are set when the message is sent (``send_fields``,
used by ``session.py``); each metric keeps its reading's own timestamp.

The births carry the latest state: each value as last encoded, the open alerts, and
after a restart what ``restore.py`` read back from the history and the alert records.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gateway.records import NO_MODEL, Scored
from gateway.state.storage import atomic_write
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

# Node metrics, by name only: bdSeq (the spec's examples), and Rebirth, which a host must
# be able to request knowing nothing of this node's aliases
# (tck-id-operational-behavior-data-commands-rebirth-name-aliases). Device aliases start
# at 16 (files written before kept alias 1 for Rebirth).
BDSEQ = "bdSeq"
REBIRTH = "Node Control/Rebirth"
FIRST_DEVICE_ALIAS = 16

LABEL = "Prediction/Label"
CONFIDENCE = "Prediction/Confidence"
ALERT_ACTIVE = "Alert/Active"
ALERT_FAULT = "Alert/Fault"
ALERT_EVENT = "Alert/Event"
OUT_OF_RANGE = "Prediction/OutOfRange"
EXPLANATION = tuple(
    (f"Explanation/{i}/Feature", f"Explanation/{i}/Value", f"Explanation/{i}/Contribution")
    for i in (1, 2, 3)
)
FIXED_METRICS = (
    (LABEL, STRING),
    (CONFIDENCE, DOUBLE),
    (ALERT_ACTIVE, BOOLEAN),
    (ALERT_FAULT, STRING),
    (ALERT_EVENT, STRING),
    (OUT_OF_RANGE, BOOLEAN),
    *(
        (m, t)
        for names in EXPLANATION
        for m, t in zip(names, (STRING, DOUBLE, DOUBLE), strict=True)
    ),
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


# The serialized ``Payload(seq=n)`` for every n (protobuf's own encoding of field 3).
_SEQ: tuple[bytes, ...] = tuple(Payload(seq=n).SerializeToString() for n in range(256))
_stamp: list[Any] = [-1, b""]  # the last timestamp encoded: (ms, its bytes)


def send_fields(seq: int) -> bytes:
    """``timestamp`` (now) and ``seq`` of a payload, serialized, to append to a stored DDATA.

    Protobuf parses concatenated messages as one merged message, so appending these
    fields sets them without decoding the rest. The timestamp's bytes are cached per
    millisecond (messages published in one burst share them). Once per message sent:
    kept to one call.
    """
    ms = int(time.time() * 1000)
    if _stamp[0] != ms:
        _stamp[0], _stamp[1] = ms, Payload(timestamp=ms).SerializeToString()
    return _stamp[1] + _SEQ[seq]  # type: ignore[no-any-return]


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
        atomic_write(self.path, json.dumps(data).encode(), mode=0o600)
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
        self._oor: set[str] = set()  # devices whose last prediction was out of range

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
        for sid, items in by_asset.items():
            dev, topic = self._device(sid)
            a_label = self.fixed_alias(dev, LABEL)
            a_conf = self.fixed_alias(dev, CONFIDENCE)
            a_oor = self.fixed_alias(dev, OUT_OF_RANGE)
            last = self.last.get(dev)
            if last is None:
                last = self.last[dev] = {}
            for i in range(0, len(items), self.max_readings):
                chunk = items[i : i + self.max_readings]
                p = Payload()
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
                        if s.explanation is not None or s.out_of_range or dev in self._oor:
                            self._insight(dev, s, ts, p, last, a_oor)
                    elif s.unscored is not None and s.unscored != NO_MODEL:
                        # No label now: the host must not keep an older one as current.
                        add(alias=a_label, timestamp=ts, is_null=True)
                        add(alias=a_conf, timestamp=ts, is_null=True)
                        last[a_label] = last[a_conf] = (ts, None)
                self.last_seen[dev] = chunk[-1].reading.received
                out.append(NewMessage(sid, topic, p.SerializeToString(), len(chunk), raw=True))
        self.save_registry()
        return out

    def _insight(
        self, dev: str, s: Scored, ts: int, p: Any, last: dict[int, Any], a_oor: int
    ) -> None:
        """Out-of-range (by exception) and the explanation's top contributors, if any."""
        flag = bool(s.out_of_range)
        if flag or dev in self._oor:
            p.metrics.add(alias=a_oor, timestamp=ts, boolean_value=flag)
            last[a_oor] = (ts, flag)
            if flag:
                self._oor.add(dev)
            else:
                self._oor.discard(dev)
        if s.explanation is None:
            return
        for (feature, value, contribution), c in zip(EXPLANATION, s.explanation.top, strict=False):
            a_f, a_v, a_c = (self.fixed_alias(dev, m) for m in (feature, value, contribution))
            p.metrics.add(alias=a_f, timestamp=ts, string_value=c.feature)
            last[a_f] = (ts, c.feature)
            if c.value is None:
                p.metrics.add(alias=a_v, timestamp=ts, is_null=True)
            else:
                p.metrics.add(alias=a_v, timestamp=ts, double_value=c.value)
            last[a_v] = (ts, c.value)
            p.metrics.add(alias=a_c, timestamp=ts, double_value=c.contribution)
            last[a_c] = (ts, c.contribution)

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
        p = Payload()
        for alias, v in self._alert_state(dev, fault, event, ts):
            if isinstance(v, bool):
                p.metrics.add(alias=alias, timestamp=ts, boolean_value=v)
            else:
                p.metrics.add(alias=alias, timestamp=ts, string_value=v)
        self.save_registry()
        return NewMessage(sid, topic, p.SerializeToString(), 0, raw=True)

    def _alert_state(
        self, dev: str, fault: str, event: str, ts: int
    ) -> list[tuple[int, bool | str]]:
        """The alert metrics of a device now (by alias), remembered for its births."""
        values: tuple[tuple[str, bool | str], ...] = (
            (ALERT_ACTIVE, bool(self._open_alerts.get(dev))),
            (ALERT_FAULT, fault),
            (ALERT_EVENT, event),
        )
        last = self.last.setdefault(dev, {})
        out = []
        for name, v in values:
            a = self.fixed_alias(dev, name)
            last[a] = (ts, v)
            out.append((a, v))
        return out

    # -- state from before a restart (restore.py) -------------------------------------------

    def restore_alerts(
        self, sensor_id: str, open_faults: set[str], fault: str, event: str, ts_ms: int
    ) -> None:
        """A device's open alerts and its last alert event, as the alert records have them."""
        dev, _ = self._device(sensor_id)
        self._open_alerts[dev] = set(open_faults)
        self._alert_state(dev, fault, event, ts_ms)

    def restore_reading(
        self,
        sensor_id: str,
        timestamp: float,
        values: dict[str, float],
        bad: list[str],
        prediction: tuple[str, float] | None,
    ) -> None:
        """A device's last reading, as the history has it."""
        dev, _ = self._device(sensor_id)
        last = self.last.setdefault(dev, {})
        ts = int(timestamp * 1000)
        for a, v in zip(self._value_aliases(dev, tuple(values)), values.values(), strict=True):
            last[a] = (ts, v)
        for b in bad:
            last[self.registry.alias(dev, metric_name(b), DOUBLE)] = (ts, None)
        if prediction is not None:
            last[self.fixed_alias(dev, LABEL)] = (ts, prediction[0])
            last[self.fixed_alias(dev, CONFIDENCE)] = (ts, prediction[1])

    # -- births and deaths ---------------------------------------------------------------

    def nbirth(self, bd_seq: int) -> Any:
        ts = now_ms()
        p = Payload(timestamp=ts, seq=0)
        p.metrics.add(name=BDSEQ, timestamp=ts, datatype=INT64, long_value=bd_seq)
        p.metrics.add(name=REBIRTH, timestamp=ts, datatype=BOOLEAN, boolean_value=False)
        return p

    @staticmethod
    def ndeath(bd_seq: int) -> bytes:
        p = Payload(timestamp=now_ms())
        p.metrics.add(name=BDSEQ, timestamp=p.timestamp, datatype=INT64, long_value=bd_seq)
        return p.SerializeToString()  # type: ignore[no-any-return]

    def dbirth(self, dev: str, seq: int) -> bytes:
        """Every metric of the device, with name, alias, datatype and its latest value
        (``is_null`` when none is known: not since the start, nor restored from the stores)."""
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
