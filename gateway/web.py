"""The web UI's server: the Flask app (webui.app) served by waitress in worker threads.

waitress runs its accept-and-parse loop on a thread of its own. ``start()`` makes the app
and binds the port (a port that cannot be bound is a StartupError); ``run()`` is the
supervised task (``web``, health component ``web``): it starts the thread and waits for
it to end. A thread that ends while the gateway runs (a library error escaping waitress's
loop, or the loop stopped by SystemExit in a handler) makes ``run()`` raise, and the
supervisor starts a new server on the same port after its backoff, with the same app.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from typing import TYPE_CHECKING, Any

from gateway.errors import StartupError

if TYPE_CHECKING:
    from gateway.config.web import WebConfig
    from gateway.facade import GatewayFacade
    from gateway.health import ComponentHealth

log = logging.getLogger("gateway.runtime")


class WebServerStopped(Exception):
    """waitress's thread ended while the gateway runs."""


class WebServer:
    """waitress on its own thread; ``url`` is where it listens (None when disabled)."""

    def __init__(self) -> None:
        self.url: str | None = None
        self._cfg: WebConfig | None = None
        self._app: Any = None
        self._port = 0
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def enabled(self) -> bool:
        return self._app is not None

    def start(self, cfg: WebConfig, facade: GatewayFacade) -> None:
        """Make the app and bind the port (StartupError when it cannot); serve in ``run()``."""
        if not cfg.enabled:
            return
        from webui.app import create_app

        self._cfg = cfg
        self._app = create_app(facade=facade)
        self._server = self._listen(cfg.port)
        self._port = self._server.effective_port
        host = "127.0.0.1" if cfg.host in ("0.0.0.0", "::") else cfg.host
        self.url = f"http://{host}:{self._port}/"

    def _listen(self, port: int) -> Any:
        from waitress import create_server

        from webui.app import guard, served, server_options
        from webui.bodylimit import install as limit_bodies

        cfg = self._cfg
        assert cfg is not None
        try:
            server = create_server(
                served(self._app, cfg),
                host=cfg.host,
                port=port,
                threads=cfg.threads,
                ident="aastreli",
                **server_options(cfg),
            )
        except OSError as err:
            raise StartupError(
                f"web UI cannot listen on {cfg.host}:{port}: {err.strerror}"
            ) from err
        limit_bodies(server, self._app, cfg)  # 413 on Content-Length before a body is read
        guard(server, self._app, cfg)  # per-address limits, read deadlines, fair turns
        return server

    async def run(self, health: ComponentHealth) -> None:
        """Serve until cancelled; raise WebServerStopped when waitress's thread ends."""
        if self._server is None:
            # A restart: the same port, so the URL printed at start stays true.
            self._server = await asyncio.to_thread(self._listen, self._port)
        loop = asyncio.get_running_loop()
        ended: asyncio.Future[BaseException | None] = loop.create_future()
        server = self._server

        def serve() -> None:
            error: BaseException | None = None
            try:
                server.run()
            except BaseException as err:  # the thread's edge: handed to the supervised task
                # (its supervisor logs it), so the thread neither dies silently nor twice.
                error = err
            with contextlib.suppress(RuntimeError):  # the loop closed: the gateway is gone
                loop.call_soon_threadsafe(_settle, ended, error)

        thread = self._thread = threading.Thread(target=serve, name="web", daemon=True)
        thread.start()
        health.up()
        health.extra.update(url=self.url, threads=self._cfg.threads if self._cfg else None)
        try:
            error = await ended
        except asyncio.CancelledError:
            self.close()
            raise
        # The thread settles ``ended`` just before it returns: wait for its end, or
        # _stop would hand the close to a loop that no longer runs and the dead server
        # would keep the port (the restart then finds it in use).
        await asyncio.to_thread(thread.join, 5)
        self.close()
        reason = f"{type(error).__name__}: {error}" if error is not None else "its loop returned"
        raise WebServerStopped(f"the web server's thread ended ({reason})") from error

    def close(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            self._stop(server)
        if self._app is not None:
            # Counters and tallies kept in memory between their bounded writes.
            from webui.app import flush

            flush(self._app)

    def _stop(self, server: Any) -> None:
        thread = self._thread
        if thread is None or not thread.is_alive():
            server.close()
            return

        # In the server's own thread: closing its sockets from here could hand select()
        # a closed descriptor. The loop ends once no socket is left.
        def stop() -> None:
            for channel in list(server.active_channels.values()):
                channel.handle_close()
            server.close()

        server.trigger.pull_trigger(stop)
        thread.join(5)
        if not thread.is_alive():  # it ended before it ran stop(): close from here
            server.close()

    def announce_setup(self, facade: GatewayFacade) -> None:
        """On a first start (no accounts), log where and with which code to create the admin."""
        if facade.state.users.count():
            return
        where = self.url + "setup" if self.url else "the web UI's /setup page"
        log.warning(
            "first start: no accounts yet; create the admin at %s with setup code %s",
            where,
            facade.secrets["setup_code"],
            extra={"event": "setup_code"},
        )


def _settle(ended: asyncio.Future[BaseException | None], error: BaseException | None) -> None:
    if not ended.done():
        ended.set_result(error)
