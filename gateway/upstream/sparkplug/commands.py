"""Sparkplug B DCMD: writes to the metrics a DBIRTH declares writable, answered by DDATA.

Each writable point of the config (gateway.writes) is a metric of its asset's device,
declared in the DBIRTH with the property ``writable: true`` (and ``engUnit``,
``engLow``, ``engHigh`` from its unit and limits). A DCMD on
``spBv1.0/<group>/DCMD/<edge node>/<device>`` names metrics by name or alias; all its
metrics form one write request through the write service (checked all-or-nothing, then
sent, read back and audited, acting with ``commands.role``). What was written is then
reported as the spec asks, by a DDATA carrying each metric's new value (the value read
back, else the one written). A metric the DBIRTH did not declare writable, a value of
the wrong type, or any refusal writes nothing; Sparkplug has no answer message for a
DCMD, so the refusal is logged, counted (health ``sparkplug-dcmd``) and audited.

A point that asks for a second confirmation cannot be written by DCMD (Sparkplug has no
way to carry one): use the command channel's ``confirm``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from google.protobuf.message import DecodeError

from gateway.health import ComponentHealth
from gateway.upstream.sparkplug.encoder import DOUBLE, Payload, device_id, metric_name
from gateway.upstream.sparkplug.session import EdgeSession
from gateway.writes.outcome import Actor
from gateway.writes.service import WriteService

log = logging.getLogger("gateway.upstream.sparkplug")

_VALUE_FIELDS = ("boolean_value", "int_value", "long_value", "float_value", "double_value")


class DeviceCommands:
    """An inbound of the upstream client: DCMD to this edge node's devices."""

    reserve = 0  # answers are DDATA at QoS 0

    def __init__(
        self, session: EdgeSession, service: WriteService, role: str, health: ComponentHealth
    ) -> None:
        self.session = session
        self.service = service
        self.role = role
        self.health = health
        topics = session.topics
        self._prefix = topics.device("DCMD", "")
        # device -> metric name -> write point name
        self.points: dict[str, dict[str, str]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self.health.extra.update(refused=0, written=0)
        self._declare()

    def _declare(self) -> None:
        """Every writable point becomes a metric its device's DBIRTH declares writable."""
        encoder = self.session.encoder
        for p in self.service.points.values():
            if p.kind != "point" or p.feature is None:
                continue
            dev, name = device_id(p.sensor_id), metric_name(p.feature)
            encoder.registry.alias(dev, name, DOUBLE)
            self.points.setdefault(dev, {})[name] = p.name
            props: dict[str, Any] = {"writable": True}
            lim = p.limits
            if p.unit:
                props["engUnit"] = p.unit
            if lim is not None and lim.min is not None:
                props["engLow"] = lim.min
            if lim is not None and lim.max is not None:
                props["engHigh"] = lim.max
            encoder.writable.setdefault(dev, {})[name] = props
        encoder.save_registry()
        self.health.up()

    # -- the upstream client's inbound -----------------------------------------------------

    def topics(self) -> list[str]:
        return [self._prefix + "+"]

    def accepts(self, topic: str) -> bool:
        return topic.startswith(self._prefix) and "/" not in topic[len(self._prefix) :]

    def on_message(self, link: Any, topic: str, payload: bytes, properties: dict[str, Any]) -> None:
        self.health.received += 1
        dev = topic[len(self._prefix) :]
        try:
            metrics = list(Payload.FromString(payload).metrics)
        except DecodeError:
            self._refused(dev, "the DCMD is not a Sparkplug B payload")
            return
        requests, names = self._requests(dev, metrics)
        if not requests:
            self._refused(dev, "the DCMD names no metric")
            return
        task = asyncio.get_running_loop().create_task(self._write(dev, requests, names))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _requests(self, dev: str, metrics: list[Any]) -> tuple[list[tuple[str, Any]], list[str]]:
        """(point, value) per metric; an undeclared metric gets a name no point has, so the
        write service refuses it (and audits the attempt) with the rest of the DCMD."""
        registry = self.session.encoder.registry.devices.get(dev, {})
        by_alias = {alias: name for name, (alias, _) in registry.items()}
        declared = self.points.get(dev, {})
        requests, names = [], []
        for m in metrics:
            name = m.name or by_alias.get(m.alias, f"alias {m.alias}")
            point = declared.get(name, f"sparkplug:{dev}/{name}")
            requests.append((point, _value(m)))
            names.append(name)
        return requests, names

    async def _write(self, dev: str, requests: list[tuple[str, Any]], names: list[str]) -> None:
        actor = Actor("sparkplug", self.role, "sparkplug", f"DCMD {dev}")
        outcome = await self.service.write(requests, actor)
        if outcome.status == "refused":
            self._refused(dev, f"{outcome.code}: {outcome.detail}")
            return
        values: dict[str, float] = {}
        for name, r in zip(names, outcome.results, strict=True):
            if r.status in ("verified", "written", "mismatch"):
                shown = r.readback if r.readback is not None else r.requested
                if isinstance(shown, int | float):
                    values[name] = float(shown)
        if values:
            self.session.report(dev, values)
            self.health.extra["written"] += len(values)
            self.health.sent += 1

    def _refused(self, dev: str, why: str) -> None:
        self.health.extra["refused"] += 1
        self.health.error(f"DCMD to {dev} refused: {why}")
        log.warning(
            "sparkplug: DCMD to %s refused, nothing written: %s",
            dev,
            why,
            extra={"event": "dcmd_refused", "device": dev},
        )


def _value(metric: Any) -> Any:
    """A DCMD metric's value as the write service takes it (text stays text: refused)."""
    kind = metric.WhichOneof("value")
    if kind in _VALUE_FIELDS:
        return getattr(metric, kind)
    if kind == "string_value":
        return metric.string_value
    return None
