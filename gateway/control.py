"""A local control socket: the ``aastreli`` CLI asks the running gateway to act.

A Unix socket ``control.sock`` in the data folder, mode 0600, so only the account that
runs the gateway (or root) can use it; nothing listens on the network. One JSON request
per connection, one JSON answer: ``{"cmd": "model.activate", "path": "..."}``,
``{"cmd": "model.rollback"}``, ``{"cmd": "model.info"}``, ``{"cmd": "status"}``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gateway.health import HealthRegistry

log = logging.getLogger("gateway.control")

SOCKET_NAME = "control.sock"
MAX_REQUEST = 64 * 1024

Handler = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]


class ControlError(Exception):
    """The running gateway could not be reached or refused the request."""


async def serve(data_dir: Path, handlers: dict[str, Handler]) -> None:
    """Serve the control socket until cancelled."""
    path = Path(data_dir) / SOCKET_NAME
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # left by a killed gateway; the data-folder lock says we are alone

    async def on_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            async with asyncio.timeout(10):
                line = await reader.readline()
            answer = await _dispatch(line, handlers)
        except TimeoutError:
            answer = {"ok": False, "error": "no request within 10 s"}
        writer.write(json.dumps(answer).encode() + b"\n")
        with contextlib.suppress(ConnectionError):
            await writer.drain()
        writer.close()

    old = os.umask(0o177)
    try:
        server = await asyncio.start_unix_server(on_client, path=str(path), limit=MAX_REQUEST)
    finally:
        os.umask(old)
    try:
        async with server:
            await server.serve_forever()
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


async def _dispatch(line: bytes, handlers: dict[str, Handler]) -> dict[str, Any]:
    try:
        request = json.loads(line)
        if not isinstance(request, dict) or not isinstance(request.get("cmd"), str):
            raise ValueError("a JSON object with a 'cmd' string")
    except ValueError as err:
        return {"ok": False, "error": f"bad request: {err}"}
    handler = handlers.get(request["cmd"])
    if handler is None:
        return {
            "ok": False,
            "error": f"unknown command {request['cmd']!r}; known: {sorted(handlers)}",
        }
    try:
        return {"ok": True, **await handler(request)}
    except Exception as err:  # a failed command is reported to the caller, the server goes on
        log.warning("control command %s failed: %s", request["cmd"], err)
        return {"ok": False, "error": str(err)}


def request(data_dir: Path, cmd: str, timeout: float = 120.0, **args: Any) -> dict[str, Any] | None:
    """Send one command to the gateway running on ``data_dir``; None when none runs."""
    path = Path(data_dir) / SOCKET_NAME
    if not path.exists():
        return None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        try:
            s.connect(str(path))
        except (ConnectionRefusedError, FileNotFoundError):
            return None  # a socket file left behind by a gateway that is gone
        s.sendall(json.dumps({"cmd": cmd, **args}).encode() + b"\n")
        data = b""
        while not data.endswith(b"\n"):
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    try:
        answer: dict[str, Any] = json.loads(data)
    except ValueError as err:
        raise ControlError(f"the gateway answered something unreadable: {data[:200]!r}") from err
    return answer


def gateway_handlers(
    model: Any, health: HealthRegistry, model_info: Callable[[], dict[str, Any]]
) -> dict[str, Handler]:
    """The running gateway's commands: model hot swap and status (``aastreli model ...``)."""

    async def activate(req: dict[str, Any]) -> dict[str, Any]:
        return {"model": (await model.activate(Path(req["path"]))).info()}

    async def rollback(req: dict[str, Any]) -> dict[str, Any]:
        return {"model": (await model.rollback()).info()}

    async def info(req: dict[str, Any]) -> dict[str, Any]:
        return {"model": model_info()}

    async def status(req: dict[str, Any]) -> dict[str, Any]:
        return {"components": health.snapshot(), "pid": os.getpid()}

    return {
        "model.activate": activate,
        "model.rollback": rollback,
        "model.info": info,
        "status": status,
    }
