"""``aastreli simulate``: serve the simulated plant over Modbus, OPC UA and MQTT.

``run_simulator(cfg, stop_event)`` is the same thing as a coroutine, for the demo to run
in the gateway's event loop.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from pydantic import ValidationError

from gateway.config import ConfigError, load_config
from gateway.config.simulator import SimulatorConfig
from gateway.simulator.base import SimulatorError
from gateway.simulator.modbus_server import MODBUS_REGISTERS
from gateway.simulator.mqtt_server import MqttPlantPublisher
from gateway.simulator.opcua_server import OPCUA_NAMESPACE
from gateway.simulator.orchestrator import Simulator, build_plant
from gateway.simulator.plant import FAULTS, FaultEvent, ScheduleError, parse_fault

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
PROTOCOLS = ("mqtt", "modbus", "opcua")


def register(subparsers: Any) -> None:
    """Add ``simulate`` to the ``aastreli`` command's subparsers."""
    p = subparsers.add_parser(
        "simulate",
        help="serve a simulated pump-motor plant over Modbus TCP, OPC UA and MQTT",
        description=(
            "Serve a simulated pump-motor plant. Each asset is served by the protocol "
            "the config gives it (default: industrial_sensor_1 MQTT, _2 Modbus, _3 OPC "
            "UA). Faults follow the demo cycle unless --fault is given."
        ),
        epilog="fault modes: " + ", ".join(FAULTS),
    )
    p.add_argument("--config", "-c", help="gateway config file; its 'simulator' section is used")
    p.add_argument("--seed", type=int, help="random seed (same seed, same plant)")
    p.add_argument("--interval", type=float, help="seconds between updates (default 1)")
    p.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="ASSET:FAULT@START+DURATION[*SEV]",
        help="schedule a fault, e.g. industrial_sensor_1:cavitation@60+120*0.8 (repeatable); "
        "turns the demo cycle off unless --cycle is given",
    )
    p.add_argument(
        "--cycle",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="walk every asset through all fault modes (90 s normal, 60 s fault)",
    )
    p.add_argument("--modbus-port", type=int)
    p.add_argument("--modbus-serial", metavar="TTY", help="also serve Modbus RTU on this tty")
    p.add_argument("--opcua-port", type=int)
    p.add_argument("--mqtt-host")
    p.add_argument("--mqtt-port", type=int)
    p.add_argument(
        "--protocols",
        default=",".join(PROTOCOLS),
        help="comma-separated subset of mqtt,modbus,opcua (default all)",
    )
    p.add_argument("--duration", type=float, help="stop after N seconds")
    p.set_defaults(func=cmd_simulate)


class UsageError(Exception):
    """A command-line value that cannot be used; the message says which and why."""


def parse_protocols(text: str) -> list[str]:
    names = [p.strip() for p in text.split(",") if p.strip()]
    bad = [p for p in names if p not in PROTOCOLS]
    if bad or not names:
        raise UsageError(
            f"--protocols: unknown {', '.join(bad) or '(empty)'}; choose from {','.join(PROTOCOLS)}"
        )
    return names


def config_from_args(args: argparse.Namespace) -> tuple[SimulatorConfig, list[FaultEvent]]:
    """The simulator config (file, environment, then flags) and the CLI's faults.

    Raises ConfigError for a bad file and UsageError for a bad flag.
    """
    base = load_config(args.config).simulator if args.config else SimulatorConfig()
    tree = base.model_dump()
    overrides: dict[tuple[str, ...], Any] = {
        ("seed",): args.seed,
        ("interval",): args.interval,
        ("modbus", "port"): args.modbus_port,
        ("modbus", "serial_port"): args.modbus_serial,
        ("opcua", "port"): args.opcua_port,
        ("mqtt", "host"): args.mqtt_host,
        ("mqtt", "port"): args.mqtt_port,
    }
    for path, value in overrides.items():
        if value is not None:
            node = tree
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
    try:
        faults = [parse_fault(spec) for spec in args.fault]
    except ScheduleError as err:
        raise UsageError(f"--fault: {err}") from None
    if args.cycle is not None:
        tree["cycle"]["enabled"] = args.cycle
    elif faults:
        tree["cycle"]["enabled"] = False
    try:
        cfg = SimulatorConfig.model_validate(tree)
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'simulator'}: {e['msg']}"
            for e in err.errors(include_url=False)
        )
        raise UsageError(problems) from None
    names = {a.name for a in cfg.assets}
    unknown = sorted({f.asset for f in faults} - names)
    if unknown:
        raise UsageError(
            f"--fault: unknown asset(s) {', '.join(unknown)}; assets: {', '.join(sorted(names))}"
        )
    return cfg, faults


async def run_simulator(
    cfg: SimulatorConfig,
    stop_event: asyncio.Event,
    *,
    faults: Iterable[FaultEvent] = (),
    protocols: Iterable[str] | None = None,
    on_started: Callable[[Simulator], None] | None = None,
) -> Simulator:
    """Serve the plant until ``stop_event`` is set; returns the (stopped) simulator.

    Raises SimulatorError if a server cannot start (nothing is left running then).
    ``on_started`` is called with the simulator once every server listens.
    """
    sim = Simulator(cfg, plant=build_plant(cfg, faults), protocols=protocols)
    await sim.start()
    try:
        if on_started is not None:
            on_started(sim)
        await stop_event.wait()
    finally:
        await sim.stop()
    return sim


def describe(sim: Simulator) -> list[str]:
    """What is served where, for the terminal."""
    cfg = sim.cfg
    lines = []
    for proto, server in sim.servers.items():
        if proto == "modbus":
            units = ", ".join(
                f"unit {server.unit_ids[a]} = {a}"  # type: ignore[attr-defined]
                for a in server.assets
            )
            lines.append(
                f"Modbus TCP  {cfg.modbus.host}:{cfg.modbus.port}  {units}; "
                f"holding registers 0-{MODBUS_REGISTERS - 1}, float32 ABCD, "
                "feature i at 2*i"
            )
        elif proto == "modbus-rtu":
            lines.append(
                f"Modbus RTU  {cfg.modbus.serial_port} @ {cfg.modbus.baudrate} "
                f"8{cfg.modbus.parity}1, same units and registers"
            )
        elif proto == "opcua":
            lines.append(
                f"OPC UA      opc.tcp://{cfg.opcua.host}:{cfg.opcua.port}/  "
                f"{', '.join(server.assets)} under Objects/Plant "
                f"(ns={OPCUA_NAMESPACE})"
            )
        elif isinstance(server, MqttPlantPublisher):
            topics = ", ".join(server.topic_for(a) for a in server.assets)
            lines.append(f"MQTT        {cfg.mqtt.host}:{cfg.mqtt.port}  {topics}")
    return lines


def _print_plan(sim: Simulator) -> None:
    cfg, plant = sim.cfg, sim.plant
    print(f"Simulated plant (seed {cfg.seed}, every {cfg.interval:g} s):")
    for line in describe(sim):
        print("  " + line)
    for e in plant.schedule:
        print(
            f"  fault {e.fault} on {e.asset} from {e.start:g} s for {e.duration:g} s "
            f"(severity {e.severity:g})"
        )
    if plant.cycle is not None:
        print(
            f"  demo cycle: {plant.cycle.normal_s:g} s normal, then {plant.cycle.fault_s:g} s "
            "of each fault in turn"
        )
    sys.stdout.flush()


async def _serve(
    cfg: SimulatorConfig, faults: list[FaultEvent], protocols: list[str], duration: float | None
) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    if duration is not None:
        loop.call_later(duration, stop.set)
    await run_simulator(cfg, stop, faults=faults, protocols=protocols, on_started=_print_plan)


def cmd_simulate(args: argparse.Namespace) -> int:
    try:
        protocols = parse_protocols(args.protocols)
        cfg, faults = config_from_args(args)
    except ConfigError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except UsageError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    if args.duration is not None and args.duration <= 0:
        print("error: --duration must be > 0", file=sys.stderr)
        return EXIT_USAGE
    from gateway.logs import setup_logging

    setup_logging("info", "auto")
    try:
        asyncio.run(_serve(cfg, faults, protocols, args.duration))
    except SimulatorError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m gateway.simulator.cli`` without the rest of the CLI."""
    parser = argparse.ArgumentParser(prog="aastreli")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["simulate", *(argv if argv is not None else sys.argv[1:])])
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
