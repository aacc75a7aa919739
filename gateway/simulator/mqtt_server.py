"""The plant over MQTT (gmqtt): each asset's reading published in the seed's payload shape.

Layout (also in docs/simulator.md): topic ``sensors/<asset>/data`` (template
configurable), payload ``{"sensor_id", "timestamp" (ISO-8601 UTC, ms, Z), "motor_data":
{...}, "pump_data": {...}}``.

Writes: the publisher listens on ``sensors/<asset>/set`` (template configurable) for
``{"point": "control.stop" | "control.speed_setpoint", "value": <number>}`` (what the
gateway's MQTT writes send); once a set was written to, its payload carries a
``control`` group (``stop``, ``speed_setpoint``) so the gateway reads the value back.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Sequence
from typing import Any

from gateway.simulator.base import PlantServer, SimClock, iso_utc
from gateway.simulator.plant import Plant, nest

log = logging.getLogger(__name__)


class MqttPlantPublisher(PlantServer):
    """Publishes each asset's reading in the seed's payload shape every tick.

    ``start()`` does not wait for the broker: the publisher keeps trying to connect
    (every ``retry`` seconds) and skips ticks while it is disconnected (``skipped``), as a
    field device would. Once connected, gmqtt itself reconnects after a drop.
    """

    protocol = "mqtt"

    def __init__(
        self,
        plant: Plant,
        assets: Sequence[str],
        *,
        host: str = "127.0.0.1",
        port: int = 1883,
        clock: SimClock | None = None,
        interval: float = 1.0,
        topic: str = "sensors/{asset}/data",
        command_topic: str = "sensors/{asset}/set",
        qos: int = 0,
        username: str | None = None,
        password: str | None = None,
        client_id: str | None = None,
        retry: float = 2.0,
    ) -> None:
        super().__init__(plant, assets, clock=clock, interval=interval)
        if "{asset}" not in topic:
            raise ValueError("the topic template must contain '{asset}'")
        self.host = host
        self.port = port
        self.topic = topic
        self.command_topic = command_topic
        self.commands = 0  # writes taken
        self.qos = qos
        self.username = username
        self.password = password
        self.client_id = client_id or f"aastreli-sim-{int(time.time() * 1000) % 10**9}"
        self.retry = retry
        self.published = 0
        self.skipped = 0
        self.connected = asyncio.Event()
        self._client: Any = None
        self._connector: asyncio.Task[None] | None = None
        self._closing = False
        self._warned = False

    def topic_for(self, asset: str) -> str:
        return self.topic.format(asset=asset)

    def payload(self, asset: str, tick: int) -> bytes:
        body: dict[str, Any] = {
            "sensor_id": asset,
            "timestamp": iso_utc(self.clock.wall_time(tick)),
        }
        body.update(nest(self.last[asset]))
        c = self.plant.controls[asset]
        if c.changed_at is not None or c.speed is not None:
            body["control"] = {"stop": 1.0 if c.stopped else 0.0, "speed_setpoint": c.speed or 0.0}
        return json.dumps(body, separators=(",", ":")).encode()

    def _on_command(self, _client: Any, topic: str, payload: bytes, _qos: int, _props: Any) -> int:
        """A write from the gateway: stop or start a set, or set its speed."""
        asset = next((a for a in self.assets if self.command_topic.format(asset=a) == topic), None)
        try:
            doc = json.loads(payload)
            point, value = doc["point"], float(doc["value"])
            if asset is None or point not in ("control.stop", "control.speed_setpoint"):
                raise ValueError(f"no such control: {topic} {point}")
            if point == "control.stop":
                self.plant.command(asset, self.clock.now(), stop=bool(value))
            else:
                self.plant.command(asset, self.clock.now(), speed=value)
        except (ValueError, KeyError, TypeError) as err:
            log.warning("simulator MQTT: command refused: %s", err)
            return 0
        self.commands += 1
        return 0

    async def _open(self) -> None:
        self._closing = False
        self._warned = False
        # One attempt inline, so that with a live broker the first tick is published;
        # without one, start() returns and a task keeps trying.
        if not await self._try_connect():
            self._connector = asyncio.create_task(
                self._connect_loop(), name="simulator-mqtt-connect"
            )

    async def _connect_loop(self) -> None:
        while not self._closing:
            await asyncio.sleep(self.retry)
            if await self._try_connect():
                return

    async def _try_connect(self) -> bool:
        from gmqtt import Client
        from gmqtt.mqtt.constants import MQTTv311
        from gmqtt.mqtt.handler import MQTTError

        client = Client(self.client_id)
        client.set_config({"reconnect_delay": self.retry})

        def on_connect(*_: Any) -> None:
            self.connected.set()
            client.subscribe(self.command_topic.format(asset="+"), qos=1)

        client.on_connect = on_connect
        client.on_message = self._on_command
        client.on_disconnect = lambda *_: self.connected.clear()
        if self.username is not None:
            client.set_auth_credentials(self.username, self.password)
        try:
            async with asyncio.timeout(10):
                await client.connect(self.host, self.port, keepalive=30, version=MQTTv311)
        except (OSError, TimeoutError, MQTTError) as err:
            # A dead port is an OSError, a refusal (bad credentials) gmqtt's MQTTError;
            # either way a field device keeps retrying. The failed client must not
            # reconnect behind our back.
            client.stop_reconnect()
            with contextlib.suppress(OSError, TimeoutError):
                async with asyncio.timeout(2):
                    await client.disconnect()
            if not self._warned:
                log.warning(
                    "simulator MQTT: broker %s:%s unreachable (%s), retrying every %g s",
                    self.host,
                    self.port,
                    err,
                    self.retry,
                )
                self._warned = True
            return False
        self._client = client
        self.connected.set()
        log.info("simulator MQTT connected to %s:%s", self.host, self.port)
        return True

    async def _push(self, tick: int) -> None:
        client = self._client
        if client is None or not client.is_connected:
            self.skipped += len(self.assets)
            return
        for asset in self.assets:
            client.publish(self.topic_for(asset), self.payload(asset, tick), qos=self.qos)
            self.published += 1

    async def _close(self) -> None:
        self._closing = True
        connector, self._connector = self._connector, None
        if connector is not None:
            connector.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await connector
        client, self._client = self._client, None
        self.connected.clear()
        if client is not None:
            # The broker may be gone already: the socket then closes without a DISCONNECT.
            with contextlib.suppress(OSError, TimeoutError):
                async with asyncio.timeout(5):
                    await client.disconnect()
