"""The data folder is private whatever the umask (issue #13, finding 5)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from gateway.state.datadir import secure_data_dir
from gateway.state.store import Store
from tests.support.web import RunningGateway


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _open_to_others(root: Path) -> list[str]:
    found = [] if _mode(root) == 0o700 else [f". {_mode(root):o}"]
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            p = Path(folder) / name
            if not p.is_symlink() and _mode(p) & 0o077:
                found.append(f"{p.relative_to(root)} {_mode(p):o}")
    return found


def test_an_open_data_folder_is_fixed_at_start_and_says_so(
    tmp_path: Path, umask_022: None, caplog: pytest.LogCaptureFixture
) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    (data / "models").mkdir(mode=0o755)
    for name in ("state.json", "alerts.sqlite3-wal", "secrets.json", "models/x.c"):
        (data / name).write_text("{}")
        os.chmod(data / name, 0o644)
    os.chmod(data, 0o755)
    with caplog.at_level(logging.WARNING):
        fixed = secure_data_dir(data)
    assert len(fixed) == 6 and _open_to_others(data) == []
    assert _mode(data) == 0o700 and _mode(data / "state.json") == 0o600
    assert "readable by other users" in caplog.text
    assert os.umask(0o077) == 0o077  # secure_data_dir left the process umask private
    assert secure_data_dir(data) == []  # nothing more to fix


def test_the_state_file_is_0600_under_umask_022(tmp_path: Path, umask_022: None) -> None:
    store = Store(tmp_path)
    store.insert("users", {"email": "a@b.c", "hashed_password": "$argon2id$..."})
    store.close()
    assert _mode(tmp_path / "state.json") == 0o600


def test_a_running_gateway_keeps_its_folder_private(tmp_path: Path, umask_022: None) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    gw = RunningGateway(data, assets=1).start()
    try:
        gw.gateway.facade.store.insert("audit", {"event": "x"})
        assert (data / "state.json").exists()
        assert any(p.name.endswith("-wal") for p in data.rglob("*")), sorted(data.rglob("*"))
        assert _open_to_others(data) == []
    finally:
        gw.stop()
    assert _open_to_others(data) == []


def test_user_add_makes_the_data_folder_private(
    tmp_path: Path, umask_022: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #20, 7: ``aastreli user add`` on a fresh folder made it 0755."""
    import io

    from gateway.cli import main

    data = tmp_path / "fresh" / "data"
    config = tmp_path / "gateway.yaml"
    config.write_text(f"gateway:\n  data_dir: {data}\n")
    monkeypatch.setattr("sys.stdin", io.StringIO("steady copper kettle\n"))
    argv = ["user", "add", "-c", str(config), "--email", "boss@plant.example"]
    assert main([*argv, "--role", "admin", "--password-stdin"]) == 0
    assert _mode(data) == 0o700
    assert _open_to_others(data) == []
