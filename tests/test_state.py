"""The state store: operations, bounds, schema, recovery from a bad file, lock, full disk."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from gateway.state import store as store_mod
from gateway.state.datadir import DataDirBusy, DataDirLock, load_secrets
from gateway.state.store import Store, StoreError

ROOT = Path(__file__).resolve().parent.parent


def test_insert_get_update_remove(tmp_path: Path) -> None:
    s = Store(tmp_path)
    uid = s.insert("users", {"email": "a@x", "role": "admin"})
    assert s.get("users", email="a@x")["doc_id"] == uid
    assert s.update("users", {"role": "viewer"}, email="a@x") == 1
    assert s.get_by_id("users", uid)["role"] == "viewer"
    s.upsert("settings", {"autoRefresh": False}, user_email="a@x")
    s.upsert("settings", {"refreshInterval": 9}, user_email="a@x")
    assert s.find("settings") == [
        {"user_email": "a@x", "autoRefresh": False, "refreshInterval": 9, "doc_id": 1}
    ]
    assert s.remove("users", email="a@x") == 1
    assert s.count("users") == 0


def test_results_are_copies(tmp_path: Path) -> None:
    s = Store(tmp_path)
    s.insert("settings", {"user_email": "a", "faultActions": [{"id": "1"}]})
    doc = s.get("settings", user_email="a")
    doc["faultActions"].append({"id": "2"})
    assert len(s.get("settings", user_email="a")["faultActions"]) == 1


def test_state_survives_reopen(tmp_path: Path) -> None:
    s = Store(tmp_path)
    s.insert("users", {"email": "a@x"})
    s.put_meta("active_model", "compiled_models/x")
    s.close()
    s2 = Store(tmp_path)
    assert s2.get("users", email="a@x") is not None
    assert s2.get_meta("active_model") == "compiled_models/x"


def test_bounded_collections_keep_the_newest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(store_mod.BOUNDS, "audit", 5)
    s = Store(tmp_path)
    for i in range(12):
        s.audit("login", n=i)
    assert [d["n"] for d in s.find("audit")] == [7, 8, 9, 10, 11]


def test_schema_version_and_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = Store(tmp_path)
    assert s.schema_version == store_mod.SCHEMA_VERSION
    s.insert("users", {"email": "a@x"})
    s.close()

    def add_role(db: object) -> None:
        users = db.table("users")  # type: ignore[attr-defined]
        for d in users.all():
            users.update({"role": "admin"}, doc_ids=[d.doc_id])

    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", store_mod.SCHEMA_VERSION + 1)
    monkeypatch.setitem(store_mod.MIGRATIONS, store_mod.SCHEMA_VERSION - 1, add_role)
    s2 = Store(tmp_path)
    assert s2.schema_version == store_mod.SCHEMA_VERSION
    assert s2.get("users", email="a@x")["role"] == "admin"


def test_newer_schema_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(tmp_path).close()
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", 0)
    with pytest.raises(StoreError, match="newer gateway"):
        Store(tmp_path)


def test_unparsable_file_is_kept_aside_and_backup_used(tmp_path: Path) -> None:
    s = Store(tmp_path)
    s.insert("users", {"email": "first"})
    s.insert("users", {"email": "second"})  # the backup now holds "first"
    s.close()
    (tmp_path / "state.json").write_text('{"users": {"1": {"email": "fir')
    s2 = Store(tmp_path)
    assert s2.recovered and "kept aside" in s2.recovered
    assert s2.get("users", email="first") is not None
    aside = list(tmp_path.glob("state.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text().startswith('{"users"')


def test_stale_temporary_files_are_removed(tmp_path: Path) -> None:
    Store(tmp_path).close()
    stale = tmp_path / "state.json.tmp-12345"
    stale.write_text("{}")
    Store(tmp_path).close()
    assert not stale.exists()


def test_secrets_are_generated_once_with_mode_0600(tmp_path: Path) -> None:
    a = load_secrets(tmp_path)
    b = load_secrets(tmp_path)
    assert a == b
    assert len(a["jwt_secret"]) >= 40
    assert a["gateway_id"].startswith("gw-")
    mode = stat.S_IMODE(os.stat(tmp_path / "secrets.json").st_mode)
    assert mode == 0o600
    assert load_secrets(tmp_path / "other")["jwt_secret"] != a["jwt_secret"]


def test_second_process_on_the_same_data_folder_fails_fast(tmp_path: Path) -> None:
    with DataDirLock(tmp_path):
        code = (
            "import sys; from gateway.state.datadir import DataDirLock, DataDirBusy\n"
            f"try:\n DataDirLock({str(tmp_path)!r}).acquire()\n"
            "except DataDirBusy as e:\n print(e); sys.exit(3)\n"
        )
        res = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=30
        )
        assert res.returncode == 3
        assert f"pid {os.getpid()}" in res.stdout
        with pytest.raises(DataDirBusy):
            DataDirLock(tmp_path).acquire()
    DataDirLock(tmp_path).acquire()  # released: free again


@pytest.fixture
def tiny_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 64 KiB tmpfs: a real full disk. Needs root (CI runs as root)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs to fill needs root")
    res = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True
    )
    if res.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {res.stderr.decode().strip()}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_full_disk_refuses_writes_cleanly_and_keeps_state(tiny_disk: Path) -> None:
    s = Store(tiny_disk)
    s.insert("users", {"email": "kept"})
    with pytest.raises(StoreError, match=r"No space|not written"):
        for i in range(1000):
            s.insert("audit", {"n": i, "pad": "x" * 2000})
    assert s.write_errors == 1 and s.last_write_error
    # What was written stays readable, in memory and on disk.
    assert s.get("users", email="kept") is not None
    on_disk = json.loads((tiny_disk / "state.json").read_text())
    assert any(d.get("email") == "kept" for d in on_disk["users"].values())
    assert not list(tiny_disk.glob("*.tmp-*"))
    # The audit call itself never raises, even on a full disk.
    s.audit("still running")
