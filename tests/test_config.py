"""Config: every shipped file loads, each kind of mistake names its key, env overrides apply."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gateway.config import ConfigError, load_config, parse_config

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILES = sorted((ROOT / "config").rglob("*.yaml"))


def test_config_folder_is_not_empty() -> None:
    assert (ROOT / "config" / "gateway.yaml") in CONFIG_FILES
    assert any(p.parent.name == "examples" for p in CONFIG_FILES)


@pytest.mark.parametrize("path", CONFIG_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_config_loads(path: Path) -> None:
    cfg = load_config(path, environ={})
    assert cfg.pipeline.queue_size > 0


def _problems(tree: object) -> list[tuple[str, str]]:
    with pytest.raises(ConfigError) as info:
        parse_config(tree, "test.yaml")
    return info.value.problems


def test_unknown_key_is_named_with_its_path() -> None:
    assert _problems({"web": {"prot": 80}}) == [("web.prot", "unknown key")]


def test_typo_in_a_source_names_the_list_item() -> None:
    problems = _problems({"sources": [{"kind": "mqtt", "name": "a", "topcs": ["x"]}]})
    assert problems == [("sources[0].topcs", "unknown key")]


def test_wrong_type_names_key_and_reason() -> None:
    ((path, reason),) = _problems({"web": {"port": "eighty"}})
    assert path == "web.port"
    assert "integer" in reason


def test_out_of_range_value() -> None:
    ((path, reason),) = _problems({"web": {"port": 70000}})
    assert path == "web.port" and "65535" in reason


def test_unknown_source_kind() -> None:
    ((path, reason),) = _problems({"sources": [{"kind": "profibus", "name": "x"}]})
    assert path == "sources[0]" and "profibus" in reason


def test_duplicate_source_names() -> None:
    tree = {"sources": [{"kind": "mqtt", "name": "a"}, {"kind": "mqtt", "name": "a"}]}
    ((path, reason),) = _problems(tree)
    assert path == "sources" and "'a' is used twice" in reason


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "nope.yaml", environ={})
    assert info.value.problems == [("", "file not found")]
    assert "nope.yaml" in str(info.value)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text("web:\n  port: [1, 2\n")
    with pytest.raises(ConfigError) as info:
        load_config(p, environ={})
    assert info.value.problems[0][0].startswith("line ")


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    p = tmp_path / "list.yaml"
    p.write_text("- a\n- b\n")
    with pytest.raises(ConfigError, match="mapping"):
        load_config(p, environ={})


def test_environment_overrides_any_key(tmp_path: Path) -> None:
    p = tmp_path / "g.yaml"
    p.write_text("sources:\n  - kind: mqtt\n    name: plant\n")
    env = {
        "AASTRELI_WEB__PORT": "80",
        "AASTRELI_ALERTS__ENABLED": "false",
        "AASTRELI_SOURCES__0__HOST": "10.1.2.3",
        "AASTRELI_GATEWAY__DATA_DIR": "/data",
        "PATH": "/usr/bin",
    }
    cfg = load_config(p, environ=env)
    assert cfg.web.port == 80
    assert cfg.alerts.enabled is False
    assert cfg.sources[0].host == "10.1.2.3"
    assert cfg.gateway.data_dir == "/data"


def test_environment_override_with_a_bad_value_names_the_key(tmp_path: Path) -> None:
    p = tmp_path / "g.yaml"
    p.write_text("{}\n")
    with pytest.raises(ConfigError) as info:
        load_config(p, environ={"AASTRELI_WEB__PORT": "http"})
    assert info.value.problems[0][0] == "web.port"


def test_environment_override_of_a_missing_list_item(tmp_path: Path) -> None:
    p = tmp_path / "g.yaml"
    p.write_text("{}\n")
    with pytest.raises(ConfigError, match="AASTRELI_SOURCES__3__HOST"):
        load_config(p, environ={"AASTRELI_SOURCES__3__HOST": "x"})


def test_config_names_the_file_through_environment(tmp_path: Path) -> None:
    p = tmp_path / "g.yaml"
    p.write_text("web:\n  port: 9000\n")
    assert load_config(None, environ={"AASTRELI_CONFIG": str(p)}).web.port == 9000


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gateway", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_cli_config_check_ok_and_bad(tmp_path: Path) -> None:
    ok = _cli("config", "check", str(ROOT / "config" / "gateway.yaml"))
    assert ok.returncode == 0, ok.stderr
    assert "ok" in ok.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("web:\n  prot: 1\n")
    res = _cli("config", "check", str(bad))
    assert res.returncode == 2
    assert "web.prot: unknown key" in res.stderr and str(bad) in res.stderr


def test_cli_run_with_bad_config_starts_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"gateway:\n  data_dir: {tmp_path / 'data'}\n  colour: red\n")
    res = _cli("run", "--config", str(bad))
    assert res.returncode == 2
    assert "gateway.colour: unknown key" in res.stderr
    assert not (tmp_path / "data").exists()


def test_demo_config_reads_exactly_the_simulated_plant() -> None:
    from gateway.simulator.orchestrator import gateway_sources

    cfg = load_config(ROOT / "config" / "gateway.yaml", environ={})
    expected = parse_config({"sources": gateway_sources(cfg.simulator)}).sources
    assert cfg.sources == expected


def test_two_rtu_sources_on_one_serial_port_are_refused() -> None:
    dev = {"name": "d", "points": [{"sensor_id": "s", "feature": "f", "address": 0}]}
    src = {
        "kind": "modbus",
        "transport": "rtu",
        "host": None,
        "devices": [dev],
        "serial": {"port": "/dev/ttyUSB0", "parity": "N"},
    }
    ((path, reason),) = _problems({"sources": [{**src, "name": "a"}, {**src, "name": "b"}]})
    assert path == "sources" and "/dev/ttyUSB0" in reason and "'a'" in reason


def test_committed_schema_matches_the_models() -> None:
    """config/schema.json is what `aastreli config schema` prints; regenerate it on change."""
    import json

    from gateway.config import GatewayConfig

    committed = json.loads((ROOT / "config" / "schema.json").read_text())
    assert committed == json.loads(json.dumps(GatewayConfig.model_json_schema(), sort_keys=True))


def test_the_demo_moves_its_own_servers_off_ports_that_are_taken(tmp_path: Path) -> None:
    """`make run` on a machine where something already listens on 5020, 4840 or 8080:
    the simulated servers and the web UI move to free ports, the generated sources
    follow them, and an explicit --port or a hand-written source list is left alone."""
    import socket

    import yaml

    from gateway.demo import demo_config

    holders = []
    for _ in range(3):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        s.listen()
        holders.append(s)
    modbus, opcua, web = (s.getsockname()[1] for s in holders)
    try:
        tree = yaml.safe_load((ROOT / "config" / "gateway.yaml").read_text())
        tree["simulator"]["modbus"]["port"] = modbus
        tree["simulator"]["opcua"]["port"] = opcua
        tree["web"] = {"port": web, "host": "127.0.0.1"}
        del tree["sources"]
        path = tmp_path / "demo.yaml"
        path.write_text(yaml.safe_dump(tree))
        cfg = demo_config(str(path), str(tmp_path / "data"), None)
        assert cfg.simulator.modbus.port not in (modbus, 0)
        assert cfg.simulator.opcua.port not in (opcua, 0)
        assert cfg.web.port not in (web, 0)
        by_kind = {s.kind: s for s in cfg.sources}
        assert by_kind["modbus"].port == cfg.simulator.modbus.port  # type: ignore[union-attr]
        assert f":{cfg.simulator.opcua.port}/" in by_kind["opcua"].url  # type: ignore[union-attr]
        assert demo_config(str(path), str(tmp_path / "data"), web).web.port == web  # --port
        # A config with its own sources: the plant it reads is not the demo's to move.
        tree["sources"] = [{"kind": "mqtt", "name": "own", "topics": ["x/#"]}]
        path.write_text(yaml.safe_dump(tree))
        cfg = demo_config(str(path), str(tmp_path / "data"), None)
        assert cfg.simulator.modbus.port == modbus and [s.name for s in cfg.sources] == ["own"]
    finally:
        for s in holders:
            s.close()
