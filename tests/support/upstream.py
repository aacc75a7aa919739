"""Helpers of the upstream tests: a cloud-side collector, test certificates, the gateway process.

- ``Collector``: a subscriber with a persistent session (QoS 1); with a broker that
  persists sessions it misses nothing across a broker restart, whoever reconnects first.
- ``make_certs``: a CA, a server certificate for 127.0.0.1 and a client certificate,
  made with ``cryptography``.
- ``GatewayProcess``: runs ``tests.support.upstream_gateway`` (a real Gateway fed by a
  generator) and follows its JSON lines.
- ``streams``: per-asset sequence numbers in order of first arrival, and the duplicates.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
MOSQUITTO_SUB = shutil.which("mosquitto_sub") or "/usr/bin/mosquitto_sub"
MOSQUITTO_PUB = shutil.which("mosquitto_pub") or "/usr/bin/mosquitto_pub"

log = logging.getLogger("tests.collector")


def wait_for(cond: Callable[[], bool], timeout: float, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return
        time.sleep(0.05)
    raise TimeoutError(f"{what} not met after {timeout} s")


def keep_root() -> str:
    """mosquitto started as root drops to its own user, which cannot enter pytest's private
    temporary folders (to read an ACL file, save its database); "user root" stays."""
    return "user root\n" if os.geteuid() == 0 else ""


def persistent_broker_extra(workdir: Path) -> str:
    """mosquitto config lines that keep sessions and queued messages across a restart."""
    store = Path(workdir) / "persist"
    store.mkdir(parents=True, exist_ok=True)
    return f"{keep_root()}persistence true\npersistence_location {store}/\nautosave_interval 0\n"


class Collector:
    """The cloud side: subscribes to everything with QoS 1 and a persistent session.

    A gmqtt client (MQTT 3.1.1, clean session off) on its own loop in a thread, so it
    can tell a broker's redelivery (DUP flag set: the collector's own PUBACK was lost
    when the broker stopped) from a second copy the gateway sent.

    gmqtt does not subscribe again on a reconnect: the subscription lives in the
    broker's session. A reconnect that finds no session (the broker lost its database,
    or the port answered with another broker) subscribes again and is logged, instead
    of leaving the collector connected and deaf.
    """

    def __init__(self, port: int, *, client_id: str = "collector", topic: str = "#") -> None:
        self.port = port
        self.client_id = client_id
        self.topic = topic
        self.messages: list[tuple[str, bytes, bool]] = []  # topic, payload, DUP flag
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._error: BaseException | None = None
        self._connects = 0

    def start(self) -> Collector:
        self._thread = threading.Thread(target=self._main, name="collector", daemon=True)
        self._thread.start()
        # A marker proves the subscription is in place before anything is published.
        marker = f"ping-{time.monotonic_ns()}".encode()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self._error is not None:
                raise self._error
            subprocess.run(
                [
                    MOSQUITTO_PUB,
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(self.port),
                    "-q",
                    "1",
                    "-t",
                    "collector/ping",
                    "-m",
                    marker,
                ],
                check=False,
            )
            time.sleep(0.1)
            if any(p == marker for _, p in self.snapshot()):
                return self
        raise TimeoutError("collector did not subscribe")

    def _main(self) -> None:
        try:
            asyncio.run(self._run())
        except BaseException as err:  # reported to the test by start()
            self._error = err

    async def _run(self) -> None:
        from gmqtt import Client
        from gmqtt.mqtt.constants import MQTTv311

        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        client = Client(self.client_id, clean_session=False)
        client.set_config({"reconnect_delay": 0.2})
        client.on_message = self._on_message
        client.on_connect = self._on_connect
        await client.connect("127.0.0.1", self.port, keepalive=10, version=MQTTv311)
        client.subscribe(self.topic, qos=1)
        await self._stop.wait()
        await client.disconnect()

    def _on_connect(self, client: Any, session_present: int, rc: int, props: Any) -> None:
        self._connects += 1
        if self._connects > 1 and not session_present:
            log.warning(
                "collector reconnected to port %s without its session: subscribed again; "
                "what was published while it was away is lost to it",
                self.port,
            )
            client.subscribe(self.topic, qos=1)

    def _on_message(self, client: Any, topic: str, payload: bytes, qos: int, props: Any) -> int:
        with self._lock:
            self.messages.append((topic, bytes(payload), bool(props.get("dup"))))
        return 0

    def snapshot(self) -> list[tuple[str, bytes]]:
        with self._lock:
            return [(t, p) for t, p, _ in self.messages]

    def snapshot_dup(self) -> list[tuple[str, bytes, bool]]:
        with self._lock:
            return list(self.messages)

    def json(self, prefix: str) -> list[tuple[str, dict[str, Any]]]:
        return [(t, json.loads(p)) for t, p in self.snapshot() if t.startswith(prefix)]

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
            self._thread.join(5)


def streams(
    messages: list[tuple[str, bytes]] | list[tuple[str, bytes, bool]], prefix: str
) -> tuple[dict[str, list[int]], int, dict[str, dict[int, bytes]]]:
    """Per asset: the seqs in order of first arrival; the gateway's duplicates; payload by seq.

    A duplicate must be byte for byte the message first seen with that seq (a resend
    from the outbox), never a different message under a reused number. Copies the
    broker redelivered to the collector (DUP flag, when given) are not the gateway's
    and are not counted.
    """
    order: dict[str, list[int]] = {}
    seen: dict[str, dict[int, bytes]] = {}
    dups = 0
    for item in messages:
        topic, payload = item[0], item[1]
        broker_redelivery = len(item) > 2 and bool(item[2])  # type: ignore[misc]
        if not topic.startswith(prefix):
            continue
        msg = json.loads(payload)
        sid, seq = msg["sensor_id"], msg["seq"]
        known = seen.setdefault(sid, {})
        if seq in known:
            assert known[seq] == payload, f"{sid} seq {seq} arrived twice with different content"
            dups += 0 if broker_redelivery else 1
            continue
        known[seq] = payload
        order.setdefault(sid, []).append(seq)
    return order, dups, seen


def make_certs(folder: Path) -> dict[str, str]:
    """CA, server (127.0.0.1, localhost) and client certificates, PEM files in ``folder``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    def write_key(key: ec.EllipticCurvePrivateKey, path: Path) -> None:
        path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        os.chmod(path, 0o644)  # mosquitto reads it after dropping root

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("aastreli test CA"))
        .issuer_name(name("aastreli test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    out = {"ca_file": str(folder / "ca.pem")}
    (folder / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))

    def leaf(cn: str, server: bool) -> x509.Certificate:
        key = ec.generate_private_key(ec.SECP256R1())
        b = (
            x509.CertificateBuilder()
            .subject_name(name(cn))
            .issuer_name(ca.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        )
        if server:
            b = b.add_extension(
                x509.SubjectAlternativeName(
                    [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
                ),
                critical=False,
            )
        cert = b.sign(ca_key, hashes.SHA256())
        kind = "server" if server else "client"
        (folder / f"{kind}.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        write_key(key, folder / f"{kind}.key")
        return cert

    leaf("127.0.0.1", True)
    leaf("aastreli-gateway", False)
    out.update(
        server_cert=str(folder / "server.pem"),
        server_key=str(folder / "server.key"),
        client_cert=str(folder / "client.pem"),
        client_key=str(folder / "client.key"),
    )
    return out


def write_gateway_config(path: Path, data_dir: Path, upstream: dict[str, Any]) -> Path:
    """A gateway config with only the upstream sink: no model, history, alerts or web UI."""
    tree = {
        "gateway": {"id": "gw-test", "data_dir": str(data_dir), "log_format": "text"},
        "model": {"package": None},
        "history": {"enabled": False},
        "web": {"enabled": False},
        "upstream": {"enabled": True, **upstream},
    }
    path.write_text(yaml.safe_dump(tree))
    return path


class GatewayProcess:
    """``tests.support.upstream_gateway`` in a subprocess, with its reports."""

    def __init__(
        self, config: Path, *, rate: float, assets: int, run: int, log: Path, hold: bool = False
    ) -> None:
        self.args = [
            sys.executable,
            "-m",
            "tests.support.upstream_gateway",
            str(config),
            "--rate",
            str(rate),
            "--assets",
            str(assets),
            "--run",
            str(run),
            *(["--hold"] if hold else []),
        ]
        self.log = log
        self.committed: dict[str, int] = {}
        self.fed: int | None = None
        self.stats: dict[str, Any] | None = None
        self.ready = threading.Event()
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 30.0) -> GatewayProcess:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            self.args,
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log.open("ab"),
        )
        threading.Thread(target=self._read, daemon=True).start()
        if not self.ready.wait(timeout):
            raise TimeoutError(
                f"gateway did not start; see {self.log}:\n{self.log.read_text()[-3000:]}"
            )
        return self

    def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        for line in self.proc.stdout:
            try:
                msg = json.loads(line)
            except ValueError:
                continue
            if msg.get("ready"):
                self.ready.set()
            if "committed" in msg:
                self.committed = msg["committed"]
            if "fed" in msg:
                self.fed = msg["fed"]
            if "stats" in msg:
                self.stats = msg["stats"]

    def send(self, command: str) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(command.encode() + b"\n")
        self.proc.stdin.flush()

    def start_feed(self) -> None:
        """Start the generator of a gateway started with ``hold``."""
        self.send("start-feed")

    def stop_feed(self, timeout: float = 10.0) -> None:
        self.send("stop-feed")
        wait_for(lambda: self.fed is not None, timeout, "feeder stop")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def quit(self, timeout: float = 30.0) -> dict[str, Any] | None:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.send("quit")
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise
        time.sleep(0.1)
        return self.stats
