"""``aastreli demo``: the plant simulator and the gateway in one command.

Serves a simulated pump-and-motor plant over MQTT, Modbus TCP and OPC UA (see
docs/simulator.md), runs the gateway reading it over all three with the compiled fault
model, and serves the web UI. If nothing listens on the configured MQTT broker address,
an embedded broker (amqtt) is started there, so nothing else must be installed; real
deployments use mosquitto.

The plant (simulator and embedded broker) runs in a child process, so the gateway's
process is exactly what ``aastreli run`` would be and its memory and CPU can be read
on their own (the OPC UA server alone takes ~75 MB).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from gateway.config import ConfigError, GatewayConfig, load_config, parse_config
from gateway.logs import setup_logging

log = logging.getLogger("gateway.demo")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = ROOT / "config" / "gateway.yaml"


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def _port_taken(host: str, port: int) -> bool:
    """Whether another program holds this TCP port (binding it is refused)."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False


def _any_free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def _move_taken_ports(tree: dict[str, Any], cfg: GatewayConfig, web_port_given: bool) -> None:
    """Ports of the demo's own servers that another program holds move to free ones.

    The simulated Modbus and OPC UA servers move only when the sources are the ones
    generated from the ``simulator`` section (then they are generated again, so they
    follow); the web UI moves unless ``--port`` asked for its port. The MQTT port stays:
    a broker already there is the one the demo uses.
    """
    from gateway.config.simulator import SimulatorConfig
    from gateway.simulator.orchestrator import gateway_sources

    generated = parse_config({"sources": gateway_sources(cfg.simulator)}).sources
    if cfg.sources in ([], generated):
        sim = tree["simulator"]
        for proto, what in (("modbus", "simulated Modbus server"), ("opcua", "OPC UA server")):
            host, port = sim[proto]["host"], sim[proto]["port"]
            if _port_taken(host, port):
                sim[proto]["port"] = _any_free_port(host)
                log.warning(
                    "port %d is taken: the %s uses port %d instead",
                    port,
                    what,
                    sim[proto]["port"],
                )
        tree["sources"] = gateway_sources(SimulatorConfig.model_validate(sim))
    web = tree["web"]
    if web["enabled"] and not web_port_given and _port_taken(web["host"], web["port"]):
        taken, web["port"] = web["port"], _any_free_port(web["host"])
        log.warning("port %d is taken: the web UI uses port %d instead", taken, web["port"])


def demo_config(path: str | None, data_dir: str | None, port: int | None) -> GatewayConfig:
    """The demo's config: the given file (or config/gateway.yaml), with CLI overrides, and
    its own servers moved off ports that other programs hold."""
    cfg = load_config(path or (DEFAULT_CONFIG if DEFAULT_CONFIG.exists() else None))
    tree: dict[str, Any] = cfg.model_dump(mode="python")
    if data_dir is not None:
        tree["gateway"]["data_dir"] = data_dir
    if port is not None:
        tree["web"]["port"] = port
    _move_taken_ports(tree, cfg, port is not None)
    # Relative paths (data folder, model package) are from the repository, so the demo
    # works from any working directory.
    for section, key in (("gateway", "data_dir"), ("model", "package")):
        value = tree[section][key]
        if value is not None and not Path(value).is_absolute():
            tree[section][key] = str(ROOT / value)
    return GatewayConfig.model_validate(tree)


async def _start_broker(host: str, port: int) -> Any:
    from amqtt.broker import Broker

    broker = Broker(
        {
            "listeners": {"default": {"type": "tcp", "bind": f"{host}:{port}"}},
            # Anonymous access on loopback only; no $SYS topics.
            "plugins": {
                "amqtt.plugins.authentication.AnonymousAuthPlugin": {"allow_anonymous": True}
            },
        }
    )
    await broker.start()
    return broker


async def serve_plant(sim_json: str) -> None:
    """The child process: embedded broker when none listens, and the simulator, until SIGTERM."""
    from gateway.config.simulator import SimulatorConfig
    from gateway.simulator.base import SimulatorError
    from gateway.simulator.orchestrator import Simulator, build_plant

    sim_cfg = SimulatorConfig.model_validate_json(sim_json)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    broker = None
    if not _listening(sim_cfg.mqtt.host, sim_cfg.mqtt.port):
        log.info(
            "no MQTT broker on %s:%d: starting the embedded one (amqtt)",
            sim_cfg.mqtt.host,
            sim_cfg.mqtt.port,
        )
        broker = await _start_broker(sim_cfg.mqtt.host, sim_cfg.mqtt.port)
    sim = Simulator(sim_cfg, plant=build_plant(sim_cfg))
    try:
        await sim.start()
    except SimulatorError as err:
        log.error("the plant simulator cannot start: %s", err)
        if broker is not None:
            await broker.shutdown()
        raise SystemExit(1) from None
    print("plant ready", flush=True)
    try:
        await stop.wait()
    finally:
        await sim.stop()
        if broker is not None:
            await broker.shutdown()


def start_plant(cfg: GatewayConfig, timeout: float = 60.0) -> subprocess.Popen[str]:
    """Start the plant child process and wait until every server listens."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "gateway.demo", cfg.simulator.model_dump_json()],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    line = proc.stdout.readline()
    if line.strip() != "plant ready" or time.monotonic() > deadline:
        proc.kill()
        proc.wait()
        raise OSError("the plant simulator did not start (see the log above)")
    return proc


def stop_plant(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


async def run(cfg: GatewayConfig, duration: float | None = None) -> None:
    from gateway.runtime import Gateway

    sim_cfg = cfg.simulator
    plant = await asyncio.to_thread(start_plant, cfg)
    gw = Gateway(cfg)
    task = asyncio.create_task(gw.run(), name="gateway")
    try:
        # gw.ready is a threading.Event (the web threads read it too): poll it briefly.
        while not gw.ready.is_set() and not task.done():  # noqa: ASYNC110
            await asyncio.sleep(0.05)
        if gw.ready.is_set():
            _banner(gw, sim_cfg)
            watch = asyncio.create_task(_watch_predictions(gw), name="demo-watch")
            task.add_done_callback(lambda _: watch.cancel())
        if duration is not None:
            await asyncio.wait({task}, timeout=duration)
            gw.request_stop()
        await task
    finally:
        if not task.done():
            gw.request_stop()
            with contextlib.suppress(Exception):
                await task
        await asyncio.to_thread(stop_plant, plant)


async def _watch_predictions(gw: Any, every: float = 2.0) -> None:
    """Log each asset's prediction when it changes, so the console tells the story too."""
    last: dict[str, str] = {}
    while True:
        await asyncio.sleep(every)
        for sid, entry in sorted(gw.live.snapshot().items()):
            label = entry.get("prediction")
            if label is None or last.get(sid) == label:
                continue
            was = last.get(sid)
            last[sid] = label
            conf = entry.get("confidence") or 0.0
            text = (
                f"{sid}: {label} ({conf:.0%})"
                if was is None
                else (f"{sid}: {was} -> {label} ({conf:.0%})")
            )
            log.info(
                "prediction %s",
                text,
                extra={
                    "event": "prediction",
                    "sensor_id": sid,
                    "label": label,
                    "confidence": round(conf, 3),
                },
            )


def _banner(gw: Any, sim_cfg: Any) -> None:
    lines = ["", "Aastreli demo is running.", ""]
    for a in sim_cfg.assets:
        lines.append(f"  {a.name:24} simulated pump-motor set, read over {a.protocol}")
    lines.append("")
    if gw.web_url:
        lines.append(f"  Web UI:      {gw.web_url}")
        facade = gw.facade
        if facade is not None and facade.state.users.count() == 0:
            lines.append(
                f"  Setup code:  {facade.secrets['setup_code']}  (create the admin at "
                f"{gw.web_url}setup)"
            )
    lines.append(f"  Data folder: {gw.config.data_path}")
    lines.append("  Stop with Ctrl-C.")
    print("\n".join(lines) + "\n", file=sys.stderr, flush=True)


def run_demo(args: argparse.Namespace) -> int:
    from gateway.errors import StartupError
    from gateway.state.datadir import DataDirBusy

    try:
        cfg = demo_config(args.config, args.data_dir or "data/demo", args.port)
    except ConfigError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    setup_logging(cfg.gateway.log_level, cfg.gateway.log_format)
    try:
        asyncio.run(run(cfg, args.duration))
    except (StartupError, DataDirBusy, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    setup_logging("info", "auto")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve_plant(sys.argv[1]))
