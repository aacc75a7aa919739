"""Clients of a web-server flood: logins from a chosen local address, half-open requests.

All of 127/8 is this machine, so a client can bind 127.0.1.7 and be another address to
the server. Used by tests/test_web_connections.py and bench/bench_web_flood.py.
"""

from __future__ import annotations

import http.client
import json
import socket
import time


def login(port: int, source: str, email: str, password: str, timeout: float) -> tuple[int, float]:
    """One POST /login from ``source``: (status, seconds); status 0 when it timed out."""
    started = time.monotonic()
    conn = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=timeout, source_address=(source, 0)
    )
    try:
        conn.request(
            "POST",
            "/login",
            body=json.dumps({"email": email, "password": password}),
            headers={"Content-Type": "application/json"},
        )
        status = conn.getresponse().status
    except OSError:
        status = 0
    finally:
        conn.close()
    return status, time.monotonic() - started


def half_open(port: int, source: str, count: int) -> list[socket.socket]:
    """Connections from ``source`` that send the start of a request head, never the rest
    (those the server refused at once are left out)."""
    socks = []
    for _ in range(count):
        s = socket.socket()
        s.settimeout(5)
        try:
            s.bind((source, 0))
            s.connect(("127.0.0.1", port))
            s.sendall(b"POST /login HTTP/1.1\r\nHost: gateway\r\nContent-Type: applic")
        except OSError:
            s.close()
            continue
        socks.append(s)
    return socks
