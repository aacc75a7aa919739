"""MQTT writes: a message to the device's topic (QoS 1) over the source's own connection.

``payload: json`` sends ``{"sensor_id", "point", "value", "request_id", "timestamp"}``,
``plain`` the number as text. The broker's PUBACK says the broker has the message, not
that the device applied it: the write service reads the value back from the asset's next
readings when the point asks for verification (gateway.writes.service).
"""

from __future__ import annotations

import json
import math
import time
from typing import Any

from gmqtt import Message

from gateway.config.sources import MqttWritableConfig
from gateway.writes.ops import OpResult, WriteOp, WriteRefused, WriteUnavailable


def payload(cfg: MqttWritableConfig, value: float, request_id: str) -> bytes:
    """The message for one value."""
    shown: float | int = int(value) if value == math.floor(value) and abs(value) < 2**53 else value
    if cfg.payload == "plain":
        return str(shown).encode()
    body = {
        "sensor_id": cfg.sensor_id,
        "point": cfg.feature,
        "value": shown,
        "request_id": request_id,
        "timestamp": time.time(),
    }
    return json.dumps(body, separators=(",", ":")).encode()


def execute(client: Any, ops: list[WriteOp]) -> list[OpResult]:
    """Publish each value; the broker takes them in order on this one connection."""
    if client is None or not client.is_connected:
        raise WriteUnavailable("the broker connection is down")
    problems = {op.name: "not a finite number" for op in ops if not _finite(op.value)}
    if problems:
        raise WriteRefused(problems)
    results = []
    for op in ops:
        cfg: MqttWritableConfig = op.target
        value = op.value
        assert isinstance(value, float | int)
        message = Message(cfg.topic, payload(cfg, value, op.request_id), qos=1, retain=cfg.retain)
        client.publish(message)
        results.append(OpResult(op.name, True, f"published to {cfg.topic} (QoS 1)"))
    return results


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and math.isfinite(value)
