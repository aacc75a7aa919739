"""The durable delivery queue: one row per message and target, in SQLite (WAL).

A delivery is written here before its first attempt, so it survives a crash or a
power cut. Each attempt is recorded (``sending``) before the message leaves and the
result after it (``sent``, back to ``pending`` with a later ``next_at``, or a final
``failed``/``skipped``/``expired``): a kill between the two leaves a ``sending`` row,
which the next start sends again. That is the only way a target can get a message
twice, and it needs a kill in the milliseconds between a server's acceptance and our
commit; losing an alert would be worse. Email and webhook deliveries carry an
``X-Aastreli-Delivery`` header with the row's key so a receiver can drop such a repeat.

``(event_id, target_key)`` is unique: one event reaches one address once, however many
users list it and however often the event is enqueued again after a restart. The
``events`` table records which events were enqueued, so a restart can tell an alert
whose notifications were never queued. Commits use ``synchronous=FULL``: deliveries
are few, and "queued" must mean on the disk.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gateway.alerts.messages import Notice
from gateway.alerts.targets import Target

OUTBOX_FILE = "alerts.sqlite3"

PENDING, SENDING, SENT, FAILED, SKIPPED, EXPIRED = (
    "pending",
    "sending",
    "sent",
    "failed",
    "skipped",
    "expired",
)
FINAL = (SENT, FAILED, SKIPPED, EXPIRED)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS deliveries (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    target_key TEXT NOT NULL,
    alert TEXT,
    kind TEXT NOT NULL,
    user TEXT NOT NULL,
    target_type TEXT NOT NULL,
    address TEXT NOT NULL,
    shown TEXT NOT NULL,
    notice TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER,
    created REAL NOT NULL,
    next_at REAL NOT NULL,
    updated REAL NOT NULL,
    finished REAL,
    error TEXT,
    UNIQUE (event_id, target_key)
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries(state, next_at);
CREATE INDEX IF NOT EXISTS deliveries_alert ON deliveries(alert);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    alert TEXT,
    kind TEXT NOT NULL,
    created REAL NOT NULL
);
"""

_COLUMNS = (
    "id, event_id, target_key, alert, kind, user, target_type, address, shown, notice, "
    "state, attempts, max_attempts, created, next_at, updated, finished, error"
)


@dataclass(frozen=True, slots=True)
class Delivery:
    id: int
    event_id: str
    target_key: str
    alert: str | None  # the alert's uid
    kind: str
    user: str
    target_type: str
    address: str
    shown: str
    notice: Notice
    state: str
    attempts: int
    max_attempts: int | None
    created: float
    next_at: float
    updated: float
    finished: float | None
    error: str | None

    @property
    def target(self) -> Target:
        return Target(self.target_type, self.address, self.user)


def _row(r: Sequence[Any]) -> Delivery:
    return Delivery(
        id=r[0],
        event_id=r[1],
        target_key=r[2],
        alert=r[3],
        kind=r[4],
        user=r[5],
        target_type=r[6],
        address=r[7],
        shown=r[8],
        notice=Notice.from_dict(json.loads(r[9])),
        state=r[10],
        attempts=r[11],
        max_attempts=r[12],
        created=r[13],
        next_at=r[14],
        updated=r[15],
        finished=r[16],
        error=r[17],
    )


class DeliveryQueueError(Exception):
    """The delivery queue could not be read or written (disk full, damaged file)."""


class DeliveryQueue:
    def __init__(self, data_dir: Path, *, max_age: float = 86400.0, keep_days: float = 7.0) -> None:
        self.path = Path(data_dir) / OUTBOX_FILE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.max_age = max_age
        self.keep = keep_days * 86400.0
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(
                self.path, timeout=10, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(_SCHEMA)
            # Attempts that a kill interrupted: their outcome is unknown, send them again.
            self.interrupted = self._db.execute(
                "UPDATE deliveries SET state=?, next_at=?, error=? WHERE state=?",
                (PENDING, time.time(), "interrupted by a restart; sent again", SENDING),
            ).rowcount
        except sqlite3.Error as err:
            raise DeliveryQueueError(f"{self.path}: {err}") from err

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _write(self, sql: str, args: Sequence[Any]) -> int:
        try:
            with self._lock:
                return self._db.execute(sql, args).rowcount
        except sqlite3.Error as err:
            raise DeliveryQueueError(f"{self.path}: {err}") from err

    def _read(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        try:
            with self._lock:
                return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as err:
            raise DeliveryQueueError(f"{self.path}: {err}") from err

    # -- enqueue ---------------------------------------------------------------------

    def enqueue(
        self,
        event_id: str,
        kind: str,
        notice: Notice,
        targets: Iterable[Target],
        *,
        alert: str | None = None,
        max_attempts: int | None = None,
        now: float | None = None,
    ) -> list[int]:
        """Queue one event for its targets in one transaction; returns the new rows' ids.

        Targets already queued for this event (same key) are left as they are.
        """
        now = time.time() if now is None else now
        body = json.dumps(notice.to_dict(), separators=(",", ":"))
        ids: list[int] = []
        try:
            with self._lock:
                db = self._db
                db.execute("BEGIN IMMEDIATE")
                try:
                    db.execute(
                        "INSERT OR IGNORE INTO events VALUES (?, ?, ?, ?)",
                        (event_id, alert, kind, now),
                    )
                    for t in targets:
                        cur = db.execute(
                            "INSERT OR IGNORE INTO deliveries (event_id, target_key, alert, kind, "
                            "user, target_type, address, shown, notice, state, attempts, "
                            "max_attempts, created, next_at, updated) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
                            (
                                event_id,
                                t.key,
                                alert,
                                kind,
                                t.user,
                                t.type,
                                t.address,
                                t.shown,
                                body,
                                PENDING,
                                max_attempts,
                                now,
                                now,
                                now,
                            ),
                        )
                        if cur.rowcount and cur.lastrowid is not None:
                            ids.append(cur.lastrowid)
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
        except sqlite3.Error as err:
            raise DeliveryQueueError(f"{self.path}: {err}") from err
        return ids

    def has_event(self, event_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM events WHERE event_id=?", (event_id,)))

    # -- attempts --------------------------------------------------------------------

    def due(
        self, now: float, limit: int, exclude: Iterable[int] = (), skip_types: Sequence[str] = ()
    ) -> list[Delivery]:
        """Pending rows due by ``now``, oldest first, leaving out ids and target types."""
        skip = set(exclude)
        types = ",".join("?" * len(skip_types))
        rows = self._read(
            f"SELECT {_COLUMNS} FROM deliveries WHERE state=? AND next_at<=? "
            f"AND target_type NOT IN ({types}) ORDER BY next_at, id LIMIT ?",
            (PENDING, now, *skip_types, limit + len(skip)),
        )
        return [d for d in map(_row, rows) if d.id not in skip][:limit]

    def next_due(self, skip_types: Sequence[str] = ()) -> float | None:
        types = ",".join("?" * len(skip_types))
        rows = self._read(
            f"SELECT MIN(next_at) FROM deliveries WHERE state=? AND target_type NOT IN ({types})",
            (PENDING, *skip_types),
        )
        return rows[0][0] if rows else None

    def claim(self, delivery_id: int, now: float | None = None) -> bool:
        """Record an attempt before it is made; False when the row is no longer pending."""
        now = time.time() if now is None else now
        return (
            self._write(
                "UPDATE deliveries SET state=?, attempts=attempts+1, updated=?"
                " WHERE id=? AND state=?",
                (SENDING, now, delivery_id, PENDING),
            )
            == 1
        )

    def finish(
        self,
        delivery_id: int,
        state: str,
        error: str | None = None,
        *,
        retry_in: float = 0.0,
        now: float | None = None,
    ) -> tuple[str, str | None]:
        """Record an attempt's outcome; ``state`` PENDING asks for a retry in ``retry_in`` s.

        Returns the row's new state and error: a retry past ``max_age`` (or
        ``max_attempts``) is given up as EXPIRED instead.
        """
        now = time.time() if now is None else now
        if state == PENDING:
            rows = self._read(
                "SELECT created, attempts, max_attempts FROM deliveries WHERE id=?", (delivery_id,)
            )
            if not rows:
                return state, error
            created, attempts, max_attempts = rows[0]
            deadline = created + self.max_age
            if now >= deadline or (max_attempts is not None and attempts >= max_attempts):
                state = EXPIRED
                error = f"given up after {attempts} attempt(s): {error}"
            else:
                self._write(
                    "UPDATE deliveries SET state=?, next_at=?, updated=?, error=? WHERE id=?",
                    (PENDING, min(now + retry_in, deadline), now, error, delivery_id),
                )
                return PENDING, error
        self._write(
            "UPDATE deliveries SET state=?, updated=?, finished=?, error=? WHERE id=?",
            (state, now, now, error, delivery_id),
        )
        return state, error

    # -- reading ---------------------------------------------------------------------

    def get(self, delivery_id: int) -> Delivery | None:
        rows = self._read(f"SELECT {_COLUMNS} FROM deliveries WHERE id=?", (delivery_id,))
        return _row(rows[0]) if rows else None

    def for_event(self, event_id: str) -> list[Delivery]:
        rows = self._read(
            f"SELECT {_COLUMNS} FROM deliveries WHERE event_id=? ORDER BY id", (event_id,)
        )
        return [_row(r) for r in rows]

    def counts(self) -> dict[str, int]:
        return dict(self._read("SELECT state, COUNT(*) FROM deliveries GROUP BY state"))

    def prune(self, now: float | None = None) -> int:
        """Forget finished deliveries (and their events) older than ``keep_days``."""
        cutoff = (time.time() if now is None else now) - self.keep
        placeholders = ",".join("?" * len(FINAL))
        n = self._write(
            f"DELETE FROM deliveries WHERE state IN ({placeholders}) AND updated<?",
            (*FINAL, cutoff),
        )
        self._write(
            "DELETE FROM events WHERE created<? AND event_id NOT IN "
            "(SELECT event_id FROM deliveries)",
            (cutoff,),
        )
        return n


# -- the read side ----------------------------------------------------------------------

_SHOWN = (
    "id, event_id, alert, kind, user, target_type, shown, state, attempts, created, "
    "next_at, finished, error"
)


class DeliveryLog:
    """The deliveries and events of the queue, read by alert (the web UI's read model).

    Its own connection, opened at the first read and only if the queue's file exists
    (a gateway without alerts has none: nothing was ever delivered). WAL lets it read
    while the worker writes. Rows come as tuples in ``_SHOWN`` order; no message body.
    """

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / OUTBOX_FILE
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    def _read(self, sql: str, args: Sequence[Any]) -> list[Any]:
        try:
            with self._lock:
                if self._db is None:
                    if not self.path.is_file():
                        return []
                    self._db = sqlite3.connect(
                        self.path, timeout=10, isolation_level=None, check_same_thread=False
                    )
                return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as err:
            raise DeliveryQueueError(f"{self.path}: {err}") from err

    def deliveries(self, alerts: Sequence[str]) -> list[tuple[Any, ...]]:
        """Every delivery of these alerts (by uid), in the order they were queued."""
        if not alerts:
            return []
        marks = ",".join("?" * len(alerts))
        return self._read(
            f"SELECT {_SHOWN} FROM deliveries WHERE alert IN ({marks}) ORDER BY id", alerts
        )

    def events(self, alerts: Sequence[str]) -> list[tuple[str, str, str, float]]:
        """(event id, alert uid, kind, time queued) of every event of these alerts."""
        if not alerts:
            return []
        marks = ",".join("?" * len(alerts))
        return self._read(
            f"SELECT event_id, alert, kind, created FROM events WHERE alert IN ({marks}) "
            "ORDER BY created",
            alerts,
        )

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
