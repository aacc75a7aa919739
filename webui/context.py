"""What every view reaches through the app: the gateway facade's read models and services, typed."""

from __future__ import annotations

import concurrent.futures
import inspect
from collections.abc import Awaitable
from contextlib import nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar, cast, overload

from flask import current_app, g

from webui.api import ApiError
from webui.passwords import PasswordHashing
from webui.ratelimit import LoginThrottle
from webui.tally import FailureTally

if TYPE_CHECKING:
    from gateway.facade import (
        AlertService,
        GatewayConfig,
        GatewayFacade,
        InsightView,
        ModelControl,
        Readings,
        ShadowService,
        StateViews,
        WriteControl,
    )

T = TypeVar("T")


@dataclass
class WebServices:
    facade: GatewayFacade
    hashing: PasswordHashing
    throttle: LoginThrottle
    tally: FailureTally  # anonymous failures, one audit event a minute

    @property
    def state(self) -> StateViews:
        """Users, settings, audit, feedback, sign-in state (gateway.read)."""
        return self.facade.state

    @property
    def config(self) -> GatewayConfig:
        return self.facade.config


def services() -> WebServices:
    svc: WebServices = current_app.extensions["aastreli"]
    return svc


@overload
def service(name: Literal["alerts"], what: str) -> AlertService: ...


@overload
def service(name: Literal["model"], what: str) -> ModelControl: ...


@overload
def service(name: Literal["insight"], what: str) -> InsightView: ...


@overload
def service(name: Literal["shadow"], what: str) -> ShadowService: ...


@overload
def service(name: Literal["writes"], what: str) -> WriteControl: ...


def service(
    name: Literal["alerts", "model", "insight", "shadow", "writes"], what: str
) -> AlertService | ModelControl | InsightView | ShadowService | WriteControl:
    """A gateway service (alerts, model, insight, shadow, writes), or 503 when this gateway
    does not run it."""
    svc: AlertService | ModelControl | InsightView | ShadowService | WriteControl | None
    svc = getattr(services().facade.services, name)
    if svc is None:
        raise ApiError(503, f"{what} is not running on this gateway", code="service_unavailable")
    return svc


def readings() -> Readings:
    """The reading history, or 503 when this gateway's config turns it off."""
    r = services().facade.readings
    if r is None:
        raise ApiError(
            503,
            "the reading history is disabled in this gateway's config",
            code="service_unavailable",
        )
    return r


def run(result: Awaitable[T], timeout: float = 30.0) -> T:
    """The value of a service call, awaited on the gateway's loop (a plain value, as a
    stand-in service in a test may give, is returned as it is)."""
    if not inspect.isawaitable(result):
        return cast(T, result)
    facade = services().facade
    awaited = result

    async def _await() -> T:
        return await awaited

    # Waiting on the loop costs no CPU: the request's turn goes to the next one meanwhile
    # (a test delivery may take seconds, a model build minutes).
    gate = current_app.extensions.get("aastreli_gate")
    waiting = gate.stepped_out() if gate is not None and "gate_cpu" in g else nullcontext()
    try:
        with waiting:
            return facade.call(_await(), timeout=timeout)
    except (TimeoutError, concurrent.futures.TimeoutError):
        raise ApiError(504, "the gateway did not answer in time", code="timeout") from None
