"""Free loopback ports, ports held for a server across its restarts, and waiting for a listener."""

from __future__ import annotations

import socket
import subprocess
import time


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def reserve_port() -> socket.socket:
    """A loopback port held by a bound socket that never listens, for a server's whole life.

    A port only known to be free is anyone's again while its server is down: during a
    test's simulated outage another process on the machine (another suite's server, any
    bind to port 0) can take it, and the restarted server then fails with "Address
    already in use" while clients reach the other process or are refused. Bound with
    SO_REUSEADDR and never listening, this socket keeps the kernel from handing the port
    to a bind to port 0 and refuses plain binds, yet lets a server that sets SO_REUSEADDR
    (mosquitto does) listen on it; connections to it are refused while the server is down.
    """
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    return s


def wait_listening(
    port: int,
    host: str = "127.0.0.1",
    timeout: float = 10.0,
    proc: subprocess.Popen[bytes] | None = None,
) -> None:
    """Wait until something accepts on ``host:port``; with ``proc``, fail as soon as it exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server for {host}:{port} exited with {proc.returncode}")
        try:
            with socket.create_connection((host, port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.02)
    raise TimeoutError(f"nothing listens on {host}:{port} after {timeout} s")
