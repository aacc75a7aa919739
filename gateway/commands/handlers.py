"""The commands the channel serves today: ``write``, ``points`` and ``ping``.

``write`` takes ``{"writes": [{"point", "value"}], "confirm": bool, "dry_run": bool}``
and goes through the write service like any other request (gateway.writes.service),
acting with ``commands.role``; the audit names the command's id and ``by``. ``points``
answers what ``GET /writable-points`` does; ``ping`` answers at once (a round-trip
check). Later commands register beside them (gateway.commands.channel).
"""

from __future__ import annotations

import time
from typing import Any

from gateway.commands.channel import Handler, Reply, Request
from gateway.writes.outcome import Actor
from gateway.writes.service import WriteService


def write_handler(service: WriteService, role: str) -> Handler:
    async def write(request: Request) -> Reply:
        args = request.args
        items = args.get("writes")
        if not isinstance(items, list) or not all(
            isinstance(w, dict) and isinstance(w.get("point"), str) for w in items
        ):
            return Reply(
                "refused", "bad_request", 'args.writes must be a list of {"point", "value"}'
            )
        origin = f"command {request.id}" + (f" by {request.by}" if request.by else "")
        outcome = await service.write(
            [(w["point"], w.get("value")) for w in items],
            Actor("cloud", role, "cloud", origin[:200]),
            confirm=args.get("confirm") is True,
            dry_run=args.get("dry_run") is True,
        )
        if outcome.ok:
            status = "done"
        else:
            status = "refused" if outcome.status == "refused" else "failed"
        return Reply(status, outcome.code, outcome.detail, outcome.public())

    return write


def points_handler(service: WriteService, role: str) -> Handler:
    async def points(request: Request) -> Reply:
        return Reply("done", None, "", {"points": service.describe(role)})

    return points


async def ping(request: Request) -> Reply:
    result: dict[str, Any] = {"pong": time.time(), "issued_at": request.issued_at}
    return Reply("done", None, "pong", result)


def register_all(channel: Any, service: WriteService, role: str) -> None:
    channel.register("write", write_handler(service, role))
    channel.register("points", points_handler(service, role))
    channel.register("ping", ping)
