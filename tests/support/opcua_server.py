"""A real asyncua server for the OPC UA tests and benchmark: pump points, optional security.

In the test's own loop: ``server = await PlantServer(port).start()``, then
``await server.write("Pump1.flow", 3.5)`` or ``write(..., status=BadSensorFailure)``.
As a separate process (restarts, dropped links, CPU, benchmark): ``ServerProcess(port,
tick=0.1).start()`` runs ``python -m tests.support.opcua_server`` which changes every value
each ``tick`` seconds (``Pump1.counter`` counts the ticks from ``start_count``).
``stop()``/``start()`` again on the same port is a server restart.

Nodes, in namespace ``urn:aastreli:test-plant`` (index 2): objects ``Pump1`` and ``Pump2``
with variables ``flow``, ``DE_temp``, ``current``, ``counter`` and ``label`` (a string),
NodeIds ``ns=2;s=Pump1.flow`` and so on; with ``bench_points=N`` an object ``Bench`` with
``ns=2;s=Bench.v0000`` ... (doubles).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from asyncua import Server, ua
from asyncua.common.callback import CallbackType
from asyncua.common.node import Node
from asyncua.crypto.permission_rules import User, UserRole
from asyncua.server.user_managers import UserManager
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from tests.support.net import wait_listening

NAMESPACE = "urn:aastreli:test-plant"
PUMPS = ("Pump1", "Pump2")
PUMP_VARIABLES = {"flow": 12.5, "DE_temp": 41.0, "current": 17.25, "counter": 0.0}
ROOT = Path(__file__).resolve().parents[2]


class _Users(UserManager):
    def __init__(self, users: dict[str, str]) -> None:
        self.users = users

    def get_user(
        self,
        iserver: Any,
        username: str | None = None,
        password: str | None = None,
        certificate: Any = None,
    ) -> User | None:
        if username is not None and self.users.get(username) == password:
            return User(role=UserRole.User, name=username)
        return None


class PlantServer:
    """An asyncua server with the test plant's nodes, in the caller's event loop."""

    def __init__(
        self,
        port: int,
        *,
        bench_points: int = 0,
        cert: Path | None = None,
        key: Path | None = None,
        policies: list[ua.SecurityPolicyType] | None = None,
        users: dict[str, str] | None = None,
    ) -> None:
        self.port = port
        self.bench_points = bench_points
        self.cert, self.key = cert, key
        self.policies = policies or [ua.SecurityPolicyType.NoSecurity]
        self.users = users
        self.server = Server()
        self.nodes: dict[str, Node] = {}
        self.client_certs: list[bytes] = []  # DER of every client certificate presented
        self.reads: list[list[str]] = []  # NodeIds of each Read request from a client
        self.monitored: list[ua.MonitoredItemCreateRequest] = []  # as clients asked

    async def start(self) -> PlantServer:
        s = self.server
        await s.init()
        s.set_endpoint(f"opc.tcp://127.0.0.1:{self.port}/")
        s.set_server_name("Aastreli test plant")
        await s.set_application_uri("urn:aastreli:test-plant-server")
        s.set_security_policy(self.policies)
        if self.cert is not None and self.key is not None:
            await s.load_certificate(str(self.cert))
            await s.load_private_key(str(self.key))
        if self.users is not None:
            s.iserver.user_manager = _Users(self.users)
            s.set_identity_tokens([ua.UserNameIdentityToken])
        s.set_certificate_validator(self._record_client_cert)
        s.subscribe_server_callback(CallbackType.PreRead, self._record_read)
        s.subscribe_server_callback(CallbackType.ItemSubscriptionCreated, self._record_items)
        ns = await s.register_namespace(NAMESPACE)
        objects = s.nodes.objects
        for pump in PUMPS:
            obj = await objects.add_object(f"ns={ns};s={pump}", f"{ns}:{pump}")
            for var, value in PUMP_VARIABLES.items():
                node = await obj.add_variable(
                    f"ns={ns};s={pump}.{var}", f"{ns}:{var}", value, ua.VariantType.Double
                )
                self.nodes[f"{pump}.{var}"] = node
            self.nodes[f"{pump}.label"] = await obj.add_variable(
                f"ns={ns};s={pump}.label", f"{ns}:label", "running", ua.VariantType.String
            )
        if self.bench_points:
            bench = await objects.add_object(f"ns={ns};s=Bench", f"{ns}:Bench")
            for i in range(self.bench_points):
                self.nodes[f"Bench.v{i:04d}"] = await bench.add_variable(
                    f"ns={ns};s=Bench.v{i:04d}", f"{ns}:v{i:04d}", 0.0, ua.VariantType.Double
                )
        await s.start()
        return self

    async def _record_client_cert(self, cert: x509.Certificate, _app: Any) -> None:
        self.client_certs.append(cert.public_bytes(Encoding.DER))

    def _record_read(self, event: Any, _dispatcher: Any) -> None:
        if event.is_external:
            self.reads.append([r.NodeId.to_string() for r in event.request_params.NodesToRead])

    def _record_items(self, event: Any, _dispatcher: Any) -> None:
        self.monitored.extend(event.request_params.ItemsToCreate)

    async def reset(self) -> None:
        """Every value back to its initial one, the records emptied (between tests)."""
        for name in self.nodes:
            var = name.split(".")[1]
            if var == "label":
                await self.write(name, "running")
            else:
                await self.write(name, PUMP_VARIABLES.get(var, 0.0))
        self.client_certs.clear()
        self.reads.clear()
        self.monitored.clear()

    async def write(self, name: str, value: Any, status: int | None = None) -> None:
        """Write a value (a double unless it is a str), with a status code if given."""
        variant = ua.Variant(
            value, ua.VariantType.String if isinstance(value, str) else ua.VariantType.Double
        )
        dv = ua.DataValue(variant, StatusCode=ua.StatusCode(ua.UInt32(status or 0)))
        await self.server.write_attribute_value(self.nodes[name].nodeid, dv)

    async def tick_forever(self, tick: float, start: int = 0) -> None:
        """Change every value each ``tick`` seconds: counter = n, others = base + n.

        ``n`` counts from ``start``, so a test tells a restarted server's values apart.
        """
        n = start
        names = list(self.nodes)
        bases = {name: PUMP_VARIABLES.get(name.split(".")[1], 0.0) for name in names}
        while True:
            await asyncio.sleep(tick)
            n += 1
            for name in names:
                if name.endswith(".label"):
                    continue
                value = float(n) if name.endswith(".counter") else bases[name] + n
                await self.server.write_attribute_value(
                    self.nodes[name].nodeid, ua.DataValue(ua.Variant(value, ua.VariantType.Double))
                )

    async def stop(self) -> None:
        await self.server.stop()


class ServerProcess:
    """The plant server in its own process, so a test can kill and restart it."""

    def __init__(
        self,
        port: int,
        *,
        tick: float = 0.2,
        bench_points: int = 0,
        start_count: int = 0,
        log_path: Path | None = None,
    ) -> None:
        self.port = port
        self.tick = tick
        self.start_count = start_count  # where Pump1.counter starts; set before a restart
        self.bench_points = bench_points
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> ServerProcess:
        cmd = [
            sys.executable,
            "-m",
            "tests.support.opcua_server",
            "--port",
            str(self.port),
            "--tick",
            str(self.tick),
            "--bench-points",
            str(self.bench_points),
            "--start-count",
            str(self.start_count),
        ]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        if self.log_path is None:
            self.proc = subprocess.Popen(
                cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        else:
            with open(self.log_path, "ab") as out:
                self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=out)
        try:
            wait_listening(self.port, timeout=timeout)
        except TimeoutError:
            self.stop()
            raise
        return self

    def stop(self, kill: bool = False) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None


async def _main(args: argparse.Namespace) -> None:
    server = await PlantServer(args.port, bench_points=args.bench_points).start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    ticker = asyncio.create_task(server.tick_forever(args.tick, args.start_count))
    await stop.wait()
    ticker.cancel()
    await server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--tick", type=float, default=0.2)
    parser.add_argument("--bench-points", type=int, default=0)
    parser.add_argument("--start-count", type=int, default=0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("asyncua").setLevel(logging.ERROR)
    asyncio.run(_main(args))


if __name__ == "__main__":
    main()
