"""Reading and prediction history in SQLite (WAL), written in batches, bounded by age and size.

One writer connection, used from a worker thread one batch at a time (one transaction
per batch, so a kill leaves whole batches only); readers (the web UI's threads) open
their own connections, which WAL lets run beside the writer. Retention runs every
``RETENTION_EVERY`` seconds: rows older than ``retention_days`` go, then the oldest rows
until the file is under ``max_mb``.
"""

from __future__ import annotations

import functools
import json
import logging
import sqlite3
import struct
import threading
import time
from array import array
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gateway.records import Scored

if TYPE_CHECKING:
    from gateway.config import GatewayConfig

log = logging.getLogger("gateway.history")

HISTORY_FILE = "history.sqlite3"
RETENTION_EVERY = 60.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS readings (
    id INTEGER PRIMARY KEY,
    ts REAL NOT NULL,
    sensor_id TEXT NOT NULL,
    source TEXT NOT NULL,
    keyset INTEGER NOT NULL,
    vals BLOB NOT NULL,
    bad TEXT,
    label TEXT,
    confidence REAL,
    probs BLOB,
    model TEXT,
    unscored TEXT
);
CREATE TABLE IF NOT EXISTS keysets (id INTEGER PRIMARY KEY, names TEXT NOT NULL UNIQUE);
CREATE INDEX IF NOT EXISTS readings_sensor_ts ON readings(sensor_id, ts);
CREATE INDEX IF NOT EXISTS readings_ts ON readings(ts);
CREATE TABLE IF NOT EXISTS asset_states (
    id INTEGER PRIMARY KEY,
    ts REAL NOT NULL,
    sensor_id TEXT NOT NULL,
    source TEXT,
    state TEXT NOT NULL,
    previous TEXT,
    last_reading REAL
);
CREATE INDEX IF NOT EXISTS asset_states_sensor_ts ON asset_states(sensor_id, ts);
"""

_COLUMNS = "id, ts, sensor_id, source, keyset, vals, bad, label, confidence, probs, model, unscored"
_STATE_COLUMNS = "ts, sensor_id, source, state, previous, last_reading"
_dumps = json.JSONEncoder(separators=(",", ":")).encode
# Values are stored as packed doubles (probabilities as floats) with the tuple of their
# names kept once in ``keysets``: encoding a reading this way costs ~1 µs, where JSON
# cost ~14 µs and was most of the history's write time.


class DiskFull(Exception):
    """SQLite could not write: the disk is full."""


def connect(path: Path, *, fsync: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode: a power cut can lose the last commits, never corrupt the file;
    # FULL syncs the log at each commit (the history is then the first durable copy).
    conn.execute(f"PRAGMA synchronous={'FULL' if fsync else 'NORMAL'}")
    return conn


def reader(local: threading.local, path: Path) -> sqlite3.Connection:
    """This thread's reading connection to ``path`` (WAL lets readers run beside the writer)."""
    conn: sqlite3.Connection | None = getattr(local, "conn", None)
    if conn is None:
        conn = local.conn = connect(path)
        conn.row_factory = sqlite3.Row
    return conn


def where_clause(
    equal: Sequence[tuple[str, Any]], start: float | None, end: float | None
) -> tuple[str, tuple[Any, ...]]:
    """``WHERE`` over columns equal to values and a ``ts`` window; None filters nothing."""
    clauses = [f"{col} = ?" for col, value in equal if value is not None]
    args: list[Any] = [value for _, value in equal if value is not None]
    for clause, bound in (("ts >= ?", start), ("ts <= ?", end)):
        if bound is not None:
            clauses.append(clause)
            args.append(bound)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", tuple(args)


_COLS = 11  # the columns an INSERT fills
# 2**9 = 512 rows: 5,120 parameters, under SQLite's default limit of 32,766 per statement.
_MAX_INSERT_POWER = 9
# A row's placeholders: any row, and the usual one (a prediction, no bad point), whose
# two NULL columns are written in the statement instead of bound.
_ANY_ROW = "(" + ",".join("?" * _COLS) + ")"
_USUAL_ROW = "(?,?,?,?,?,NULL,?,?,?,?,NULL)"


@functools.cache
def _insert_sql(rows: int, row: str = _ANY_ROW) -> str:
    return (
        "INSERT INTO readings (ts, sensor_id, source, keyset, vals, bad, label, confidence,"
        " probs, model, unscored) VALUES " + ",".join([row] * rows)
    )


@functools.lru_cache(maxsize=256)
def _packer(fmt: str, n: int) -> Callable[..., bytes]:
    return struct.Struct(f"@{n}{fmt}").pack


def _packed(fmt: str, values: Collection[float]) -> bytearray:
    """Numbers as the bytes ``array(fmt, values)`` holds (what readers unpack).

    A bytearray, not bytes: the sqlite3 module binds a bytearray (like int, float and
    str) directly, but looks for an adapter for bytes and None first, which raises and
    clears an AttributeError per parameter: about 0.4 µs each, twice a row. The same
    lookup is why the usual row's NULLs are in the statement, not bound.
    """
    return bytearray(_packer(fmt, len(values))(*values))


class History:
    def __init__(
        self,
        data_dir: Path,
        *,
        retention_days: float = 30.0,
        max_mb: float = 512.0,
        fsync: bool = False,
    ) -> None:
        self.path = Path(data_dir) / HISTORY_FILE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.retention_days = retention_days
        self.max_bytes = int(max_mb * 1024 * 1024)
        self.fsync = fsync
        self._writer = connect(self.path, fsync=fsync)
        self._writer.execute("PRAGMA auto_vacuum=INCREMENTAL")
        self._upgrade()
        self._writer.executescript(_SCHEMA)
        self._write_lock = threading.Lock()
        self._keysets: dict[tuple[str, ...], int] = {
            tuple(json.loads(names)): kid
            for kid, names in self._writer.execute("SELECT id, names FROM keysets")
        }
        self._names: dict[int, tuple[str, ...]] = {v: k for k, v in self._keysets.items()}
        self._local = threading.local()
        self._last_retention = 0.0
        self.deleted = 0

    def _upgrade(self) -> None:
        """A history written before readings could go unscored gets the column (NULL)."""
        cols = [r[1] for r in self._writer.execute("PRAGMA table_info(readings)")]
        if cols and "unscored" not in cols:
            self._writer.execute("ALTER TABLE readings ADD COLUMN unscored TEXT")

    # -- writing ---------------------------------------------------------------------

    def _keyset(self, names: tuple[str, ...]) -> int:
        kid = self._keysets.get(names)
        if kid is None:
            cur = self._writer.execute(
                "INSERT OR IGNORE INTO keysets (names) VALUES (?)", (_dumps(names),)
            )
            if cur.rowcount and cur.lastrowid is not None:
                kid = int(cur.lastrowid)
            else:
                row = self._writer.execute(
                    "SELECT id FROM keysets WHERE names = ?", (_dumps(names),)
                ).fetchone()
                kid = int(row[0])
            self._keysets[names] = kid
            self._names[kid] = names
        return kid

    def write(self, batch: Sequence[Scored], states: Sequence[dict[str, Any]] = ()) -> None:
        """Append a batch, and changes of asset state (gateway.assets), in one transaction.

        The rows go in as multi-row INSERTs (up to ``_MAX_ROWS_PER_INSERT`` rows each, in
        power-of-two sizes so that a handful of statements serve every batch size): one
        SQLite step per statement instead of one per row. This runs in a worker thread,
        and each step releases and takes back the GIL; per row, that hand-over made the
        event loop wait on this thread under load.
        """
        with self._write_lock:
            usual = all(s.prediction is not None and not s.reading.bad for s in batch)
            params = self._params(batch, usual)
            cols = 9 if usual else _COLS
            row = _USUAL_ROW if usual else _ANY_ROW
            w = self._writer
            try:
                w.execute("BEGIN")
                done, n = 0, len(batch)
                while done < n:
                    k = 1 << min(_MAX_INSERT_POWER, (n - done).bit_length() - 1)
                    w.execute(_insert_sql(k, row), params[done * cols : (done + k) * cols])
                    done += k
                if states:
                    w.executemany(
                        f"INSERT INTO asset_states ({_STATE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                        [
                            (
                                t["since"],
                                t["sensor_id"],
                                t["source"],
                                t["state"],
                                t["previous"],
                                t["last_reading"],
                            )
                            for t in states
                        ],
                    )
                w.execute("COMMIT")
            except sqlite3.OperationalError as err:
                if w.in_transaction:
                    w.execute("ROLLBACK")
                if "full" in str(err) or "disk" in str(err):
                    raise DiskFull(str(err)) from err
                raise
            if time.monotonic() - self._last_retention >= RETENTION_EVERY:
                self._last_retention = time.monotonic()
                self._retain()

    def _params(self, batch: Sequence[Scored], usual: bool) -> list[Any]:
        """The batch's INSERT parameters, row after row (``usual``: no NULL columns bound)."""
        keyset = self._keyset
        params: list[Any] = []
        add = params.extend
        for s in batch:
            r, p = s.reading, s.prediction
            values = r.values
            head = (
                r.timestamp,
                r.sensor_id,
                r.source,
                keyset(tuple(values)),
                _packed("d", values.values()),
            )
            if p is None:
                add(head)
                add((_dumps(r.bad) if r.bad else None, None, None, None, None, s.unscored))
            elif usual:
                add(head)
                add((p.label, p.confidence, _packed("f", p.probabilities), p.model))
            else:
                add(head)
                add(
                    (
                        _dumps(r.bad) if r.bad else None,
                        p.label,
                        p.confidence,
                        _packed("f", p.probabilities),
                        p.model,
                        None,
                    )
                )
        return params

    def _retain(self) -> None:
        cutoff = time.time() - self.retention_days * 86400
        deleted = self._writer.execute("DELETE FROM readings WHERE ts < ?", (cutoff,)).rowcount
        self._writer.execute("DELETE FROM asset_states WHERE ts < ?", (cutoff,))
        while self.size_bytes() > self.max_bytes:
            n = self._writer.execute("SELECT COUNT(*) FROM readings").fetchone()[0]
            if n == 0:
                break
            # The oldest tenth at a time: few passes, and the file shrinks by a margin.
            chunk = max(1, n // 10)
            deleted += self._writer.execute(
                "DELETE FROM readings WHERE id IN (SELECT id FROM readings ORDER BY id LIMIT ?)",
                (chunk,),
            ).rowcount
            self._writer.execute("PRAGMA incremental_vacuum")
        if deleted:
            self._writer.execute("PRAGMA incremental_vacuum")
            self.deleted += deleted
            log.info("history retention removed %d readings", deleted)

    def retain_now(self) -> None:
        with self._write_lock:
            self._retain()

    def size_bytes(self) -> int:
        c = self._writer
        pages = c.execute("PRAGMA page_count").fetchone()[0]
        free = c.execute("PRAGMA freelist_count").fetchone()[0]
        size = c.execute("PRAGMA page_size").fetchone()[0]
        return int((pages - free) * size)

    # -- reading (any thread) --------------------------------------------------------

    def _reader(self) -> sqlite3.Connection:
        return reader(self._local, self.path)

    def query(
        self,
        *,
        sensor_id: str | None = None,
        start: float | None = None,
        end: float | None = None,
        label: str | None = None,
        limit: int = 100,
        offset: int = 0,
        newest_first: bool = True,
    ) -> list[dict[str, Any]]:
        where, args = self._where(sensor_id, start, end, label)
        order = "DESC" if newest_first else "ASC"
        rows = self._reader().execute(
            f"SELECT {_COLUMNS} FROM readings {where} ORDER BY ts {order}, id {order}"
            " LIMIT ? OFFSET ?",
            (*args, limit, offset),
        )
        return [self._row(r) for r in rows]

    def sample(
        self, sensor_id: str, start: float, end: float, buckets: int
    ) -> list[dict[str, Any]]:
        """At most one reading per 1/``buckets`` of [start, end], oldest first: in each
        slice the one with the most confident fault, else its first (a chart of a long
        range keeps its faults). SQLite takes a bare column's values from the row that
        gave MAX()."""
        width = max((end - start) / max(buckets, 1), 1e-6)
        rows = self._reader().execute(
            f"SELECT {_COLUMNS}, MAX(CASE WHEN label IS NOT NULL AND label != 'normal'"
            " THEN 1 + COALESCE(confidence, 0) ELSE -ts / 1e12 END) AS _pick"
            " FROM readings WHERE sensor_id = ? AND ts >= ? AND ts <= ?"
            " GROUP BY CAST((ts - ?) / ? AS INTEGER) ORDER BY ts",
            (sensor_id, start, end, start, width),
        )
        return [self._row(r) for r in rows]

    def _row(self, r: sqlite3.Row) -> dict[str, Any]:
        names = self._names.get(r["keyset"])
        if names is None:
            (text,) = (
                self._reader()
                .execute("SELECT names FROM keysets WHERE id = ?", (r["keyset"],))
                .fetchone()
            )
            names = self._names[r["keyset"]] = tuple(json.loads(text))
        probs = array("f", r["probs"]).tolist() if r["probs"] is not None else None
        return {
            "id": r["id"],
            "timestamp": r["ts"],
            "sensor_id": r["sensor_id"],
            "source": r["source"],
            "values": dict(zip(names, array("d", r["vals"]).tolist(), strict=True)),
            "bad": json.loads(r["bad"]) if r["bad"] else [],
            "prediction": r["label"],
            "confidence": r["confidence"],
            "probabilities": [round(x, 6) for x in probs] if probs is not None else None,
            "model": r["model"],
            "unscored": r["unscored"],
        }

    def count(
        self,
        *,
        sensor_id: str | None = None,
        start: float | None = None,
        end: float | None = None,
        label: str | None = None,
    ) -> int:
        where, args = self._where(sensor_id, start, end, label)
        return int(
            self._reader().execute(f"SELECT COUNT(*) FROM readings {where}", args).fetchone()[0]
        )

    def get(self, reading_id: int) -> dict[str, Any] | None:
        r = (
            self._reader()
            .execute(f"SELECT {_COLUMNS} FROM readings WHERE id = ?", (reading_id,))
            .fetchone()
        )
        return self._row(r) if r else None

    def latest(self) -> list[dict[str, Any]]:
        """The newest reading of every sensor (as ``query`` gives them).

        The sensors are found by skipping along the (sensor_id, ts) index, one lookup
        each, and each one's newest row by the same index: a few lookups per sensor
        whatever the history's size, so a start-up with a large history stays quick.
        """
        conn = self._reader()
        sensors = conn.execute(
            "WITH RECURSIVE s(id) AS (SELECT MIN(sensor_id) FROM readings UNION ALL"
            " SELECT (SELECT MIN(sensor_id) FROM readings WHERE sensor_id > s.id) FROM s"
            " WHERE s.id IS NOT NULL) SELECT id FROM s WHERE id IS NOT NULL"
        ).fetchall()
        out = []
        for (sid,) in sensors:
            r = conn.execute(
                f"SELECT {_COLUMNS} FROM readings WHERE sensor_id = ?"
                " ORDER BY ts DESC, id DESC LIMIT 1",
                (sid,),
            ).fetchone()
            if r is not None:
                out.append(self._row(r))
        return out

    def states(
        self,
        *,
        sensor_id: str | None = None,
        start: float | None = None,
        end: float | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Changes of asset state, newest first (``ts`` is when the new state began)."""
        where, args = self._where(sensor_id, start, end, None)
        rows = self._reader().execute(
            f"SELECT {_STATE_COLUMNS} FROM asset_states {where} ORDER BY ts DESC, id DESC"
            " LIMIT ? OFFSET ?",
            (*args, limit, offset),
        )
        return [dict(r) for r in rows]

    def sensors(self) -> list[str]:
        return [r[0] for r in self._reader().execute("SELECT DISTINCT sensor_id FROM readings")]

    @staticmethod
    def _where(
        sensor_id: str | None, start: float | None, end: float | None, label: str | None
    ) -> tuple[str, tuple[Any, ...]]:
        return where_clause((("sensor_id", sensor_id), ("label", label)), start, end)

    def close(self) -> None:
        with self._write_lock:
            self._writer.close()


def open_history(cfg: GatewayConfig) -> History | None:
    """The configured history, or None when it is disabled."""
    if not cfg.history.enabled:
        return None
    from gateway.commits import acks_after_store

    return History(
        cfg.data_path,
        retention_days=cfg.history.retention_days,
        max_mb=cfg.history.max_mb,
        # Without the outbox the history is the first durable copy: each commit is
        # synced, as the outbox's are.
        fsync=not cfg.upstream.enabled and acks_after_store(cfg),
    )
