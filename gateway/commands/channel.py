"""The command channel: requests from the cloud on the upstream link, each answered once.

A request is a JSON object published (QoS 1) on ``commands.request_topic``::

    {"id": "c-0193", "command": "write", "issued_at": 1765101234.5,
     "gateway": "<gateway id>", "by": "ops@plant", "args": {...}}

or, with ``commands.signature`` set, that object's text inside a signed envelope
(gateway.commands.signing). Before a handler runs, the channel refuses (and answers so)
a request that is not JSON, lacks ``id``, ``command`` or ``issued_at``, is unsigned or
badly signed when a signature is required, names another gateway, was issued more than
``max_age`` seconds ago or more than ``max_skew`` in the future, or reuses the ``id`` of
one taken within that window (a replay); and a command no handler serves.

The answer goes to the request's MQTT 5 response topic with its correlation data when
it has them, else to ``commands.response_topic``; it carries the request's ``id``::

    {"id": "c-0193", "command": "write", "ok": true, "status": "done", "code": null,
     "detail": "written", "result": {...}, "gateway": "<id>", "responded_at": ...}

``status`` is ``done``, ``refused`` (nothing was done: ``code`` says why) or ``failed``.
An answer is published once, on the connection the request came in on; a lost answer is
not repeated (ask again under a new id). Handlers are registered by name (``write``,
``points``, ``ping`` today; later remote config and model rollout): the channel is the
same for all of them.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from gateway.commands.signing import SignatureError, Verifier
from gateway.config.commands import CommandsConfig
from gateway.health import ComponentHealth

log = logging.getLogger("gateway.commands")

MAX_ID = 128  # characters of a request id
SEEN_LIMIT = 10_000  # ids remembered for replay checks
QUEUE_FACTOR = 4  # requests waiting beyond max_concurrent before "busy"


class Link(Protocol):
    """What the channel needs of the connection a request came in on."""

    def respond(self, topic: str, payload: bytes, correlation: bytes | None) -> None: ...


@dataclass(frozen=True, slots=True)
class Request:
    id: str
    command: str
    args: dict[str, Any]
    issued_at: float
    by: str = ""
    signed: bool = False


@dataclass(slots=True)
class Reply:
    status: str  # done, refused, failed
    code: str | None = None
    detail: str = ""
    result: Any = None


Handler = Callable[[Request], Awaitable[Reply]]


@dataclass
class Refused(Exception):
    """A request the channel does not run; answered with ``code`` and ``detail``."""

    code: str
    detail: str
    request_id: str | None = None
    command: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class CommandChannel:
    """Admits, runs and answers requests; an inbound of the upstream client."""

    def __init__(
        self,
        config: CommandsConfig,
        *,
        gateway_id: str,
        verifier: Verifier,
        health: ComponentHealth | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = config
        self.gateway_id = gateway_id
        self.verifier = verifier
        self.health = health or ComponentHealth("commands", "service")
        self.clock = clock
        self.request_topic = config.request_topic.replace("{gateway_id}", gateway_id)
        self.response_topic = config.response_topic.replace("{gateway_id}", gateway_id)
        self.handlers: dict[str, Handler] = {}
        # In-flight answers this channel may publish at once (the upstream client keeps
        # room for them under the broker's receive maximum).
        self.reserve = config.max_concurrent
        self._seen: dict[str, float] = {}  # request id -> until when a reuse is a replay
        self._tasks: set[asyncio.Task[None]] = set()
        self._slots: asyncio.Semaphore | None = None
        self.health.extra.update(refused=0, answered=0, lost_answers=0)
        self.health.up()  # the link itself is upstream-link's

    def register(self, name: str, handler: Handler) -> None:
        self.handlers[name] = handler

    # -- the upstream client's inbound -----------------------------------------------------

    def topics(self) -> list[str]:
        return [self.request_topic]

    def accepts(self, topic: str) -> bool:
        return topic == self.request_topic

    def on_message(
        self, link: Link, topic: str, payload: bytes, properties: dict[str, Any]
    ) -> None:
        """A request arrived (on gmqtt's callback, on the loop): admit it and start it."""
        self.health.received += 1
        answer_to = _first(properties.get("response_topic")) or self.response_topic
        correlation = _first(properties.get("correlation_data"))
        if isinstance(correlation, str):
            correlation = correlation.encode()
        try:
            request = self.admit(payload)
            if len(self._tasks) >= QUEUE_FACTOR * self.config.max_concurrent:
                raise Refused("busy", "too many commands waiting; ask again later", request.id)
        except Refused as r:
            self._refused(link, answer_to, correlation, r)
            return
        task = asyncio.get_running_loop().create_task(
            self._run(link, answer_to, correlation, request), name=f"command {request.id}"
        )
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self.health.error(f"command handler failed: {task.exception()}")
            log.error("a command handler failed", exc_info=task.exception())

    # -- admission ------------------------------------------------------------------------

    def admit(self, payload: bytes) -> Request:
        """The request, once it is well formed, signed as required, fresh and new."""
        try:
            doc = json.loads(payload)
        except (ValueError, UnicodeDecodeError):
            raise Refused("malformed", "the request is not JSON") from None
        if not isinstance(doc, dict):
            raise Refused("malformed", "the request is not a JSON object")
        signed = "signed" in doc
        if self.verifier.required or signed:
            if not self.verifier.required:
                raise Refused("malformed", "a signed envelope, but no signature is configured")
            try:
                doc = self.verifier.open(doc)
            except SignatureError as err:
                raise Refused("bad_signature", str(err), _claimed_id(doc)) from None
        rid, command = _text(doc.get("id")), _text(doc.get("command"))
        if not rid or len(rid) > MAX_ID:
            raise Refused("malformed", f"id must be text of 1-{MAX_ID} characters", None, command)
        if not command:
            raise Refused("malformed", "command is missing", rid)
        gateway = doc.get("gateway")
        if gateway is not None and gateway != self.gateway_id:
            raise Refused("wrong_gateway", f"this is gateway {self.gateway_id}", rid, command)
        if signed and gateway is None:
            raise Refused("malformed", "a signed request names its gateway", rid, command)
        issued = _epoch(doc.get("issued_at"))
        if issued is None:
            raise Refused("malformed", "issued_at (epoch seconds or ISO 8601) is missing", rid)
        self._fresh(rid, command, issued)
        args = doc.get("args", {})
        if not isinstance(args, dict):
            raise Refused("malformed", "args must be a JSON object", rid, command)
        if command not in self.handlers:
            known = ", ".join(sorted(self.handlers))
            raise Refused("unknown_command", f"no command {command!r} (known: {known})", rid)
        return Request(rid, command, args, issued, _text(doc.get("by")) or "", signed)

    def _fresh(self, rid: str, command: str, issued: float) -> None:
        now = self.clock()
        cfg = self.config
        age = now - issued
        if age > cfg.max_age:
            raise Refused(
                "expired", f"issued {age:.1f} s ago; requests live {cfg.max_age:g} s", rid, command
            )
        if -age > cfg.max_skew:
            raise Refused(
                "from_future", f"issued {-age:.1f} s in the future (clocks apart?)", rid, command
            )
        if self._seen.get(rid, 0.0) > now:
            raise Refused("replayed", "a request with this id was already taken", rid, command)
        if len(self._seen) >= SEEN_LIMIT:
            self._seen = {k: t for k, t in self._seen.items() if t > now}
        if len(self._seen) < SEEN_LIMIT:
            self._seen[rid] = issued + cfg.max_age + cfg.max_skew
        else:
            raise Refused("busy", "too many recent requests to check for replays", rid, command)

    # -- running and answering --------------------------------------------------------------

    async def _run(
        self, link: Link, topic: str, correlation: bytes | None, request: Request
    ) -> None:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.config.max_concurrent)
        async with self._slots:
            reply = await self.handlers[request.command](request)
        self._answer(link, topic, correlation, request.id, request.command, reply)
        log.info(
            "command %s (%s) from %s: %s",
            request.id,
            request.command,
            request.by or "the cloud",
            reply.status,
            extra={"event": "command", "command": request.command, "status": reply.status},
        )

    def _refused(self, link: Link, topic: str, correlation: bytes | None, r: Refused) -> None:
        self.health.error(f"command refused: {r.code}: {r.detail}")
        log.warning(
            "command %s refused: %s (%s)",
            r.request_id or "(no id)",
            r.code,
            r.detail,
            extra={"event": "command_refused", "code": r.code},
        )
        self._answer(
            link, topic, correlation, r.request_id, r.command, Reply("refused", r.code, r.detail)
        )

    def _answer(
        self,
        link: Link,
        topic: str,
        correlation: bytes | None,
        rid: str | None,
        command: str | None,
        reply: Reply,
    ) -> None:
        body = {
            "id": rid,
            "command": command,
            "ok": reply.status == "done",
            "status": reply.status,
            "code": reply.code,
            "detail": reply.detail,
            "result": reply.result,
            "gateway": self.gateway_id,
            "responded_at": self.clock(),
        }
        try:
            link.respond(topic, json.dumps(body, default=str).encode(), correlation)
        except (OSError, RuntimeError, ConnectionError) as err:
            self.health.extra["lost_answers"] += 1
            self.health.error(f"answer to {rid} lost: {err}")
            return
        self.health.extra["answered"] += 1
        if reply.status == "refused":
            self.health.extra["refused"] += 1
        self.health.sent += 1


def _claimed_id(doc: dict[str, Any]) -> str | None:
    """The id a request claims before its signature is checked: only to answer it."""
    inner: Any = doc
    if isinstance(doc.get("signed"), str):
        try:
            inner = json.loads(doc["signed"])
        except ValueError:
            return None
    rid = inner.get("id") if isinstance(inner, dict) else None
    return rid[:MAX_ID] if isinstance(rid, str) else None


def _first(value: Any) -> Any:
    """gmqtt hands each MQTT 5 property as a list of its values."""
    if isinstance(value, list | tuple):
        return value[0] if value else None
    return value


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _epoch(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return dt.timestamp() if dt.tzinfo is not None else None
    return None
