"""The state store: the one owner of the TinyDB file, behind one lock.

Holds small records only (users, settings, alerts, feedback labels, the active model,
the audit trail, login counters); readings never come here, since TinyDB rewrites its
whole file on every write. Collections listed in ``BOUNDS`` keep their newest documents
only. A schema version with migrations lets later releases change the layout.
Every method is safe to call from any thread; results are deep copies.
"""

from __future__ import annotations

import contextlib
import copy
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from gateway.state.storage import DurableJSONStorage, StorageFull

log = logging.getLogger("gateway.state")

SCHEMA_VERSION = 1
STATE_FILE = "state.json"

# Newest documents kept per collection; older ones are removed on insert.
# (login_attempts bounds itself: webui.ratelimit evicts by last failure, never accounts.)
BOUNDS: dict[str, int] = {
    "alerts": 1000,
    "audit": 2000,  # of the events that are not in KEPT_EVENTS
    "drift_baselines": 5000,  # per asset and model (gateway.model.drift_records)
    "drift_periods": 5000,
    "feedback": 5000,
    "model_history": 50,
    "revoked_sessions": 5000,
}
# Audit events that must survive any amount of other activity: who set the gateway up,
# who changed accounts, roles and passwords, the model and notification targets. They
# are bounded on their own (KEPT_BOUND); the other events (sign-ins, the per-minute
# tallies of failures, acknowledgements...) never push one of them out.
KEPT_EVENTS = frozenset(
    {
        "setup_admin_created",
        "user_created",
        "user_updated",
        "user_imported",
        "registered",
        "password_reset",
        "password_changed",
        "settings_saved",
        "display_link_created",
        "display_link_revoked",
        "model_uploaded",
        "model_upload_refused",
        "model_activated",
        "model.activated",
        "model_refused",
        "model_rolled_back",
        "model.shadow_started",
        "model.shadow_stopped",
        "model.shadow_promoted",
        "model_shadow_refused",
        "alert_thresholds_set",
        "settings_imported",
    }
)
KEPT_BOUND = 2000

# MIGRATIONS[v] turns a version-v state into version v+1, working on the raw tables.
Migration = Callable[[TinyDB], None]
MIGRATIONS: dict[int, Migration] = {}


class StoreError(Exception):
    """The state store refused an operation (disk full, newer schema...)."""


class Store:
    def __init__(
        self,
        data_dir: Path,
        *,
        write_guard: Callable[[], AbstractContextManager[Any]] | None = None,
    ) -> None:
        self.path = Path(data_dir) / STATE_FILE
        self._lock = threading.RLock()
        self._write_guard = write_guard or contextlib.nullcontext
        self._db = TinyDB(self.path, storage=DurableJSONStorage)
        storage: DurableJSONStorage = self._db.storage  # type: ignore[assignment]
        self.recovered = storage.recovered
        self.write_errors = 0
        self.last_write_error: str | None = None
        self._migrate()

    # -- schema ----------------------------------------------------------------------

    def _migrate(self) -> None:
        meta = self._db.table("meta")
        doc = meta.get(doc_id=1)
        version = int(doc["schema"]) if doc else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer gateway (schema {version}, "
                f"this one knows {SCHEMA_VERSION}); refusing to touch it"
            )
        if version == 0:
            meta.upsert(Document({"schema": SCHEMA_VERSION, "created": time.time()}, doc_id=1))
            return
        while version < SCHEMA_VERSION:
            log.info("migrating state from schema %d to %d", version, version + 1)
            MIGRATIONS[version](self._db)
            version += 1
            meta.upsert(Document({"schema": version}, doc_id=1))

    @property
    def schema_version(self) -> int:
        with self._lock:
            doc = self._db.table("meta").get(doc_id=1)
            return int(doc["schema"]) if doc else 0

    # -- writes ----------------------------------------------------------------------

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        with self._lock, self._write_guard():
            try:
                yield
            except StorageFull as err:
                self.write_errors += 1
                self.last_write_error = str(err)
                log.error("state write refused: %s", err, extra={"event": "state_write_failed"})
                raise StoreError(str(err)) from err

    def insert(self, table: str, doc: dict[str, Any]) -> int:
        with self._writing():
            t = self._db.table(table)
            doc_id = t.insert(doc)
            bound = BOUNDS.get(table)
            if table == "audit":
                self._bound_audit(t)
            elif bound is not None and len(t) > bound:
                ids = sorted(d.doc_id for d in t.all())
                t.remove(doc_ids=ids[: len(ids) - bound])
            return doc_id

    def _bound_audit(self, t: Any) -> None:
        """The oldest events beyond their class's bound go; a class never evicts the other."""
        if len(t) <= BOUNDS["audit"]:
            return
        kept: list[int] = []
        other: list[int] = []
        for d in t.all():
            (kept if d.get("event") in KEPT_EVENTS else other).append(d.doc_id)
        drop = sorted(other)[: max(0, len(other) - BOUNDS["audit"])]
        drop += sorted(kept)[: max(0, len(kept) - KEPT_BOUND)]
        if drop:
            t.remove(doc_ids=drop)

    def replace(self, table: str, docs: list[dict[str, Any]]) -> None:
        """Make ``docs`` the table's whole content in one write (no half state on disk)."""
        with self._writing():
            t = self._db.table(table)
            fresh = {i: dict(doc) for i, doc in enumerate(docs, 1)}

            def swap(raw: dict[int, Any]) -> None:
                raw.clear()
                raw.update(fresh)

            # TinyDB's own single-write update path (every public operation goes
            # through it); its next-id counter is then recounted from the new ids.
            t._update_table(swap)
            t._next_id = None

    def update(self, table: str, fields: dict[str, Any], **match: Any) -> int:
        with self._writing():
            t = self._db.table(table)
            ids = [d.doc_id for d in t.all() if _matches(d, match)]
            if ids:
                t.update(fields, doc_ids=ids)
            return len(ids)

    def update_by_id(self, table: str, doc_id: int, fields: dict[str, Any]) -> bool:
        with self._writing():
            t = self._db.table(table)
            if not t.contains(doc_id=doc_id):
                return False
            t.update(fields, doc_ids=[doc_id])
            return True

    def upsert(self, table: str, doc: dict[str, Any], **match: Any) -> None:
        """Replace the fields of the one document matching ``match``, or insert ``doc``."""
        with self._writing():
            t = self._db.table(table)
            ids = [d.doc_id for d in t.all() if _matches(d, match)]
            if ids:
                t.update(doc, doc_ids=ids[:1])
            else:
                self.insert(table, {**match, **doc})

    def remove(
        self, table: str, where: Callable[[dict[str, Any]], bool] | None = None, **match: Any
    ) -> int:
        with self._writing():
            t = self._db.table(table)
            ids = [d.doc_id for d in t.all() if _matches(d, match) and (where is None or where(d))]
            if ids:
                t.remove(doc_ids=ids)
            return len(ids)

    def put_meta(self, key: str, value: Any) -> None:
        self.upsert("kv", {"value": value}, key=key)

    # -- reads -----------------------------------------------------------------------

    def get(self, table: str, **match: Any) -> dict[str, Any] | None:
        with self._lock:
            for d in self._db.table(table).all():
                if _matches(d, match):
                    return _copy(d)
            return None

    def get_by_id(self, table: str, doc_id: int) -> dict[str, Any] | None:
        with self._lock:
            d = self._db.table(table).get(doc_id=doc_id)
            return _copy(d) if d is not None else None

    def find(
        self,
        table: str,
        where: Callable[[dict[str, Any]], bool] | None = None,
        *,
        newest_first: bool = False,
        limit: int | None = None,
        **match: Any,
    ) -> list[dict[str, Any]]:
        with self._lock:
            docs = [d for d in self._db.table(table).all() if _matches(d, match)]
            if where is not None:
                docs = [d for d in docs if where(d)]
            if newest_first:
                docs.reverse()
            if limit is not None:
                docs = docs[:limit]
            return [_copy(d) for d in docs]

    def count(self, table: str, **match: Any) -> int:
        with self._lock:
            if not match:
                return len(self._db.table(table))
            return sum(1 for d in self._db.table(table).all() if _matches(d, match))

    def get_meta(self, key: str, default: Any = None) -> Any:
        doc = self.get("kv", key=key)
        return default if doc is None else doc["value"]

    def audit(self, event: str, **fields: Any) -> None:
        """Append to the audit trail; a full disk is logged, never raised to the caller."""
        try:
            self.insert("audit", {"ts": time.time(), "event": event, **fields})
        except StoreError:
            pass

    def close(self) -> None:
        with self._lock:
            self._db.close()


def read_table(data_dir: Path, table: str) -> list[dict[str, Any]]:
    """One table of the state file, read without the store (and without its lock).

    Safe beside a running gateway: the file is only ever replaced whole by a rename, so
    a reader sees either the old or the new state. For CLI exports; never for writes.
    """
    path = Path(data_dir) / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except ValueError as err:
        raise StoreError(f"{path} does not parse: {err}") from err
    return [dict(doc) for _, doc in sorted(data.get(table, {}).items(), key=lambda kv: int(kv[0]))]


def _matches(doc: dict[str, Any], match: dict[str, Any]) -> bool:
    return all(doc.get(k) == v for k, v in match.items())


def _copy(doc: Document | dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(dict(doc))
    if isinstance(doc, Document):
        out["doc_id"] = doc.doc_id
    return out
