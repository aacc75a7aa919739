"""What every view reaches through the app: the gateway facade and the shared web services."""

from __future__ import annotations

import concurrent.futures
import inspect
from contextlib import nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flask import current_app, g

from webui.api import ApiError
from webui.passwords import PasswordHashing
from webui.ratelimit import LoginThrottle
from webui.tally import FailureTally

if TYPE_CHECKING:
    from gateway.facade import GatewayConfig, GatewayFacade, Store


@dataclass
class WebServices:
    facade: GatewayFacade
    hashing: PasswordHashing
    throttle: LoginThrottle
    tally: FailureTally  # anonymous failures, one audit event a minute

    @property
    def store(self) -> Store:
        return self.facade.store

    @property
    def config(self) -> GatewayConfig:
        return self.facade.config


def services() -> WebServices:
    svc: WebServices = current_app.extensions["aastreli"]
    return svc


def service(name: str, what: str) -> Any:
    """A gateway service (alerts, model...), or 503 when this gateway does not run it."""
    svc = getattr(services().facade.services, name)
    if svc is None:
        raise ApiError(503, f"{what} is not running on this gateway", code="service_unavailable")
    return svc


def history() -> Any:
    """The reading history, or 503 when this gateway's config turns it off."""
    h = services().facade.history
    if h is None:
        raise ApiError(
            503,
            "the reading history is disabled in this gateway's config",
            code="service_unavailable",
        )
    return h


def run(result: Any, timeout: float = 30.0) -> Any:
    """The value of a service call, awaiting it on the gateway's loop when it is a coroutine."""
    if not inspect.isawaitable(result):
        return result
    facade = services().facade

    async def _await() -> Any:
        return await result

    # Waiting on the loop costs no CPU: the request's turn goes to the next one meanwhile
    # (a test delivery may take seconds, a model build minutes).
    gate = current_app.extensions.get("aastreli_gate")
    waiting = gate.stepped_out() if gate is not None and "gate_cpu" in g else nullcontext()
    try:
        with waiting:
            return facade.call(_await(), timeout=timeout)
    except (TimeoutError, concurrent.futures.TimeoutError):
        raise ApiError(504, "the gateway did not answer in time", code="timeout") from None
