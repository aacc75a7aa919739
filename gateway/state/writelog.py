"""The write audit: every write attempt, in the history database's ``writes`` table.

One row per point of every request, refused ones included: who or what asked, from
where, the point, the value before, the value asked for, the value read back, the
outcome and how long it took. The rows sit in ``history.sqlite3`` beside the readings
(a copy of that file carries both), are forwarded upstream as they are written
(gateway.upstream: the ``writes`` topic), and are kept ``writes.audit_retention_days``.

Its own writer connection (WAL lets it write beside the history's batches; SQLite's
busy timeout covers a batch commit in progress); readers open one per thread.

What a power cut can lose: nothing of an attempt that was sent, since its row is
committed and synced (synchronous=FULL) before the write goes to the device. Its outcome
is committed without a sync (synchronous=NORMAL, one fsync less per write): a power cut
right after a write may leave its row ``sending``, which says what is true: the outcome
is unknown. A refused or dry-run attempt is one row, synced.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gateway.state.history import HISTORY_FILE, connect, reader, where_clause

RETAIN_EVERY = 3600.0  # seconds between retention passes

_SCHEMA = """
CREATE TABLE IF NOT EXISTS writes (
    id INTEGER PRIMARY KEY,
    ts REAL NOT NULL,
    request_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT,
    via TEXT NOT NULL,
    origin TEXT,
    point TEXT NOT NULL,
    sensor_id TEXT,
    source TEXT,
    old_value REAL,
    requested TEXT,
    readback REAL,
    status TEXT NOT NULL,
    reason TEXT,
    detail TEXT,
    duration_ms REAL,
    dry_run INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS writes_ts ON writes(ts);
CREATE INDEX IF NOT EXISTS writes_point_ts ON writes(point, ts);
"""
COLUMNS = (
    "ts",
    "request_id",
    "actor",
    "role",
    "via",
    "origin",
    "point",
    "sensor_id",
    "source",
    "old_value",
    "requested",
    "readback",
    "status",
    "reason",
    "detail",
    "duration_ms",
    "dry_run",
)
_INSERT = f"INSERT INTO writes ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"


class WriteLogError(Exception):
    """The audit could not be written (a full disk): the write is then not sent."""


class WriteLog:
    def __init__(self, data_dir: Path, *, retention_days: float = 365.0) -> None:
        self.path = Path(data_dir) / HISTORY_FILE
        self.retention_days = retention_days
        self._writer = connect(self.path, fsync=True)
        self._writer.executescript(_SCHEMA)
        self._lock = threading.Lock()
        self._local = threading.local()
        self._last_retain = 0.0

    @contextlib.contextmanager
    def _transaction(self, what: str, *, synced: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction on the writer, under the lock; WriteLogError when it fails."""
        with self._lock:
            w = self._writer
            try:
                if not synced:
                    w.execute("PRAGMA synchronous=NORMAL")
                w.execute("BEGIN")
                yield w
                w.execute("COMMIT")
            except sqlite3.Error as err:
                if w.in_transaction:
                    w.execute("ROLLBACK")
                raise WriteLogError(f"write audit not {what}: {err}") from err
            finally:
                if not synced:
                    w.execute("PRAGMA synchronous=FULL")

    def record(self, rows: list[dict[str, Any]]) -> list[int]:
        """Insert rows (keys of ``COLUMNS``) in one transaction; their ids, in order."""
        ids: list[int] = []
        with self._transaction("recorded") as w:
            for row in rows:
                cur = w.execute(_INSERT, [_column(row, c) for c in COLUMNS])
                ids.append(int(cur.lastrowid or 0))
        if time.monotonic() - self._last_retain >= RETAIN_EVERY:
            self._last_retain = time.monotonic()
            cutoff = time.time() - self.retention_days * 86400
            with self._transaction("trimmed") as w:
                w.execute("DELETE FROM writes WHERE ts < ?", (cutoff,))
        return ids

    def finish(self, rows: list[dict[str, Any]]) -> None:
        """Give recorded rows (by ``id``) their outcome, in one transaction (not synced)."""
        keys = ("status", "reason", "detail", "readback", "duration_ms", "id")
        with self._transaction("completed", synced=False) as w:
            w.executemany(
                "UPDATE writes SET status = ?, reason = ?, detail = ?, readback = ?,"
                " duration_ms = ? WHERE id = ?",
                [tuple(r[k] for k in keys) for r in rows],
            )

    def query(
        self,
        *,
        point: str | None = None,
        sensor_id: str | None = None,
        actor: str | None = None,
        status: str | None = None,
        start: float | None = None,
        end: float | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Write records, newest first."""
        equal = (("point", point), ("sensor_id", sensor_id), ("actor", actor), ("status", status))
        where, args = where_clause(equal, start, end)
        rows = reader(self._local, self.path).execute(
            f"SELECT id, {', '.join(COLUMNS)} FROM writes {where} ORDER BY ts DESC, id DESC"
            " LIMIT ? OFFSET ?",
            (*args, limit, offset),
        )
        return [public(dict(r)) for r in rows]

    def close(self) -> None:
        with self._lock:
            self._writer.close()


def _column(row: dict[str, Any], col: str) -> Any:
    value = row.get(col)
    if col == "requested":
        return json.dumps(value)
    if col == "dry_run":
        return 1 if value else 0
    return value


def public(row: dict[str, Any]) -> dict[str, Any]:
    """A stored row as shown: ``requested`` parsed, ``dry_run`` a boolean."""
    out = dict(row)
    if isinstance(out.get("requested"), str):
        out["requested"] = json.loads(out["requested"])
    out["dry_run"] = bool(out.get("dry_run"))
    return out
