"""Typed gateway configuration: load YAML, apply ``AASTRELI_...`` overrides, validate.

A mistake anywhere (unknown key, wrong type, missing file) raises ConfigError naming the
key path and the reason; nothing is started from a config that did not validate.

Environment overrides address any key by its path, sections separated by a double
underscore and list items by their index: ``AASTRELI_WEB__PORT=80``,
``AASTRELI_UPSTREAM__HOST=broker.example.com``, ``AASTRELI_SOURCES__0__HOST=10.0.0.5``.
Values are parsed as YAML scalars (``true``, ``8080``, ``0.7``). ``AASTRELI_CONFIG``
names the config file when ``--config`` is not given.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, ValidationError, field_validator, model_validator

from gateway.config.alerts import AlertsConfig
from gateway.config.assets import AssetsConfig
from gateway.config.base import ConfigError, StrictModel
from gateway.config.commands import CommandsConfig
from gateway.config.insight import DriftConfig, ExplainConfig, ShadowConfig
from gateway.config.simulator import SimulatorConfig
from gateway.config.sources import SourceConfig
from gateway.config.upstream import UpstreamConfig
from gateway.config.web import WebConfig
from gateway.config.writes import WritesConfig

ENV_PREFIX = "AASTRELI_"
# Variables with this prefix that are not key paths.
_ENV_NOT_KEYS = {"AASTRELI_CONFIG"}

__all__ = ["ConfigError", "GatewayConfig", "load_config", "parse_config"]


class CoreConfig(StrictModel):
    id: str = Field("auto", description="gateway id; 'auto' generates one into the data folder")
    data_dir: str = "./data"
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    log_format: Literal["auto", "json", "text"] = "auto"
    cpus: list[int] = Field(
        default_factory=list,
        description="the CPUs (numbers as in /proc/cpuinfo) the gateway's threads run on, "
        "e.g. [1] for one core of its own; empty: wherever the kernel puts them",
    )

    @field_validator("cpus")
    @classmethod
    def _cpu_numbers(cls, v: list[int]) -> list[int]:
        if any(c < 0 for c in v):
            raise ValueError("CPU numbers start at 0")
        return v


class PipelineConfig(StrictModel):
    queue_size: int = Field(100_000, ge=100, description="readings waiting for the model")
    max_batch: int = Field(4096, ge=1)
    sink_queue_size: int = Field(200_000, ge=100, description="readings per sink queue")
    hold_sources_above: int = Field(
        10_000,
        ge=0,
        description="a queue (the pipeline's or a sink's) deeper than this many readings "
        "holds the MQTT sources back (they stop reading; the broker keeps the messages) "
        "until it is down to half; about 2 KB a reading. 0: never",
    )
    feature_max_age: float = Field(
        60.0,
        gt=0,
        description="seconds a point's last good value may fill in for it in later "
        "readings of its asset; older, it is missing",
    )
    shutdown_deadline: float = Field(10.0, gt=0)
    max_assets: int = Field(
        1000,
        ge=1,
        le=100_000,
        description="distinct sensor ids accepted at once (established or on probation); "
        "readings of new ids beyond it are refused and counted (rejected_new_asset), "
        "never stored",
    )
    sensor_id_max_length: int = Field(
        128,
        ge=8,
        le=1024,
        description="longest sensor id accepted; ids must also be letters, digits and "
        "_ . : / @ - with no . or .. between slashes (others are refused and counted as "
        "rejected_sensor_id)",
    )
    sensor_id_charset: Literal["ascii", "unicode"] = Field(
        "ascii",
        description="'ascii': ASCII letters and digits only, so no look-alike of another "
        "id (a Cyrillic і for an i) can be one; 'unicode': letters and digits of any "
        "script, in NFKC form",
    )
    asset_probation_seconds: float = Field(
        300.0,
        gt=0,
        le=86400,
        description="a new sensor id takes one of max_assets for good after its readings "
        "came for this long; until then, when all are taken, an id quiet for a tenth of "
        "this gives way to a new one (a burst of invented ids cannot lock a real pump out)",
    )


class ModelConfig(StrictModel):
    package: str | None = Field(
        "compiled_models/pump_motor", description="model package folder; null for no model"
    )
    fallback: Literal["gtil", "refuse"] = "gtil"
    trusted_keys: list[str] = Field(
        default_factory=list,
        max_length=16,
        description="Ed25519 public keys whose signed packages are accepted ('ed25519:<base64>' "
        "or a PEM file path); when set, unsigned or wrongly signed packages are refused at "
        "upload, activation and start. Empty: any package an admin installs runs (a package "
        "is C code run by the gateway)",
    )
    explain: ExplainConfig = ExplainConfig()
    drift: DriftConfig = DriftConfig()
    shadow: ShadowConfig = ShadowConfig()


class HistoryConfig(StrictModel):
    enabled: bool = True
    retention_days: float = Field(30.0, gt=0)
    max_mb: float = Field(512.0, gt=0)
    commit_interval: float = Field(
        0.5,
        gt=0,
        description="seconds the history gathers readings between commits, or until 1,024 wait",
    )


class GatewayConfig(StrictModel):
    gateway: CoreConfig = CoreConfig()
    pipeline: PipelineConfig = PipelineConfig()
    model: ModelConfig = ModelConfig()
    history: HistoryConfig = HistoryConfig()
    assets: AssetsConfig = AssetsConfig()
    alerts: AlertsConfig = AlertsConfig()
    upstream: UpstreamConfig = UpstreamConfig()
    web: WebConfig = WebConfig()
    simulator: SimulatorConfig = SimulatorConfig()
    writes: WritesConfig = WritesConfig()
    commands: CommandsConfig = CommandsConfig()
    sources: list[SourceConfig] = Field(default_factory=list)

    @field_validator("sources")
    @classmethod
    def _unique_names(cls, sources: list[Any]) -> list[Any]:
        seen: set[str] = set()
        ports: dict[str, str] = {}
        for s in sources:
            if s.name in seen:
                raise ValueError(f"source name {s.name!r} is used twice")
            seen.add(s.name)
            serial = getattr(s, "serial", None)
            if s.kind == "modbus" and s.transport == "rtu" and serial is not None:
                # A serial port is opened exclusively: a second source on it would fail
                # forever. Put every device of one bus under one source.
                if serial.port in ports:
                    raise ValueError(
                        f"sources {ports[serial.port]!r} and {s.name!r} both use serial port "
                        f"{serial.port}; list the devices of one bus under one source"
                    )
                ports[serial.port] = s.name
        return sources

    @model_validator(mode="after")
    def _writes(self) -> GatewayConfig:
        names: set[str] = set()
        for name in writable_names(self.sources):
            if name in names:
                raise ValueError(f"two writable points or methods are named {name!r}")
            names.add(name)
        if names and not self.history.enabled:
            raise ValueError(
                "writable points need the history (every write attempt is recorded there): "
                "set history.enabled: true"
            )
        if self.commands.enabled and not self.upstream.enabled:
            raise ValueError("commands ride the upstream connection: set upstream.enabled: true")
        return self

    @property
    def data_path(self) -> Path:
        return Path(self.gateway.data_dir)


def writable_names(sources: list[Any]) -> list[str]:
    """The names of every writable point and OPC UA method, in config order."""
    out: list[str] = []
    for s in sources:
        if s.kind == "modbus":
            points = [p for d in s.devices for p in d.points]
        elif s.kind == "opcua":
            points = list(s.points)
            out += [m.name for m in s.methods]
        else:
            out += [w.name or f"{w.sensor_id}/{w.feature}" for w in s.writable]
            continue
        out += [
            p.writable.name or f"{p.sensor_id}/{p.feature}"
            for p in points
            if p.writable is not None
        ]
    return out


_SOURCE_KINDS = {"mqtt", "modbus", "opcua"}


def _format_loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    prev: int | str | None = None
    for part in loc:
        # pydantic puts the discriminator's value after a list index of a tagged union;
        # the user wrote no such key, so it is left out of the path they are shown.
        if isinstance(prev, int) and part in _SOURCE_KINDS:
            prev = part
            continue
        prev = part
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def _set_path(tree: dict[str, Any], path: list[str], value: Any, var: str) -> None:
    node: Any = tree
    for i, key in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, list):
            if not key.isdigit() or int(key) >= len(node):
                raise ConfigError(var, [(".".join(path[: i + 1]), "no such list item")])
            if last:
                node[int(key)] = value
            else:
                node = node[int(key)]
            continue
        if last:
            node[key] = value
        else:
            nxt = node.get(key)
            if nxt is None:
                if path[i + 1].isdigit():
                    raise ConfigError(var, [(".".join(path[: i + 2]), "no such list item")])
                nxt = node[key] = {}
            if not isinstance(nxt, dict | list):
                raise ConfigError(var, [(".".join(path[: i + 1]), "is not a section")])
            node = nxt


def apply_env(tree: dict[str, Any], environ: Mapping[str, str]) -> list[str]:
    """Apply ``AASTRELI_A__B=value`` overrides to the raw tree; returns the keys applied."""
    applied = []
    for var in sorted(environ):
        if not var.startswith(ENV_PREFIX) or var in _ENV_NOT_KEYS:
            continue
        path = [p.lower() for p in var[len(ENV_PREFIX) :].split("__") if p]
        if not path:
            continue
        try:
            value = yaml.safe_load(environ[var]) if environ[var] != "" else ""
        except yaml.YAMLError:
            value = environ[var]
        _set_path(tree, path, value, f"environment variable {var}")
        applied.append(".".join(path))
    return applied


def parse_config(tree: Any, source: str = "<config>") -> GatewayConfig:
    if tree is None:
        tree = {}
    if not isinstance(tree, dict):
        raise ConfigError(source, [("", "the file must hold a mapping of sections")])
    try:
        return GatewayConfig.model_validate(tree)
    except ValidationError as err:
        problems = []
        for e in err.errors(include_url=False):
            reason = "unknown key" if e["type"] == "extra_forbidden" else e["msg"]
            problems.append((_format_loc(tuple(e["loc"])), reason))
        raise ConfigError(source, problems) from None


def load_config(
    path: str | os.PathLike[str] | None, environ: Mapping[str, str] | None = None
) -> GatewayConfig:
    """Read, override from the environment, and validate. Raises ConfigError."""
    env = os.environ if environ is None else environ
    if path is None:
        path = env.get("AASTRELI_CONFIG")
    tree: Any = {}
    source = "<defaults>"
    if path is not None:
        source = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(source, [("", "file not found")]) from None
        except OSError as err:
            raise ConfigError(source, [("", f"cannot read: {err.strerror}")]) from None
        try:
            tree = yaml.safe_load(text)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            raise ConfigError(source, [(where, f"not valid YAML: {err}")]) from None
        if tree is None:
            tree = {}
    if not isinstance(tree, dict):
        raise ConfigError(source, [("", "the file must hold a mapping of sections")])
    apply_env(tree, env)
    return parse_config(tree, source)
