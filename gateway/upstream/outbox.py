"""The upstream outbox: the sinks' durable buffer (gateway.sinks.buffer) holding MQTT messages.

Every message is in SQLite before it is sent, and leaves after its PUBACK (the
forwarder deletes it). What the outbox adds to the buffer: the key is the MQTT topic,
and a JSON message gets a unique ``id`` and its stream's ``seq`` written first into its
object, so the cloud can put each asset's messages in order and spot a gap or a
duplicate. A ``raw`` message (Sparkplug B protobuf) is stored as it is; its stream
still takes the next sequence number, in the row only.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from gateway.sinks.buffer import (
    AppendResult,
    DurableBuffer,
    DurableBufferError,
    Entry,
    Row,
    row_bytes,
)

OUTBOX_FILE = "upstream-outbox.sqlite3"

__all__ = [
    "OUTBOX_FILE",
    "AppendResult",
    "NewMessage",
    "Outbox",
    "OutboxError",
    "Row",
    "row_bytes",
]


class OutboxError(DurableBufferError):
    """The outbox file cannot be written or read (disk full, I/O error, corrupt file)."""


@dataclass(frozen=True, slots=True)
class NewMessage(Entry):
    """A message to store: ``body`` is a JSON object; the outbox puts ``id`` and ``seq`` first.

    ``key`` is the topic. With ``raw`` the body is stored as it is.
    """

    raw: bool = False

    @property
    def topic(self) -> str:
        return self.key


class Outbox(DurableBuffer):
    Error = OutboxError
    thread_name = "outbox"

    def __init__(
        self, path: Path, *, max_bytes: int, overflow: str = "drop_oldest", fsync: bool = True
    ) -> None:
        super().__init__(path, max_bytes=max_bytes, overflow=overflow, fsync=fsync)
        # Message ids: 64 random bits drawn at open, then a counter (32 hex digits in
        # all): unique without a system call per message.
        self._id_prefix = uuid.uuid4().hex[:16].encode()
        self._ids = 0

    def _payloads(self, entries: Sequence[Entry], seqs: list[int]) -> list[bytes]:
        out = []
        prefix = self._id_prefix
        ids = self._ids
        for m, seq in zip(entries, seqs, strict=True):
            body = m.body
            if m.raw:  # type: ignore[attr-defined]
                out.append(body)
                continue
            ids += 1
            head = b'{"id":"%s%016x","seq":%d' % (prefix, ids, seq)
            out.append(head + (b"," + body[1:] if len(body) > 2 else b"}"))
        self._ids = ids
        return out
