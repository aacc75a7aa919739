"""``aastreli user ...`` and ``aastreli import-seed`` against a real data folder."""

from __future__ import annotations

import io
import json
from pathlib import Path

import bcrypt
import pytest

from gateway.cli import main
from gateway.state.datadir import DataDirLock
from tests.support.web import make_facade
from webui.app import create_app


@pytest.fixture
def config(tmp_path: Path) -> str:
    path = tmp_path / "gateway.yaml"
    path.write_text(f"gateway:\n  data_dir: {tmp_path / 'data'}\n")
    return str(path)


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def login(tmp_path: Path, email: str, password: str) -> int:
    facade = make_facade(tmp_path / "data")
    try:
        app = create_app(facade=facade)
        return (
            app.test_client()
            .post("/login", json={"email": email, "password": password})
            .status_code
        )
    finally:
        facade.store.close()


def test_user_add_list_disable_reset(
    config: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(
        [
            "user",
            "add",
            "--config",
            config,
            "--email",
            "Boss@Plant.example",
            "--role",
            "admin",
            "--full-name",
            "Plant Boss",
            "--password-stdin",
        ],
        monkeypatch,
        "steady copper kettle\n",
    )
    assert code == 0
    assert "created admin boss@plant.example (username boss)" in capsys.readouterr().out
    assert (
        run(
            [
                "user",
                "add",
                "-c",
                config,
                "--email",
                "oper@plant.example",
                "--role",
                "operator",
                "--password-stdin",
            ],
            monkeypatch,
            "quiet lantern river\n",
        )
        == 0
    )
    # Weak passwords and duplicates are refused with the reason.
    assert (
        run(
            ["user", "add", "-c", config, "--email", "xavier@plant.example", "--password-stdin"],
            monkeypatch,
            "password1\n",
        )
        == 1
    )
    assert "common" in capsys.readouterr().err
    assert (
        run(
            ["user", "add", "-c", config, "--email", "oper@plant.example", "--password-stdin"],
            monkeypatch,
            "another fine phrase\n",
        )
        == 1
    )
    assert "exists" in capsys.readouterr().err
    assert run(["user", "list", "-c", config], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "boss@plant.example" in out and "operator" in out and "xavier@plant.example" not in out
    assert login(tmp_path, "boss@plant.example", "steady copper kettle") == 200

    assert run(["user", "disable", "-c", config, "boss"], monkeypatch) == 1
    assert "only enabled admin" in capsys.readouterr().err
    assert run(["user", "disable", "-c", config, "oper"], monkeypatch) == 0
    assert login(tmp_path, "oper@plant.example", "quiet lantern river") == 403
    assert run(["user", "disable", "-c", config, "oper", "--enable"], monkeypatch) == 0
    assert (
        run(
            ["user", "reset-password", "-c", config, "oper@plant.example", "--password-stdin"],
            monkeypatch,
            "brand new lantern\n",
        )
        == 0
    )
    assert login(tmp_path, "oper@plant.example", "quiet lantern river") == 401
    assert login(tmp_path, "oper@plant.example", "brand new lantern") == 200
    assert (
        run(
            ["user", "reset-password", "-c", config, "nobody", "--password-stdin"],
            monkeypatch,
            "brand new lantern\n",
        )
        == 1
    )


def test_a_running_gateway_holds_the_folder(
    config: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = DataDirLock(tmp_path / "data")
    lock.acquire()
    try:
        assert run(["user", "list", "-c", config], monkeypatch) == 1
        err = capsys.readouterr().err
        assert "another gateway process" in err and "stop the service first" in err
    finally:
        lock.release()
    assert run(["user", "list", "-c", config], monkeypatch) == 0


def _bcrypt(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4)).decode()


def test_import_seed_mongoexport(
    config: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    users = tmp_path / "users.json"
    users.write_text(
        "\n".join(
            json.dumps(d)
            for d in [
                {
                    "_id": {"$oid": "65bb2e0f1a2b3c4d5e6f7a8b"},
                    "email": "user@example.com",
                    "username": "john_doe",
                    "full_name": "John Doe",
                    "hashed_password": _bcrypt("securepassword"),
                    "disabled": False,
                    "created_at": {"$date": "2026-02-01T00:00:00Z"},
                },
                {
                    "_id": {"$oid": "65bb2e0f1a2b3c4d5e6f7a8c"},
                    "email": "chief@example.com",
                    "username": "chief",
                    "hashed_password": _bcrypt("chief engineer secret"),
                    "disabled": False,
                    "created_at": {"$date": {"$numberLong": "1738368000000"}},
                },
                {
                    "_id": {"$oid": "65bb2e0f1a2b3c4d5e6f7a8d"},
                    "email": "broken@example.com",
                    "username": "broken",
                    "hashed_password": "plaintext!",
                },
            ]
        )
        + "\n"
    )
    settings = tmp_path / "user_settings.json"
    settings.write_text(
        json.dumps(
            [
                {
                    "_id": {"$oid": "65bb2e0f1a2b3c4d5e6f7a90"},
                    "user_email": "user@example.com",
                    "autoRefresh": True,
                    "refreshInterval": 5,
                    "anomalyThreshold": 0.7,
                    "enableNotifications": True,
                    "faultActions": [
                        {
                            "id": "1738367890123",
                            "type": "email",
                            "enabled": True,
                            "config": {"email": "alerts@company.com"},
                        },
                        {
                            "id": "1738367890456",
                            "type": "webhook",
                            "enabled": True,
                            "config": {"url": "https://api.company.com/webhook"},
                        },
                        {
                            "id": "1738367890789",
                            "type": "carrier-pigeon",
                            "enabled": True,
                            "config": {},
                        },
                    ],
                    "updated_at": {"$date": "2026-02-01T00:00:00Z"},
                },
                {
                    "_id": {"$oid": "65bb2e0f1a2b3c4d5e6f7a91"},
                    "user_email": "ghost@example.com",
                    "faultActions": [],
                },
            ]
        )
    )
    argv = ["import-seed", "-c", config, str(users), str(settings), "--admin", "chief@example.com"]
    assert run([*argv, "--dry-run"], monkeypatch) == 0
    assert "would import 2 user(s)" in capsys.readouterr().out
    assert login(tmp_path, "user@example.com", "securepassword") == 401  # nothing written yet
    assert run(argv, monkeypatch) == 0
    out = capsys.readouterr().out
    assert "imported 2 user(s) and 1 settings; skipped 2" in out
    assert "dropped fault action 2" in out and "broken@example.com: no bcrypt or Argon2 hash" in out

    facade = make_facade(tmp_path / "data")
    store = facade.store
    john = store.get("users", email="user@example.com")
    assert john["hashed_password"].startswith("$2b$") and john["role"] == "operator"
    assert john["created_at"] == 1769904000.0 and john["token_epoch"] == 0
    assert store.get("users", email="chief@example.com")["role"] == "admin"
    s = store.get("settings", user_email="user@example.com")
    assert [a["type"] for a in s["faultActions"]] == ["email", "webhook"]
    # The seed's password works, and the hash is upgraded on that login.
    app = create_app(facade=facade)
    c = app.test_client()
    r = c.post("/login", json={"email": "user@example.com", "password": "securepassword"})
    assert r.status_code == 200
    assert store.get("users", email="user@example.com")["hashed_password"].startswith("$argon2id$")
    got = c.get("/settings", headers={"Authorization": f"Bearer {r.json['access_token']}"}).json
    assert got["enableNotifications"] is True and len(got["faultActions"]) == 2
    store.close()
    # Running it again changes nothing.
    assert run(argv, monkeypatch) == 0
    assert "imported 0 user(s)" in capsys.readouterr().out


def test_import_seed_bad_file(
    config: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json\n")
    assert run(["import-seed", "-c", config, str(bad)], monkeypatch) == 1
    assert "not mongoexport JSON" in capsys.readouterr().err
    assert run(["import-seed", "-c", config, str(tmp_path / "missing.json")], monkeypatch) == 1
