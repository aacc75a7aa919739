"""The Flask application factory: blueprints, JWT setup, security headers and error handling.

``create_app(facade=...)`` is called by the gateway runtime, which serves the app with
waitress in worker threads of the gateway process. Without a facade (``flask --app
webui.app run`` during development, or ``test_config={"DATA_DIR": ...}``) it opens a
standalone one on the configured data folder, holding the folder's lock like a gateway.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
from typing import Any

from flask import Flask, Response, g, render_template, request
from flask_jwt_extended import JWTManager
from werkzeug.exceptions import HTTPException, InternalServerError

from gateway.facade import (
    GatewayFacade,
    StartupError,
    StoreError,
    WebConfig,
    proxy_networks,
    standalone_facade,
)
from webui import auth
from webui.api import ApiError, json_response
from webui.context import WebServices
from webui.gate import RequestGate
from webui.passwords import PasswordHashing
from webui.ratelimit import LoginThrottle
from webui.serverguard import Limits
from webui.tally import FailureTally
from webui.views import (
    alerts,
    assets,
    dashboard,
    display,
    insight,
    model,
    pages,
    settings,
    system,
    users,
    writes,
)
from webui.views import auth as auth_views

log = logging.getLogger("webui")

# The seed's sample secrets (its docs and docker-compose defaults): anyone can read them.
REFUSED_SECRETS = frozenset(
    {
        "default-secret",
        "your-secret-key",
        "your-very-secret-key-change-this-in-production",
    }
)
MIN_SECRET_LENGTH = 32
MAX_BODY = 1024 * 1024  # JSON bodies; model uploads raise their own limit
GATE_WAIT = 30.0  # seconds a request may wait for its turn before a 503

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), usb=(), serial=()",
}
# Query parameters that must never carry a password: URLs end up in logs and histories.
SECRET_PARAMS = frozenset({"password", "new_password", "current_password", "setup_code"})


def check_secret(value: str) -> str:
    """A JWT secret given by the operator, or StartupError when anyone could know it."""
    if value.strip() in REFUSED_SECRETS:
        raise StartupError(
            "JWT_SECRET_KEY is one of the seed's published sample secrets; unset it (the "
            "gateway generates its own) or set a random value of 32+ characters"
        )
    if len(value) < MIN_SECRET_LENGTH:
        raise StartupError(
            f"JWT_SECRET_KEY is shorter than {MIN_SECRET_LENGTH} characters; unset it or "
            "use e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`"
        )
    return value


def jwt_secret(facade: GatewayFacade) -> str:
    """``JWT_SECRET_KEY`` from the environment, else the secret generated into the data folder."""
    env = os.environ.get("JWT_SECRET_KEY")
    if env is not None:
        return check_secret(env)
    secret = str(facade.secrets.get("jwt_secret", ""))
    if len(secret) < MIN_SECRET_LENGTH or secret in REFUSED_SECRETS:
        raise StartupError("the data folder's jwt_secret is missing or too short")
    return secret


def server_options(web: WebConfig) -> dict[str, Any]:
    """Options for waitress's ``create_server`` beyond host, port and threads.

    waitress's body limit is the largest any route may take; call
    ``webui.bodylimit.install`` on the server for the per-route limits, and
    :func:`guard` for the per-address limits. Proxy headers are handled by :func:`served`
    (waitress trusts one address or all, ``web.trusted_proxy`` may name networks).
    """
    from webui.bodylimit import server_ceiling

    # Per-route limits are applied as each request's head is parsed (webui.bodylimit);
    # this is only the backstop.
    return {"max_request_body_size": server_ceiling(web), "clear_untrusted_proxy_headers": False}


def limits(web: WebConfig) -> Limits:
    return Limits(
        max_connections=web.max_connections,
        per_address=web.max_connections_per_address,
        requests_per_address=web.max_requests_per_address,
        read_timeout=web.read_timeout,
        trusted=proxy_networks(web.trusted_proxy),
    )


def served(app: Flask, web: WebConfig) -> Any:
    """The WSGI application waitress serves: ``app`` behind the proxy-header rule.

    From a peer that ``web.trusted_proxy`` names, its ``X-Forwarded-For`` (the client's
    address for throttling and turns) and ``X-Forwarded-Proto`` (HTTPS for Secure
    cookies) are believed; from any other peer these headers are removed before the app
    sees them.
    """
    from waitress.proxy_headers import proxy_headers_middleware

    rule = limits(web)
    believed = proxy_headers_middleware(
        app,
        trusted_proxy="*",
        trusted_proxy_count=1,
        trusted_proxy_headers={"x-forwarded-for", "x-forwarded-proto"},
        clear_untrusted=True,
    )
    cleared = proxy_headers_middleware(app, trusted_proxy=None, clear_untrusted=True)

    def wsgi(environ: dict[str, Any], start_response: Any) -> Any:
        peer = str(environ.get("REMOTE_ADDR", ""))
        return (believed if rule.is_proxy(peer) else cleared)(environ, start_response)

    return wsgi


def guard(server: Any, app: Flask, web: WebConfig) -> None:
    """Per-address connection and request limits, read deadlines and fair turns on a
    waitress server (webui.serverguard), with signed-in users' requests served first."""
    from webui.serverguard import install

    install(server, limits(web), auth.credential_check(app.config["JWT_SECRET_KEY"]))


def create_app(
    facade: GatewayFacade | None = None, test_config: dict[str, Any] | None = None
) -> Flask:
    test_config = dict(test_config or {})
    if facade is None:
        facade = standalone_facade(test_config)
    web = facade.config.web
    app = Flask(__name__)
    secret = jwt_secret(facade)
    app.config.update(
        SECRET_KEY=hmac.new(secret.encode(), b"flask", hashlib.sha256).hexdigest(),
        JWT_SECRET_KEY=secret,
        JWT_ALGORITHM="HS256",
        JWT_DECODE_ALGORITHMS=["HS256"],
        JWT_TOKEN_LOCATION=["headers", "cookies"],
        JWT_COOKIE_CSRF_PROTECT=True,
        JWT_CSRF_IN_COOKIES=True,
        JWT_DECODE_LEEWAY=5,
        MAX_CONTENT_LENGTH=MAX_BODY,
        MAX_FORM_MEMORY_SIZE=MAX_BODY,
        TEMPLATES_AUTO_RELOAD=False,
        SEND_FILE_MAX_AGE_DEFAULT=3600,
    )
    app.config.update(
        {k: v for k, v in test_config.items() if k not in ("DATA_DIR", "CONFIG_FILE")}
    )
    check_secret(app.config["JWT_SECRET_KEY"])
    JWTManager(app)
    app.extensions["aastreli"] = WebServices(
        facade=facade,
        hashing=PasswordHashing(concurrency=web.hash_concurrency),
        throttle=LoginThrottle(
            facade.state,
            free={
                "account": web.login_free_failures,
                "pair": web.login_free_failures,
                "address": web.login_free_failures_per_address,
                "setup": 10,
                "register": 3,
                "register-all": 20,
            },
            max_delay=web.login_max_delay_seconds,
        ),
        tally=FailureTally(facade.state.audit),
    )
    blueprints = (auth_views, settings, dashboard, assets, alerts, users, display, model)
    for module in (*blueprints, insight, system, writes, pages):
        app.register_blueprint(module.bp)
    pages.register_template_helpers(app)
    _install_hooks(app)
    return app


def flush(app: Flask) -> None:
    """Write what the web services keep in memory between writes (at shutdown)."""
    svc: WebServices = app.extensions["aastreli"]
    svc.tally.flush()
    svc.throttle.flush()


def _wants_html() -> bool:
    return request.blueprint == "pages" or request.path.startswith("/ui/")


def _install_hooks(app: Flask) -> None:
    web = app.extensions["aastreli"].config.web
    gate = app.extensions["aastreli_gate"] = RequestGate(web.max_concurrent_requests, web.cpu_share)
    signed_in = auth.credential_check(app.config["JWT_SECRET_KEY"])

    @app.before_request
    def _take_turn() -> Response | None:
        # Health checks skip the line: a busy UI must not look like a dead gateway.
        if request.path == "/healthz":
            return None
        head = {
            "AUTHORIZATION": request.headers.get("Authorization", ""),
            "COOKIE": request.headers.get("Cookie", ""),
        }
        started = gate.enter(GATE_WAIT, key=request.remote_addr or "", urgent=signed_in(head))
        if started is None:
            return ApiError(
                503, "the gateway is busy; try again", headers={"Retry-After": "2"}, code="busy"
            ).response()
        g.gate_cpu = started
        return None

    @app.teardown_request
    def _end_turn(exc: BaseException | None) -> None:
        started = g.pop("gate_cpu", None)
        if started is not None:
            gate.leave(started)

    @app.before_request
    def _refuse_secrets_in_url() -> Response | None:
        leaked = SECRET_PARAMS.intersection(request.args.keys())
        if leaked:
            log.warning(
                "refused a request with %s in its query string from %s",
                ", ".join(sorted(leaked)),
                request.remote_addr,
            )
            return ApiError(
                400,
                "never put a password in the URL (it ends up in logs and browser "
                "history): send it in a JSON body",
                code="secret_in_url",
            ).response()
        return None

    @app.after_request
    def _headers(resp: Response) -> Response:
        auth.renew_if_asked(resp)
        for k, v in SECURITY_HEADERS.items():
            resp.headers.setdefault(k, v)
        if not request.path.startswith("/static/"):
            resp.headers["Cache-Control"] = "no-store"
        try:
            secure = auth.secure_request()
        except RuntimeError:
            secure = False
        if secure:
            resp.headers["Strict-Transport-Security"] = "max-age=31536000"
        return resp

    @app.errorhandler(ApiError)
    def _api_error(err: ApiError) -> Any:
        if _wants_html():
            return _html_error(
                err.status, err.detail if isinstance(err.detail, str) else "invalid input"
            )
        return err.response()

    @app.errorhandler(StoreError)
    def _store_error(err: StoreError) -> Any:
        log.error("state store refused a write: %s", err)
        return ApiError(
            503, f"the gateway cannot save its state right now: {err}", code="storage"
        ).response()

    @app.errorhandler(HTTPException)
    def _http_error(err: HTTPException) -> Any:
        status = err.code or 500
        if isinstance(err, InternalServerError):
            # Reached only by a bug: the cause is logged by Flask; the client learns nothing.
            return (
                _html_error(500, "internal error")
                if _wants_html()
                else json_response({"detail": "internal error"}, 500)
            )
        if _wants_html():
            return _html_error(status, err.description or err.name)
        resp = json_response({"detail": err.description or err.name}, status)
        if status == 405 and err.get_response().headers.get("Allow"):
            resp.headers["Allow"] = err.get_response().headers["Allow"]
        return resp


def _html_error(status: int, message: str) -> Any:
    return render_template("error.html", status=status, message=message), status
