"""A durable buffer any sink can use: entries in SQLite (WAL) in order, deleted once acknowledged.

A sink appends entries (``append``: one transaction per batch, one fsync when
``fsync`` is on, so a power cut keeps every batch whose append returned), reads them
back in order (``read_after``, ``read_ids``), delivers them its own way, and deletes
each once the far end acknowledged it in its own terms (``delete``; ``Acknowledged``
batches the deletes): a PUBACK for the MQTT forwarder (gateway.upstream), a 2xx for an
HTTP sink (tests/test_sink_buffer.py shows one). What a kill or a power cut can lose:
nothing whose append returned (with ``fsync`` off, a power cut can take the last
commits); an entry delivered whose delete had not committed is delivered again.

Each entry has a ``stream`` and takes the stream's next sequence number (1, 2, ...,
kept in the same transaction, so a restart continues without a gap or a repeat), a
``key`` that says where it goes (an MQTT topic, a URL path), a body and the number of
readings it carries. The global row id orders everything: delivering in id order keeps
every stream in order. A subclass can shape the stored payload from the body and the
sequence number (``_payload``: the upstream outbox writes them into its JSON).

The buffer is bounded by ``max_bytes`` of entries (key, payload and a fixed per-row
overhead). When an append does not fit, ``drop_oldest`` deletes the oldest entries to
make room and ``reject_newest`` refuses the batch's entries that do not fit; either way
every dropped entry and reading is counted, in memory and in the file, so the totals
survive a restart.

Threads: one writer connection (``append``, ``delete``) used by one worker thread at
a time (``executor``), under a lock; a separate reader connection for ``read_after``/
``read_ids``, used from the event loop: WAL lets it read committed rows beside the
writer. Each write is a handful of SQLite statements whatever the batch size
(multi-row INSERT and DELETE ... IN), because every statement releases and re-takes the
GIL, and a busy event loop makes each re-take wait up to the interpreter's switch
interval.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

log = logging.getLogger("gateway.sinks.buffer")

# Bytes counted per row beside key and payload: the row id, stream, sequence number,
# counters and the b-tree cell. Measured: the file holds about 1.1x the counted bytes.
ROW_OVERHEAD = 64
# Rows per INSERT/DELETE statement: 7 parameters a row stays far below SQLite's 32,766.
_CHUNK = 500

# The upstream outbox was the first user: its files name the table ``outbox`` and the
# key ``topic``, and keep doing so.
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


class DurableBufferError(Exception):
    """The buffer's file cannot be written or read (disk full, I/O error, corrupt file)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What a sink appends: ``stream`` numbers it, ``key`` says where it goes."""

    stream: str
    key: str
    body: bytes
    readings: int = 0  # readings it carries, for the sink's counters and drops


class _Prepared(NamedTuple):
    stream: str
    seq: int
    key: str
    payload: bytes
    readings: int
    bytes: int


class Row(NamedTuple):
    """A stored entry, as the sink's sender needs it."""

    id: int
    key: str
    payload: bytes
    bytes: int
    readings: int


@dataclass(slots=True)
class AppendResult:
    rows: list[Row] = field(default_factory=list)  # what was stored, in id order
    dropped_messages: int = 0  # old ones deleted, or new ones refused, to respect the budget
    dropped_readings: int = 0
    dropped_upto: int = 0  # drop_oldest: every row with an id up to this one is gone
    _freed: tuple[int, int, int] = (0, 0, 0)  # old rows deleted: entries, bytes, readings


def row_bytes(key: str, payload: bytes) -> int:
    return len(key) + len(payload) + ROW_OVERHEAD


def _connect(path: Path, *, fsync: bool) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL in WAL mode syncs the log at each commit: an append that returned survives a
    # power cut. NORMAL survives a process kill only (the last commits may go with power).
    conn.execute(f"PRAGMA synchronous={'FULL' if fsync else 'NORMAL'}")
    return conn


class DurableBuffer:
    """See the module docstring. ``Error`` is the class of what it raises."""

    Error: type[DurableBufferError] = DurableBufferError
    thread_name = "buffer"

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
        self._fsync = fsync
        self._synced = fsync  # the writer's setting: FULL (each commit synced) or NORMAL
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self.thread_name)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._w = _connect(self.path, fsync=fsync)
            # Only takes effect on a new file: lets a drained buffer give its pages back.
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
            raise self.Error(f"cannot open {self.path}: {err}") from err
        self.messages: int = count
        self.bytes: int = total
        self.readings: int = readings
        self.max_id: int = max_id  # the highest id stored at open, then appended
        self.dropped_messages: int = meta.get("dropped_messages", 0)
        self.dropped_readings: int = meta.get("dropped_readings", 0)
        self.deleted_messages = 0  # delivered and deleted since open

    # -- writing (one thread at a time) -------------------------------------------------

    def append(self, messages: Sequence[Entry], delete: Sequence[int] = ()) -> AppendResult:
        """Store entries in one transaction; applies the overflow policy first.

        Every entry takes its stream's next sequence number, also one that the budget
        then drops: the far end sees the loss as a gap. ``delete``: ids of delivered
        entries to delete in the same transaction (``Acknowledged.take``), which then
        costs no sync of its own.
        """
        result = AppendResult()
        if not messages and not delete:
            return result
        with self._lock:
            prepared, seqs = self._prepare(messages)
            gone = (0, 0, 0)
            try:
                self._sync(self._fsync)
                self._w.execute("BEGIN IMMEDIATE")
                if delete:
                    gone = self._delete_rows(delete)
                    self._forget(gone)
                keep = self._make_room(prepared, result)
                if keep:
                    result.rows = self._insert(keep, time.time())
                if seqs:
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
                self._forget(gone, undo=True)
                raise self.Error(f"{self.path.name}: append failed: {err}") from err
            self.deleted_messages += gone[0]
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

    def _prepare(self, messages: Sequence[Entry]) -> tuple[list[_Prepared], dict[str, int]]:
        seqs: dict[str, int] = {}
        numbers: list[int] = []
        number = numbers.append
        known = self._seq
        for m in messages:
            seq = seqs.get(m.stream, known.get(m.stream, 0)) + 1
            seqs[m.stream] = seq
            number(seq)
        out = [
            _Prepared(
                m.stream, seq, m.key, payload, m.readings, len(m.key) + len(payload) + ROW_OVERHEAD
            )
            for m, seq, payload in zip(
                messages, numbers, self._payloads(messages, numbers), strict=True
            )
        ]
        return out, seqs

    def _payloads(self, entries: Sequence[Entry], seqs: list[int]) -> list[bytes]:
        """The bytes stored for each entry: its body (a subclass may put its ``seq`` in).
        One call per batch: the append path costs a few microseconds per entry."""
        return [e.body for e in entries]

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
                params += (p.stream, p.seq, p.key, p.payload, p.readings, p.bytes, now)
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
        return [Row(first + i, p.key, p.payload, p.bytes, p.readings) for i, p in enumerate(keep)]

    def delete(self, ids: Iterable[int]) -> int:
        """Delete delivered entries; ids already gone (dropped) are ignored. Returns the count.

        Not synced on its own: a delete that a power cut takes back only delivers its
        entries again (the next append's sync covers it as well).
        """
        ids = list(ids)
        if not ids:
            return 0
        with self._lock:
            try:
                self._sync(False)
                self._w.execute("BEGIN IMMEDIATE")
                gone = self._delete_rows(ids)
                self._w.execute("COMMIT")
            except sqlite3.Error as err:
                self._rollback()
                raise self.Error(f"{self.path.name}: delete failed: {err}") from err
            self._forget(gone)
            self.deleted_messages += gone[0]
            if self.messages == 0:
                self._shrink()
        return gone[0]

    def _sync(self, full: bool) -> None:
        """Each commit synced (an append with ``fsync``) or not (a delete, or no ``fsync``)."""
        if full != self._synced:
            self._w.execute(f"PRAGMA synchronous={'FULL' if full else 'NORMAL'}")
            self._synced = full

    def _delete_rows(self, ids: Sequence[int]) -> tuple[int, int, int]:
        """Delete these ids inside the open transaction: entries, bytes, readings deleted."""
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
        return count, total, readings

    def _forget(self, gone: tuple[int, int, int], *, undo: bool = False) -> None:
        """Take deleted entries off the counters (``undo``: put them back)."""
        sign = -1 if undo else 1
        self.messages -= sign * gone[0]
        self.bytes -= sign * gone[1]
        self.readings -= sign * gone[2]

    def _shrink(self) -> None:
        """Give the pages of a drained backlog back to the file system."""
        try:
            free = self._w.execute("PRAGMA freelist_count").fetchone()[0]
            if free > 256:
                self._w.execute("PRAGMA incremental_vacuum")
        except sqlite3.Error as err:  # a failed shrink only costs disk space
            log.warning("%s could not give free pages back: %s", self.path.name, err)

    def _rollback(self) -> None:
        try:
            if self._w.in_transaction:
                self._w.execute("ROLLBACK")
        except sqlite3.Error:
            log.warning("%s: rollback failed", self.path.name, exc_info=True)

    # -- reading (the event loop's own connection) ------------------------------------

    def read_after(self, after: int, *, upto: int, limit: int) -> list[Row]:
        """Entries with ``after < id <= upto`` in id order, at most ``limit``."""
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
            raise self.Error(f"{self.path.name}: read failed: {err}") from err

    def read_ids(self, ids: Sequence[int]) -> list[Row]:
        """The entries with these ids that are still stored, in id order."""
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
            raise self.Error(f"{self.path.name}: read failed: {err}") from err
        out.sort()
        return out

    def seq(self, stream: str) -> int:
        """The last sequence number given in ``stream`` (0 before the first)."""
        return self._seq.get(stream, 0)

    def oldest_created(self) -> float | None:
        try:
            row = self._r.execute("SELECT created FROM outbox ORDER BY id LIMIT 1").fetchone()
        except sqlite3.Error as err:
            raise self.Error(f"{self.path.name}: read failed: {err}") from err
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
                    log.warning("%s: close failed", self.path.name, exc_info=True)


class Acknowledged:
    """Ids of entries the far end acknowledged, deleted from the buffer in batches.

    ``add`` runs on the event loop for each acknowledgement; ``flush`` deletes what was
    added in one transaction in the buffer's thread, when ``due``: at least every
    ``every_s`` seconds, or once ``every_n`` ids wait. Until then an id is still in the
    buffer and ``in`` this set, so a sender reading the buffer again skips it; a kill
    before the flush delivers it again after the restart.
    """

    def __init__(self, buffer: DurableBuffer, *, every_s: float, every_n: int) -> None:
        self.buffer = buffer
        self.every_s = every_s
        self.every_n = every_n
        self._ids: list[int] = []
        self._set: set[int] = set()
        self._last = time.monotonic()

    def add(self, entry_id: int) -> None:
        self._ids.append(entry_id)
        self._set.add(entry_id)

    def __contains__(self, entry_id: int) -> bool:
        return entry_id in self._set

    def __len__(self) -> int:
        return len(self._ids)

    def due(self, now: float) -> bool:
        ids = self._ids
        return bool(ids) and (len(ids) >= self.every_n or now - self._last >= self.every_s)

    def wait(self, now: float) -> float:
        """Seconds until the next flush is due (when any id waits)."""
        return max(0.001, self.every_s - (now - self._last))

    def take(self) -> list[int]:
        """The ids added so far, for the caller's next write to delete (``append``'s
        ``delete``); then ``deleted`` once it committed, else ``restore``."""
        ids, self._ids = self._ids, []
        self._last = time.monotonic()
        return ids

    def deleted(self, ids: Iterable[int]) -> None:
        self._set.difference_update(ids)

    def restore(self, ids: list[int]) -> None:
        """Ids whose delete failed: deleted with the next flush."""
        self._ids = ids + self._ids

    async def flush(self) -> int:
        """Delete what was added; on the buffer's error the ids stay for the next flush."""
        ids = self.take()
        if not ids:
            return 0
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self.buffer.executor, self.buffer.delete, ids)
        except DurableBufferError:
            self.restore(ids)
            raise
        self.deleted(ids)
        return len(ids)
