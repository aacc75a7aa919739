"""The web UI's server: the Flask app (webui.app) served by waitress in worker threads."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from gateway.errors import StartupError

if TYPE_CHECKING:
    from gateway.config.web import WebConfig
    from gateway.facade import GatewayFacade

log = logging.getLogger("gateway.runtime")


class WebServer:
    """waitress on its own thread; ``url`` is where it listens (None when disabled)."""

    def __init__(self) -> None:
        self.url: str | None = None
        self._server: Any = None
        self._app: Any = None
        self._thread: threading.Thread | None = None

    def start(self, cfg: WebConfig, facade: GatewayFacade) -> None:
        if not cfg.enabled:
            return
        from waitress import create_server

        from webui.app import create_app, guard, served, server_options
        from webui.bodylimit import install as limit_bodies

        app = create_app(facade=facade)
        try:
            server = create_server(
                served(app, cfg),
                host=cfg.host,
                port=cfg.port,
                threads=cfg.threads,
                ident="aastreli",
                **server_options(cfg),
            )
        except OSError as err:
            raise StartupError(
                f"web UI cannot listen on {cfg.host}:{cfg.port}: {err.strerror}"
            ) from err
        limit_bodies(server, app, cfg)  # 413 on Content-Length before a body is read
        guard(server, app, cfg)  # per-address limits, read deadlines, fair turns
        self._server = server
        self._app = app
        self._thread = threading.Thread(target=server.run, name="web", daemon=True)
        self._thread.start()
        host = "127.0.0.1" if cfg.host in ("0.0.0.0", "::") else cfg.host
        self.url = f"http://{host}:{server.effective_port}/"

    def alive(self) -> bool:
        """The server's thread lives (or there is none)."""
        return self._thread is None or self._thread.is_alive()

    def close(self) -> None:
        server = self._server
        if server is not None:
            # In the server's own thread: closing its sockets from here could hand select()
            # a closed descriptor. The loop ends once no socket is left.
            def stop() -> None:
                for channel in list(server.active_channels.values()):
                    channel.handle_close()
                server.close()

            server.trigger.pull_trigger(stop)
            if self._thread is not None:
                self._thread.join(5)
        if self._app is not None:
            # Counters and tallies kept in memory between their bounded writes.
            from webui.app import flush

            flush(self._app)

    def announce_setup(self, facade: GatewayFacade) -> None:
        """On a first start (no accounts), log where and with which code to create the admin."""
        if facade.store.count("users"):
            return
        where = self.url + "setup" if self.url else "the web UI's /setup page"
        log.warning(
            "first start: no accounts yet; create the admin at %s with setup code %s",
            where,
            facade.secrets["setup_code"],
            extra={"event": "setup_code"},
        )
