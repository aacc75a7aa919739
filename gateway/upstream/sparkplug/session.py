"""The edge node's MQTT session: births, per-session ``seq``, NCMD rebirth and the host's STATE.

One ``EdgeSession`` lives as long as the sink; each connection to the broker is a
``SparkplugClient`` (the upstream client with Sparkplug's will and subscriptions):

- **Will and bdSeq.** Each CONNECT packet takes the next ``bdSeq`` (0-255, wrapping,
  kept in the data folder across restarts: ``bdseq.py``) and carries an NDEATH with it
  as its MQTT will (QoS 1, not retained); the NBIRTH of that connection carries the
  same ``bdSeq``. A TCP connect that fails takes no number. A clean stop publishes the
  NDEATH itself, then disconnects: with MQTT 5 with reason 0x04 "Disconnect with Will
  Message", so the broker publishes the will too (a host ignores the second NDEATH:
  same bdSeq); with 3.1.1 a normal DISCONNECT, which discards the will.
- **Births before anything else.** The forwarder awaits ``on_connect`` before it sends
  a single row of the outbox: it waits for the primary host to be online (when one is
  configured), then publishes NBIRTH (``seq`` 0) and one DBIRTH per known device.
- **seq and timestamp at send time.** The outbox stores DDATA without ``seq`` and
  without the payload's ``timestamp``. When a row goes out, ``payload_at_send`` appends
  both, serialized (``encoder.send_fields``): protobuf parses concatenated messages as
  one merged message, so this sets the fields without decoding the rest. The numbers
  thus follow publication order within the session, whatever session the row was
  stored in; a row sent again after a lost PUBACK gets a new number; the payload's
  timestamp is the time it is published (Sparkplug 3.0), while each metric keeps its
  reading's timestamp.
- **History.** A row stored before this session's births (an outage's backlog, or what
  was in flight when the link went) is re-encoded with ``is_historical`` on every metric:
  the host application stores it in its history without taking it as the current value
  (the DBIRTH just before carried the current values, restored from the stores after
  a restart: ``restore.py``). Metric timestamps are the readings' own, so the host can
  order the history.
- **NCMD.** ``Node Control/Rebirth`` = true (by name: the NBIRTH declares it without
  an alias): NBIRTH (``seq`` 0 again, same ``bdSeq``) and every DBIRTH are published
  again at once.
- **STATE** (``primary_host_id``): after CONNACK the node subscribes to
  ``spBv1.0/STATE/<host>`` and publishes nothing until a STATE with ``online: true``
  arrives on that connection. An ``online: false`` (newer than the last one seen) makes
  the node publish its NDEATH and disconnect; the next connection waits for the host
  again and births anew.

Births and DDEATH are QoS 0 (as Sparkplug 3.0 asks for births) and are not stored:
they are built from the latest state whenever needed. A device's birth and death are
``birth_device`` and ``death_device``: the one place each is built and counted, for
whatever decides a device is born or dead (a new device, a new metric, a quiet asset).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from typing import Any

from gmqtt import Message, Subscription

from gateway.config.upstream import SparkplugConfig, UpstreamConfig
from gateway.gmqtt_seam import PubackCallback
from gateway.health import ComponentHealth
from gateway.upstream.client import UpstreamClient, UpstreamError
from gateway.upstream.forwarder import Link
from gateway.upstream.outbox import Outbox, Row
from gateway.upstream.sparkplug.bdseq import BdSeq
from gateway.upstream.sparkplug.encoder import (
    REBIRTH,
    Payload,
    SparkplugEncoder,
    Topics,
    send_fields,
)

log = logging.getLogger("gateway.upstream.sparkplug")

DISCONNECT_WITH_WILL = 0x04  # MQTT 5 reason code (§3.14.2.1)


def historical(payload: bytes) -> bytes:
    """The same DDATA with ``is_historical`` set on every metric."""
    p = Payload.FromString(payload)
    for m in p.metrics:
        m.is_historical = True
    return p.SerializeToString()  # type: ignore[no-any-return]


class SparkplugClient(UpstreamClient):
    """One connection: NDEATH as the will, NCMD and STATE subscribed after CONNACK."""

    def __init__(
        self,
        config: UpstreamConfig,
        *,
        gateway_id: str,
        on_puback: PubackCallback,
        session: EdgeSession,
    ) -> None:
        super().__init__(config, gateway_id=gateway_id, on_puback=on_puback)
        self.session = session
        self.bd_seq: int | None = None  # taken when the CONNECT is written
        self._death: Message | None = None

    def will(self) -> Message | None:
        try:
            self.bd_seq = self.session.next_bd_seq()
        except OSError as err:
            raise UpstreamError(
                f"sparkplug bdSeq cannot be kept in the data folder: {err}"
            ) from err
        self._death = Message(
            self.session.topics.ndeath,
            self.session.encoder.ndeath(self.bd_seq),
            qos=1,
            retain=False,
        )
        return self._death

    def connected(self, client: Any) -> None:
        s = self.session
        client.on_message = self._on_message
        subs = [Subscription(s.topics.ncmd, qos=1)]
        if s.config.primary_host_id is not None:
            subs.append(Subscription(Topics.state(s.config.primary_host_id), qos=1))
        client.subscribe(subs)

    def farewell(self) -> Message | None:
        return self._death

    def disconnect_reason(self) -> int:
        # Sparkplug 3.0 (tck-id-payloads-ndeath-will-message-publisher-disconnect-mqtt50).
        return DISCONNECT_WITH_WILL if self.config.protocol == "5" else 0

    def _on_message(self, client: Any, topic: str, payload: bytes, qos: int, props: Any) -> int:
        try:
            self.session.on_message(self, topic, payload)
        except Exception:  # a bad command must not take the link down
            log.warning("sparkplug: cannot handle a message on %s", topic, exc_info=True)
        return 0

    def die(self) -> None:
        """Publish the NDEATH and end this connection (the host went offline)."""
        client = self._client
        if client is not None and self._death is not None and not self.lost.is_set():
            with contextlib.suppress(OSError, RuntimeError):
                client.publish(self._death)
        self.lost.set()


class EdgeSession:
    def __init__(
        self,
        encoder: SparkplugEncoder,
        config: SparkplugConfig,
        *,
        health: ComponentHealth,
        bd_seq: BdSeq,
        qos_births: int = 0,
    ) -> None:
        self.encoder = encoder
        self.topics = encoder.topics
        self.config = config
        self.health = health
        self.outbox: Outbox | None = None  # set by the sink once opened
        self.qos_births = qos_births
        self.seq = 0
        self.client: SparkplugClient | None = None  # set once births are out
        self.born: dict[str, int] = {}  # device -> registry version its DBIRTH declared
        # Devices whose asset is not live (gateway.assets): DDEATH, no DBIRTH until it is.
        self.dead: set[str] = set()
        self.birth_upto = 0  # rows up to this id were stored before this session's births
        self.bd_seq = bd_seq
        self._host_online: bool | None = None
        self._host_ts = -1
        self._host_changed = asyncio.Event()
        self._topic_cache: dict[str, str | None] = {}
        self.counts = {"nbirth": 0, "dbirth": 0, "ddeath": 0, "rebirth_requests": 0}

    # -- wiring ------------------------------------------------------------------------

    def client_factory(
        self, config: UpstreamConfig, *, gateway_id: str, on_puback: PubackCallback
    ) -> SparkplugClient:
        return SparkplugClient(config, gateway_id=gateway_id, on_puback=on_puback, session=self)

    def next_bd_seq(self) -> int:
        """The bdSeq of the CONNECT about to be written, on disk first (raises OSError)."""
        return self.bd_seq.take()

    def _next_seq(self) -> int:
        self.seq = (self.seq + 1) % 256
        return self.seq

    # -- a new connection ----------------------------------------------------------------

    async def on_connect(self, link: Link) -> None:
        assert isinstance(link, SparkplugClient)
        self.client = None
        self.born.clear()
        self._host_online = None
        if self.config.primary_host_id is not None:
            await self._wait_for_host(link)
        self.client = link
        self.birth_upto = self.outbox.max_id if self.outbox is not None else 0
        self.births()

    async def _wait_for_host(self, link: SparkplugClient) -> None:
        host = self.config.primary_host_id
        self.health.extra["sparkplug_host"] = "waiting"
        logged = False
        while not self._host_online:
            if link.lost.is_set():
                raise UpstreamError("connection lost while waiting for the primary host's STATE")
            if not logged:
                log.info(
                    "sparkplug: waiting for primary host %s to be online before publishing",
                    host,
                    extra={"component": self.health.name, "event": "host_wait"},
                )
                logged = True
            self._host_changed.clear()
            lost = asyncio.ensure_future(link.lost.wait())
            changed = asyncio.ensure_future(self._host_changed.wait())
            try:
                await asyncio.wait({lost, changed}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                lost.cancel()
                changed.cancel()
        self.health.extra["sparkplug_host"] = "online"

    def births(self) -> None:
        """NBIRTH (seq 0) and a DBIRTH for every known device, in that order."""
        client = self.client
        if client is None or client.bd_seq is None:
            return
        self.seq = 0
        nbirth = self.encoder.nbirth(client.bd_seq).SerializeToString()
        client.publish(self.topics.nbirth, nbirth, self.qos_births)
        self.counts["nbirth"] += 1
        self.born.clear()
        for dev in list(self.encoder.registry.devices):
            if dev not in self.dead:
                self.birth_device(dev)
        self._stats()

    def birth_device(self, dev: str) -> bool:
        """A DBIRTH of ``dev`` with its current values (its data may follow); False when
        no session is up (the next births include it)."""
        client = self.client
        if client is None or client.lost.is_set():
            return False
        payload = self.encoder.dbirth(dev, self._next_seq())
        client.publish(self.topics.device("DBIRTH", dev), payload, self.qos_births)
        self.born[dev] = self.encoder.registry.version(dev)
        self.counts["dbirth"] += 1
        return True

    def death_device(self, dev: str) -> bool:
        """A DDEATH of a born ``dev``; its next data brings a DBIRTH first. False when
        it was not born in this session (nothing sent)."""
        client = self.client
        if client is None or client.lost.is_set() or self.born.pop(dev, None) is None:
            return False
        client.publish(
            self.topics.device("DDEATH", dev),
            self.encoder.ddeath(self._next_seq()),
            self.qos_births,
        )
        self.counts["ddeath"] += 1
        return True

    # -- sending a stored row ----------------------------------------------------------

    def _device_of(self, topic: str) -> str | None:
        dev = self._topic_cache.get(topic, "")
        if dev == "":
            parts = topic.split("/")
            dev = parts[4] if len(parts) > 4 else None
            if len(self._topic_cache) > 100_000:
                self._topic_cache.clear()
            self._topic_cache[topic] = dev
        return dev

    def payload_at_send(self, row: Row) -> bytes:
        client = self.client
        dev = self._device_of(row.key)
        if client is not None and dev is not None:
            born = self.born.get(dev)
            # A device first seen in this session, or one with a metric its DBIRTH did
            # not declare, is born (again) before its data.
            if born is None or born != self.encoder.registry.version(dev):
                self.birth_device(dev)
        payload = row.payload
        if row.id <= self.birth_upto:
            payload = historical(payload)
        return payload + send_fields(self._next_seq())

    # -- commands and the host's state ------------------------------------------------

    def on_message(self, client: SparkplugClient, topic: str, payload: bytes) -> None:
        if topic == self.topics.ncmd:
            p = Payload.FromString(payload)
            for m in p.metrics:
                if m.name == REBIRTH and m.boolean_value:
                    self.counts["rebirth_requests"] += 1
                    log.info(
                        "sparkplug: rebirth requested",
                        extra={"component": self.health.name, "event": "rebirth"},
                    )
                    if client is self.client:
                        self.births()
                    break
            return
        host = self.config.primary_host_id
        if host is not None and topic == Topics.state(host):
            self._on_state(client, payload)

    def _on_state(self, client: SparkplugClient, payload: bytes) -> None:
        try:
            doc = json.loads(payload)
            online = bool(doc["online"])
            ts = int(doc.get("timestamp", 0))
        except (ValueError, KeyError, TypeError):
            log.warning("sparkplug: STATE payload not understood: %r", payload[:100])
            return
        if ts < self._host_ts:
            return  # an older message (Sparkplug 3.0: compare the timestamps)
        self._host_ts = ts
        self._host_online = online
        self._host_changed.set()
        self.health.extra["sparkplug_host"] = "online" if online else "offline"
        # Born on this connection: die and reconnect. Still waiting for the host (the
        # retained offline STATE after a reconnect): nothing was published, keep waiting.
        if not online and client is self.client:
            log.warning(
                "sparkplug: primary host %s is offline: NDEATH and disconnect",
                self.config.primary_host_id,
                extra={"component": self.health.name, "event": "host_offline"},
            )
            self.client = None
            client.die()

    def report(self, dev: str, values: dict[str, float]) -> bool:
        """DDATA with values just written (DCMD); False when the device is not born here."""
        client = self.client
        if client is None or client.lost.is_set() or dev not in self.born:
            return False
        payload = self.encoder.report(dev, values, self._next_seq())
        client.publish(self.topics.device("DDATA", dev), payload, self.qos_births)
        return True

    # -- devices that went quiet ----------------------------------------------------------

    def device_state(self, dev: str, live: bool) -> None:
        """The asset's data state changed: DDEATH when it stops being live; back live, its
        next DDATA brings its DBIRTH (``payload_at_send``)."""
        if live:
            self.dead.discard(dev)
            return
        self.dead.add(dev)
        self.death_device(dev)

    def reap(self) -> None:
        """A dead device born again by a stored row sent after a reconnect dies again."""
        for dev in [d for d in self.born if d in self.dead]:
            self.death_device(dev)

    def check_devices(self, timeout: float, now: float | None = None) -> None:
        """DDEATH for born devices whose last reading is older than ``timeout``."""
        client = self.client
        if client is None or timeout <= 0 or client.lost.is_set():
            return
        now = time.time() if now is None else now
        seen = self.encoder.last_seen
        for dev in list(self.born):
            last = seen.get(dev)
            if last is not None and now - last > timeout:
                self.death_device(dev)

    def _stats(self) -> None:
        self.health.extra["sparkplug"] = {
            **self.counts,
            "bdSeq": self.client.bd_seq if self.client else None,
            "devices": len(self.born),
        }
