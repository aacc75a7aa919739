"""Adding a sink kind: one module, one config model, one registry line, run by a Gateway.

A real new sink touches these files (docs/architecture.md, "How to add a sink"):

1. ``gateway/sinks/<kind>.py``: the ``QueuedSink`` subclass and ``build_sink(ctx)``;
2. ``gateway/config/<kind>.py``: its config model (StrictModel, ``enabled``);
3. ``gateway/config/__init__.py``: one field on ``GatewayConfig``;
4. ``gateway/sinks/registry.py``: one line in ``_KINDS``;
5. ``config/schema.json``: regenerated (``aastreli config schema``);
6. ``config/examples/<kind>.yaml``: the documented example (a test loads it);
7. ``tests/test_sink_<kind>.py``: its tests.

Here the dummy's module and config model are this file, and its registry line and
config field are added for the test only; nothing else in the gateway changes.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import ClassVar

import pytest

from gateway.config import GatewayConfig, parse_config
from gateway.config.base import StrictModel
from gateway.records import Reading, Scored
from gateway.runtime import Gateway
from gateway.sinks import registry
from gateway.sinks.base import QueuedSink
from gateway.sinks.registry import SinkContext
from tests.support.wait import until

# -- the sink's module ------------------------------------------------------------------


class DummyConfig(StrictModel):
    enabled: bool = False
    label: str = "dummy"


class DummySink(QueuedSink[Scored]):
    name = "dummy"
    seen: ClassVar[list[Scored]] = []

    async def handle(self, batch: list[Scored]) -> None:
        self.seen.extend(batch)


def build_sink(ctx: SinkContext) -> DummySink:
    cfg = ctx.config.dummy  # type: ignore[attr-defined]
    return DummySink(
        ctx.health.register(cfg.label, "sink", "memory"),
        max_queue=ctx.config.pipeline.sink_queue_size,
    )


# -- its config field -------------------------------------------------------------------


class ConfigWithDummy(GatewayConfig):
    dummy: DummyConfig = DummyConfig()


def test_the_registry_builds_only_what_is_configured(tmp_path: Path) -> None:
    cfg = parse_config({"gateway": {"data_dir": str(tmp_path)}})
    on = [kind for kind, (configured, _) in registry._KINDS.items() if configured(cfg)]
    assert on == ["history", "alerts"]  # the defaults; upstream is off
    sparkplug = {"group_id": "g", "edge_node_id": "n"}
    upstream = {"enabled": True, "format": "sparkplug_b", "sparkplug": sparkplug}
    cfg = parse_config({"gateway": {"data_dir": str(tmp_path)}, "upstream": upstream})
    on = [kind for kind, (configured, _) in registry._KINDS.items() if configured(cfg)]
    assert on == ["history", "alerts", "sparkplug_b"]


@pytest.mark.slow
async def test_a_new_sink_kind_runs_in_a_gateway(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # -- its registry line
    monkeypatch.setitem(
        registry._KINDS,
        "dummy",
        (lambda c: c.dummy.enabled, f"{__name__}:build_sink"),  # type: ignore[attr-defined]
    )
    DummySink.seen = []
    cfg = ConfigWithDummy.model_validate(
        {
            "gateway": {"data_dir": str(tmp_path)},
            "model": {"package": None},
            "web": {"enabled": False},
            "alerts": {"enabled": False},
            "dummy": {"enabled": True, "label": "memory-sink"},
        }
    )
    gw = Gateway(cfg)
    task = asyncio.create_task(gw.run(install_signals=False))
    try:
        await until(gw.ready.is_set, what="gateway ready")
        assert [s.name for s in gw.sinks] == ["history", "dummy"]
        assert gw.pipeline is not None
        gw.pipeline.submit([Reading("pump_1", 1.0, {"motor_data.DE_temp": 60.0})])
        await until(lambda: len(DummySink.seen) == 1, what="the dummy sink got the reading")
        health = gw.health.get("memory-sink")
        assert health is not None and health.state == "up" and health.sent == 1
        assert "sink:dummy" in {t.get_name() for t in asyncio.all_tasks()}
    finally:
        gw.request_stop()
        await asyncio.wait_for(task, 30)
