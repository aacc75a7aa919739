"""The upstream outbox: every message is in SQLite (WAL) before it is sent, and leaves after PUBACK.

Rows are appended in batches, one transaction per batch (one fsync when ``fsync`` is
on, so a power cut keeps every batch whose append returned). Each message gets the
next sequence number of its stream (an asset's telemetry, an asset's alerts) and a
unique id, both written into its JSON payload; the streams' last numbers live in the
same transaction, so a restart continues without a gap or a repeat. The global row id
orders everything: sending in id order keeps every stream in order.

The outbox is bounded by ``max_bytes`` of messages (topic, payload and a fixed
per-row overhead). When an append does not fit, ``drop_oldest`` deletes the oldest
messages to make room and ``reject_newest`` refuses the batch's messages that do not
fit; either way every dropped message and reading is counted, in memory and in the
file, so the totals survive a restart.

Threads: one writer connection (``append``, ``delete``) used by one worker thread at
a time, under a lock; a separate reader connection for ``read_after``/``read_ids``,
used from the event loop: WAL lets it read committed rows beside the writer. Each
write is a handful of SQLite statements whatever the batch size (multi-row INSERT and
DELETE ... IN), because every statement releases and re-takes the GIL, and a busy
event loop makes each re-take wait up to the interpreter's switch interval.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

log = logging.getLogger("gateway.upstream.outbox")

OUTBOX_FILE = "upstream-outbox.sqlite3"
# Bytes counted per row beside topic and payload: the row id, stream, sequence number,
# counters and the b-tree cell. Measured: the file holds about 1.1x the counted bytes.
ROW_OVERHEAD = 64
# Rows per INSERT/DELETE statement: 7 parameters a row stays far below SQLite's 32,766.
_CHUNK = 500

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    stream TEXT NOT NULL,
    seq INTEGER NOT NULL,
    topic TEXT NOT NULL,
    payload BLOB NOT NULL,
    readings INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS streams (stream TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
"""


class OutboxError(Exception):
    """The outbox file cannot be written or read (disk full, I/O error, corrupt file)."""


@dataclass(frozen=True, slots=True)
class NewMessage:
    """A message to store: ``body`` is a JSON object; the outbox puts ``id`` and ``seq`` first.

    With ``raw`` the body is stored as it is (another format, e.g. Sparkplug B protobuf);
    the stream still takes its next sequence number, in the row only.
    """

    stream: str
    topic: str
    body: bytes
    readings: int = 0
    raw: bool = False


class _Prepared(NamedTuple):
    stream: str
    seq: int
    topic: str
    payload: bytes
    readings: int
    bytes: int


class Row(NamedTuple):
    """A stored message, as the sender needs it."""

    id: int
    topic: str
    payload: bytes
    bytes: int
    readings: int


@dataclass(slots=True)
class AppendResult:
    rows: list[Row] = field(default_factory=list)  # what was stored, in id order
    dropped_messages: int = 0  # old ones deleted, or new ones refused, to respect the budget
    dropped_readings: int = 0
    dropped_upto: int = 0  # drop_oldest: every row with an id up to this one is gone
    _freed: tuple[int, int, int] = (0, 0, 0)  # old rows deleted: messages, bytes, readings


def row_bytes(topic: str, payload: bytes) -> int:
    return len(topic) + len(payload) + ROW_OVERHEAD


def _connect(path: Path, *, fsync: bool) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL in WAL mode syncs the log at each commit: an append that returned survives a
    # power cut. NORMAL survives a process kill only (the last commits may go with power).
    conn.execute(f"PRAGMA synchronous={'FULL' if fsync else 'NORMAL'}")
    return conn


class Outbox:
    def __init__(
        self,
        path: Path,
        *,
        max_bytes: int,
        overflow: str = "drop_oldest",
        fsync: bool = True,
    ) -> None:
        if overflow not in ("drop_oldest", "reject_newest"):
            raise ValueError(f"unknown overflow policy {overflow!r}")
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.overflow = overflow
        self._lock = threading.Lock()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="outbox")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._w = _connect(self.path, fsync=fsync)
            # Only takes effect on a new file: lets a drained outbox give its pages back.
            self._w.execute("PRAGMA auto_vacuum=INCREMENTAL")
            # After a checkpoint the log file is cut back to this size.
            self._w.execute(f"PRAGMA journal_size_limit={8 * 1024 * 1024}")
            self._w.executescript(_SCHEMA)
            self._r = _connect(self.path, fsync=fsync)
            self._seq: dict[str, int] = dict(self._w.execute("SELECT stream, seq FROM streams"))
            count, total, readings, max_id = self._w.execute(
                "SELECT COUNT(*), COALESCE(SUM(bytes), 0), COALESCE(SUM(readings), 0),"
                " COALESCE(MAX(id), 0) FROM outbox"
            ).fetchone()
            meta = dict(self._w.execute("SELECT key, value FROM meta"))
        except sqlite3.Error as err:
            raise OutboxError(f"cannot open the outbox {self.path}: {err}") from err
        self.messages: int = count
        self.bytes: int = total
        self.readings: int = readings
        self.max_id: int = max_id  # the highest id stored at open, then appended
        self.dropped_messages: int = meta.get("dropped_messages", 0)
        self.dropped_readings: int = meta.get("dropped_readings", 0)
        self.deleted_messages = 0  # delivered and deleted since open
        # Message ids: 64 random bits drawn at open, then a counter (32 hex digits in
        # all): unique without a system call per message.
        self._id_prefix = uuid.uuid4().hex[:16].encode()
        self._ids = 0

    # -- writing (one thread at a time) -------------------------------------------------

    def append(self, messages: Sequence[NewMessage]) -> AppendResult:
        """Store messages in one transaction; applies the overflow policy first.

        Every message takes its stream's next sequence number, also one that the budget
        then drops: the cloud sees the loss as a gap.
        """
        result = AppendResult()
        if not messages:
            return result
        with self._lock:
            prepared, seqs = self._prepare(messages)
            try:
                self._w.execute("BEGIN IMMEDIATE")
                keep = self._make_room(prepared, result)
                if keep:
                    result.rows = self._insert(keep, time.time())
                self._w.execute(
                    "INSERT INTO streams (stream, seq) VALUES "
                    + ",".join(["(?,?)"] * len(seqs))
                    + " ON CONFLICT(stream) DO UPDATE SET seq=excluded.seq",
                    [x for kv in seqs.items() for x in kv],
                )
                if result.dropped_messages:
                    self._w.execute(
                        "INSERT INTO meta (key, value) VALUES ('dropped_messages', ?),"
                        " ('dropped_readings', ?)"
                        " ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                        (
                            self.dropped_messages + result.dropped_messages,
                            self.dropped_readings + result.dropped_readings,
                        ),
                    )
                self._w.execute("COMMIT")
            except sqlite3.Error as err:
                self._rollback()
                self._undo_drop(result)
                raise OutboxError(f"outbox append failed: {err}") from err
            # The counters move only once the transaction is on disk.
            self._seq.update(seqs)
            self.dropped_messages += result.dropped_messages
            self.dropped_readings += result.dropped_readings
            for r in result.rows:
                self.messages += 1
                self.bytes += r.bytes
                self.readings += r.readings
            if result.rows:
                self.max_id = result.rows[-1].id
        return result

    def _prepare(self, messages: Sequence[NewMessage]) -> tuple[list[_Prepared], dict[str, int]]:
        seqs: dict[str, int] = {}
        out: list[_Prepared] = []
        for m in messages:
            seq = seqs.get(m.stream, self._seq.get(m.stream, 0)) + 1
            seqs[m.stream] = seq
            if m.raw:
                payload = m.body
            else:
                self._ids += 1
                head = b'{"id":"%s%016x","seq":%d' % (self._id_prefix, self._ids, seq)
                payload = head + (b"," + m.body[1:] if len(m.body) > 2 else b"}")
            out.append(
                _Prepared(m.stream, seq, m.topic, payload, m.readings, row_bytes(m.topic, payload))
            )
        return out, seqs

    def _make_room(self, prepared: list[_Prepared], result: AppendResult) -> list[_Prepared]:
        """The messages to insert after applying the budget; counts what is dropped."""
        new_total = sum(p.bytes for p in prepared)
        if self.bytes + new_total <= self.max_bytes:
            return prepared
        if self.overflow == "reject_newest":
            room = self.max_bytes - self.bytes
            n = 0
            for p in prepared:
                if p.bytes > room:
                    break
                room -= p.bytes
                n += 1
            for p in prepared[n:]:
                result.dropped_messages += 1
                result.dropped_readings += p.readings
            return prepared[:n]
        # drop_oldest: the batch's own oldest go first when the batch alone is too big.
        start = 0
        while new_total > self.max_bytes and start < len(prepared):
            new_total -= prepared[start].bytes
            result.dropped_messages += 1
            result.dropped_readings += prepared[start].readings
            start += 1
        need = self.bytes + new_total - self.max_bytes
        if need > 0:
            self._drop_oldest(need, result)
        return prepared[start:]

    def _drop_oldest(self, need: int, result: AppendResult) -> None:
        # The smallest id whose running total frees enough: one statement, one scan.
        row = self._w.execute(
            "SELECT id FROM (SELECT id, SUM(bytes) OVER (ORDER BY id) AS freed FROM outbox)"
            " WHERE freed >= ? LIMIT 1",
            (need,),
        ).fetchone()
        upto = row[0] if row else self.max_id
        count, total, readings = self._w.execute(
            "SELECT COUNT(*), COALESCE(SUM(bytes), 0), COALESCE(SUM(readings), 0)"
            " FROM outbox WHERE id <= ?",
            (upto,),
        ).fetchone()
        self._w.execute("DELETE FROM outbox WHERE id <= ?", (upto,))
        self.messages -= count
        self.bytes -= total
        self.readings -= readings
        result.dropped_messages += count
        result.dropped_readings += readings
        result.dropped_upto = upto
        result._freed = (count, total, readings)

    def _undo_drop(self, result: AppendResult) -> None:
        count, total, readings = result._freed
        self.messages += count
        self.bytes += total
        self.readings += readings

    def _insert(self, keep: list[_Prepared], now: float) -> list[Row]:
        first = None
        for i in range(0, len(keep), _CHUNK):
            chunk = keep[i : i + _CHUNK]
            params: list[object] = []
            for p in chunk:
                params += (p.stream, p.seq, p.topic, p.payload, p.readings, p.bytes, now)
            cur = self._w.execute(
                "INSERT INTO outbox (stream, seq, topic, payload, readings, bytes, created) VALUES "
                + ",".join(["(?,?,?,?,?,?,?)"] * len(chunk)),
                params,
            )
            # Row ids of one multi-row INSERT under AUTOINCREMENT are consecutive, and the
            # writer holds the lock: the last id minus the count gives the first.
            if first is None:
                first = (cur.lastrowid or 0) - len(chunk) + 1
        assert first is not None
        return [Row(first + i, p.topic, p.payload, p.bytes, p.readings) for i, p in enumerate(keep)]

    def delete(self, ids: Iterable[int]) -> int:
        """Delete delivered messages; ids already gone (dropped) are ignored. Returns the count."""
        ids = list(ids)
        if not ids:
            return 0
        with self._lock:
            try:
                self._w.execute("BEGIN IMMEDIATE")
                count = total = readings = 0
                for i in range(0, len(ids), _CHUNK):
                    chunk = ids[i : i + _CHUNK]
                    marks = ",".join("?" * len(chunk))
                    c, t, r = self._w.execute(
                        "SELECT COUNT(*), COALESCE(SUM(bytes), 0), COALESCE(SUM(readings), 0)"
                        f" FROM outbox WHERE id IN ({marks})",
                        chunk,
                    ).fetchone()
                    self._w.execute(f"DELETE FROM outbox WHERE id IN ({marks})", chunk)
                    count, total, readings = count + c, total + t, readings + r
                self._w.execute("COMMIT")
            except sqlite3.Error as err:
                self._rollback()
                raise OutboxError(f"outbox delete failed: {err}") from err
            self.messages -= count
            self.bytes -= total
            self.readings -= readings
            self.deleted_messages += count
            if self.messages == 0:
                self._shrink()
        return count

    def _shrink(self) -> None:
        """Give the pages of a drained backlog back to the file system."""
        try:
            free = self._w.execute("PRAGMA freelist_count").fetchone()[0]
            if free > 256:
                self._w.execute("PRAGMA incremental_vacuum")
        except sqlite3.Error as err:  # a failed shrink only costs disk space
            log.warning("outbox could not give free pages back: %s", err)

    def _rollback(self) -> None:
        try:
            if self._w.in_transaction:
                self._w.execute("ROLLBACK")
        except sqlite3.Error:
            log.warning("outbox rollback failed", exc_info=True)

    # -- reading (the event loop's own connection) ------------------------------------

    def read_after(self, after: int, *, upto: int, limit: int) -> list[Row]:
        """Messages with ``after < id <= upto`` in id order, at most ``limit``."""
        try:
            return [
                Row(*r)
                for r in self._r.execute(
                    "SELECT id, topic, payload, bytes, readings FROM outbox"
                    " WHERE id > ? AND id <= ? ORDER BY id LIMIT ?",
                    (after, upto, limit),
                )
            ]
        except sqlite3.Error as err:
            raise OutboxError(f"outbox read failed: {err}") from err

    def read_ids(self, ids: Sequence[int]) -> list[Row]:
        """The messages with these ids that are still stored, in id order."""
        out: list[Row] = []
        try:
            for i in range(0, len(ids), _CHUNK):
                chunk = list(ids[i : i + _CHUNK])
                marks = ",".join("?" * len(chunk))
                out += [
                    Row(*r)
                    for r in self._r.execute(
                        "SELECT id, topic, payload, bytes, readings FROM outbox"
                        f" WHERE id IN ({marks})",
                        chunk,
                    )
                ]
        except sqlite3.Error as err:
            raise OutboxError(f"outbox read failed: {err}") from err
        out.sort()
        return out

    def seq(self, stream: str) -> int:
        """The last sequence number given in ``stream`` (0 before the first)."""
        return self._seq.get(stream, 0)

    def oldest_created(self) -> float | None:
        try:
            row = self._r.execute("SELECT created FROM outbox ORDER BY id LIMIT 1").fetchone()
        except sqlite3.Error as err:
            raise OutboxError(f"outbox read failed: {err}") from err
        return row[0] if row else None

    def size_on_disk(self) -> int:
        total = 0
        for suffix in ("", "-wal"):
            p = Path(str(self.path) + suffix)
            if p.exists():
                total += p.stat().st_size
        return total

    def close(self) -> None:
        self.executor.shutdown(wait=True)
        with self._lock:
            for conn in (self._r, self._w):
                try:
                    conn.close()
                except sqlite3.Error:
                    log.warning("outbox close failed", exc_info=True)
