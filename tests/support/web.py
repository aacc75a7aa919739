"""Shared helpers of the web tests: a gateway facade without a running gateway, accounts, logins.

Imported by the ``test_web_*`` modules and bench/bench_web.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from gateway.config import parse_config
from gateway.events import EventHub
from gateway.facade import GatewayFacade
from gateway.health import HealthRegistry
from gateway.live import LiveState
from gateway.state.datadir import load_secrets
from gateway.state.history import History
from gateway.state.store import Store
from webui import accounts
from webui.app import create_app
from webui.context import WebServices

PASSWORDS = {
    "admin": "blue kettle sings 1",
    "operator": "green ladder hums 2",
    "viewer": "red window naps 3",
}


def make_facade(data_dir: Path, config: dict[str, Any] | None = None) -> GatewayFacade:
    tree = {"gateway": {"data_dir": str(data_dir)}, **(config or {})}
    cfg = parse_config(tree)
    return GatewayFacade(
        config=cfg,
        store=Store(data_dir),
        history=History(data_dir) if cfg.history.enabled else None,
        live=LiveState(),
        health=HealthRegistry(),
        events=EventHub(),
        secrets=load_secrets(data_dir),
    )


def services(app: Flask) -> WebServices:
    svc: WebServices = app.extensions["aastreli"]
    return svc


def add_user(
    app: Flask, role: str, *, email: str | None = None, password: str | None = None
) -> dict[str, Any]:
    svc = services(app)
    user = accounts.create_user(
        svc.state,
        svc.hashing,
        email=email or f"{role}@example.com",
        username=email.split("@")[0] if email else role,
        password=password or PASSWORDS[role],
        role=role,
        full_name=f"The {role}",
    )
    return accounts.principal(user)


def bearer(client: FlaskClient, login: str, password: str) -> dict[str, str]:
    r = client.post("/login", json={"email": login, "password": password})
    body: dict[str, Any] = r.get_json()
    assert r.status_code == 200, body
    return {"Authorization": f"Bearer {body['access_token']}"}


def browser_login(client: FlaskClient, login: str, password: str) -> dict[str, Any]:
    r = client.post("/session", json={"email": login, "password": password})
    body: dict[str, Any] = r.get_json()
    assert r.status_code == 200, body
    return body


def csrf(client: FlaskClient, kind: str = "access") -> dict[str, str]:
    name = "aastreli_csrf" if kind == "access" else "aastreli_csrf_refresh"
    cookie = client.get_cookie(name) or client.get_cookie("__Host-" + name)
    assert cookie is not None, f"no {name} cookie"
    return {"X-CSRF-TOKEN": cookie.value}


class WebEnv:
    """An app over a fresh data folder with one account per role."""

    def __init__(
        self, tmp_path: Path, config: dict[str, Any] | None = None, users: bool = True
    ) -> None:
        self.data_dir = tmp_path / "data"
        self.facade = make_facade(self.data_dir, config)
        self.app = create_app(facade=self.facade)
        self.app.testing = True
        self.users = {r: add_user(self.app, r) for r in PASSWORDS} if users else {}
        self._tokens: dict[str, dict[str, str]] = {}

    @property
    def store(self) -> Store:
        return self.facade.store

    def client(self) -> FlaskClient:
        return self.app.test_client()

    def headers(self, role: str) -> dict[str, str]:
        """A bearer token of the role's account (one login per role and env: Argon2 is slow)."""
        if role not in self._tokens:
            self._tokens[role] = bearer(self.client(), f"{role}@example.com", PASSWORDS[role])
        return self._tokens[role]

    def browser(self, role: str) -> FlaskClient:
        c = self.client()
        browser_login(c, f"{role}@example.com", PASSWORDS[role])
        return c


def web_env(tmp_path: Path, config: dict[str, Any] | None = None) -> Iterator[WebEnv]:
    """The body of each module's ``web`` fixture: an env, closed after the test."""
    env = WebEnv(tmp_path, config)
    yield env
    env.facade.close()
    if env.facade.history is not None:
        env.facade.history.close()
    env.store.close()


# -- a real gateway with the plant simulator, for the browser test and bench/bench_web.py ---

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "compiled_models" / "pump_motor"


class RunningGateway:
    """The simulator (Modbus) and a real ``gateway.runtime.Gateway`` on a loop in a thread.

    The web UI is served by the gateway's own waitress, as in production. A compiled
    model is used when the repository has one; otherwise readings carry no prediction.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        assets: int = 2,
        interval: float = 0.5,
        web: dict[str, Any] | None = None,
        config: dict[str, Any] | None = None,
        simulator: dict[str, Any] | None = None,
        model: dict[str, Any] | None = None,
    ) -> None:
        import threading

        from gateway.config import GatewayConfig
        from gateway.simulator.orchestrator import gateway_sources
        from tests.support.net import free_port

        self.data_dir = data_dir
        self.web_port = free_port()
        sim = {
            "interval": interval,
            "assets": [{"name": f"pump_{i + 1}", "protocol": "modbus"} for i in range(assets)],
            "modbus": {"port": free_port()},
            **(simulator or {}),
        }
        tree: dict[str, Any] = {
            "gateway": {"data_dir": str(data_dir)},
            "web": {"host": "127.0.0.1", "port": self.web_port, **(web or {})},
            "model": {
                "package": str(MODEL) if (MODEL / "manifest.json").exists() else None,
                **(model or {}),
            },
            "simulator": sim,
            # The tests' receivers listen on loopback, which the default policy refuses.
            "alerts": {"allow_private_targets": "all"},
            **(config or {}),
        }
        cfg = parse_config(tree)
        tree["sources"] = gateway_sources(cfg.simulator)
        self.config = GatewayConfig.model_validate(tree)
        self.url = f"http://127.0.0.1:{self.web_port}"
        self.gateway: Any = None
        self._stop: Any = None
        self._loop: Any = None
        self._error: BaseException | None = None
        self.sim: Any = None
        self.plant_stopped = False
        self._thread = threading.Thread(
            target=self._thread_main, name="gateway-under-test", daemon=True
        )

    def _thread_main(self) -> None:
        import asyncio

        try:
            asyncio.run(self._main())
        except BaseException as err:  # reported by start() or stop() in the test's thread
            self._error = err

    async def _main(self) -> None:
        import asyncio

        from gateway.runtime import Gateway
        from gateway.simulator.orchestrator import Simulator, build_plant

        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        sim = self.sim = Simulator(self.config.simulator, plant=build_plant(self.config.simulator))
        await sim.start()
        try:
            self.gateway = Gateway(self.config)
            task = asyncio.create_task(self.gateway.run(install_signals=False), name="gateway")
            stop = asyncio.create_task(self._stop.wait())
            await asyncio.wait({task, stop}, return_when=asyncio.FIRST_COMPLETED)
            self.gateway.request_stop()
            await task
        finally:
            if not self.plant_stopped:
                await sim.stop()

    def stop_plant(self) -> None:
        """Stop the simulator's servers (the plant goes away; the gateway runs on)."""
        import asyncio

        self.plant_stopped = True
        asyncio.run_coroutine_threadsafe(self.sim.stop(), self._loop).result(30)

    def start(self, timeout: float = 30.0) -> RunningGateway:
        import time

        from tests.support.net import wait_listening

        self._thread.start()
        deadline = time.monotonic() + timeout
        while self.gateway is None or not self.gateway.ready.is_set():
            if self._error is not None or not self._thread.is_alive():
                raise RuntimeError(f"the gateway did not start: {self._error!r}")
            if time.monotonic() > deadline:
                raise TimeoutError("the gateway did not start in time")
            time.sleep(0.05)
        wait_listening(self.web_port, timeout=timeout)
        return self

    @property
    def setup_code(self) -> str:
        return str(self.gateway.facade.secrets["setup_code"])

    def admin(self, password: str = "granite pump hums 5") -> dict[str, str]:
        """Create the first admin (admin@plant.example) through /setup; its bearer header."""
        import requests

        r = requests.post(
            self.url + "/setup",
            json={
                "setup_code": self.setup_code,
                "email": "admin@plant.example",
                "username": "admin",
                "password": password,
            },
            timeout=30,
        )
        assert r.status_code == 201, r.text
        body = {"email": "admin@plant.example", "password": password}
        r = requests.post(self.url + "/login", json=body, timeout=30)
        return {"Authorization": f"Bearer {r.json()['access_token']}"}

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(30)
        if self._error is not None:
            raise self._error


class ServedWeb:
    """The gateway's own web server (gateway.web: waitress, its guard and body limits) over
    ``facade``, served by its supervised ``run()`` task on a loop of its own thread."""

    def __init__(self, facade: GatewayFacade) -> None:
        import asyncio
        import contextlib
        import threading

        from gateway.health import ComponentHealth
        from gateway.web import WebServer

        self.facade = facade
        self.server = WebServer()
        self.server.start(facade.config.web, facade)
        self.loop = asyncio.new_event_loop()
        self._task: asyncio.Task[None] | None = None
        started = threading.Event()

        async def serve() -> None:
            self._task = asyncio.current_task()  # type: ignore[assignment]
            started.set()
            await self.server.run(ComponentHealth("web", "stage"))

        def main() -> None:
            with contextlib.suppress(asyncio.CancelledError):  # close() cancels it
                self.loop.run_until_complete(serve())

        self.thread = threading.Thread(target=main, name="served-web", daemon=True)
        self.thread.start()
        started.wait(10)

    def close(self) -> None:
        if self._task is not None:
            self.loop.call_soon_threadsafe(self._task.cancel)
        self.thread.join(15)
        self.loop.close()
        self.server.close()
