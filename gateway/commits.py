"""Acknowledgement after commit: how far the pipeline's readings are stored on this gateway.

The pipeline numbers the readings it accepts, in order (1, 2, ...); ``Pipeline.submit``
returns the number of the last one, a *ticket*. One sink is the gateway's first durable
copy (the upstream outbox, else the history); as its batches commit it moves the
``Watermark``: every reading up to ``upto`` is on disk, or was dropped by a full queue
(counted there). A source that owes its peer an acknowledgement (MQTT's PUBACK) keeps
it until the watermark passes the ticket of the readings it covers, so the peer forgets
a message only once the gateway holds it on disk.

``CommitMarks`` is the sink's side: queues are first in, first out, so the sink only
has to remember, for each batch offered, where the batch ends in its queue and the
ticket it carries; when the items up to that point have been handled, the ticket is
committed.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from gateway.config import GatewayConfig

log = logging.getLogger("gateway.runtime")


class Watermark:
    """The ticket up to which every reading is committed; listeners hear each advance."""

    def __init__(self) -> None:
        self.upto = 0
        self._listeners: list[Callable[[int], None]] = []

    def listen(self, fn: Callable[[int], None]) -> None:
        self._listeners.append(fn)

    def advance(self, upto: int) -> None:
        if upto > self.upto:
            self.upto = upto
            for fn in self._listeners:
                fn(upto)


class CommitMarks:
    """A durable sink's record of which ticket each stretch of its queue carries."""

    def __init__(self, watermark: Watermark) -> None:
        self.watermark = watermark
        self._marks: deque[tuple[int, int]] = deque()  # (items queued up to here, ticket)
        self._queued = 0  # items ever appended to the queue
        self._done = 0  # items ever handled (committed) and taken off it

    def offered(self, appended: int, ticket: int) -> None:
        """A batch went into the queue (``appended`` of its items fit; the rest were
        dropped and counted by the queue): its ticket commits with the last of them."""
        self._queued += appended
        self._marks.append((self._queued, ticket))
        self._release()

    def done(self, n: int) -> None:
        """The oldest ``n`` items of the queue were committed."""
        self._done += n
        self._release()

    def _release(self) -> None:
        marks = self._marks
        upto = 0
        while marks and marks[0][0] <= self._done:
            upto = marks.popleft()[1]
        if upto:
            self.watermark.advance(upto)


class Committing(Protocol):
    """What ``choose_commit_point`` needs of the pipeline."""

    def commit_with(self, sink: Any) -> None: ...


def _acking_after_store(cfg: GatewayConfig) -> list[str]:
    """The MQTT sources that acknowledge only what is stored (QoS 1/2, ``ack: stored``)."""
    return [s.name for s in cfg.sources if s.kind == "mqtt" and s.qos > 0 and s.ack == "stored"]


def acks_after_store(cfg: GatewayConfig) -> bool:
    return bool(_acking_after_store(cfg))


def choose_commit_point(pipeline: Committing, sinks: Sequence[Any], cfg: GatewayConfig) -> None:
    """The first durable copy of a reading, after which MQTT acknowledges it: the sink
    named ``upstream`` (its outbox; JSON or Sparkplug B), else the one named ``history``;
    with neither, acknowledgements go on receipt."""
    by_name = {s.name: s for s in sinks}
    sink = by_name.get("upstream") or by_name.get("history")
    if sink is not None:
        pipeline.commit_with(sink)
        where = "the upstream outbox" if sink.name == "upstream" else "the history"
    else:
        where = None
    acked = _acking_after_store(cfg)  # (ack: received sources acknowledge on receipt anyway)
    if not acked:
        return
    if where is None:
        log.warning(
            "MQTT sources %s: neither upstream nor history is enabled, so messages are "
            "acknowledged on receipt: a crash loses those not yet processed",
            ", ".join(acked),
            extra={"event": "ack_on_receipt"},
        )
    else:
        log.info("MQTT messages are acknowledged once stored in %s", where)
