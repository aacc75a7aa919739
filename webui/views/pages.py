"""UI area: the server-rendered pages under ``/ui/``; their scripts call the JSON API.

Each page declares the role it needs like the API routes do (``PAGES``). A visitor
without a session is sent to the login page (or to the first-run setup while the
gateway has no account); a role too low for the page gets a 403 page. Pages carry no
inline script or style (the CSP forbids both): data for scripts travels in ``data-``
attributes and ``static/app.js`` does the rest.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from flask import (
    Blueprint,
    Flask,
    abort,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from jinja2 import Undefined, pass_context
from markupsafe import Markup
from pydantic import ValidationError
from werkzeug.wrappers import Response

from gateway.facade import PLANT_FEATURES, SEVERITIES, __version__
from webui import accounts, displaylinks, fieldmessages
from webui.api import PUBLIC
from webui.auth import page_user, web_config
from webui.clock import Clock, gateway_zone, make_clock, zone_names
from webui.context import services
from webui.labels import (
    fault_name,
    fault_names,
    feature,
    features_json,
    known_labels,
    span,
    with_unit,
)
from webui.schemas import ReadingsQuery

bp = Blueprint("pages", __name__)

# Messages a page may show from its query string: fixed texts, nothing reflected.
NOTICES = {
    "idle": "You were signed out after a period of inactivity.",
    "expired": "Your session ended; please sign in again.",
    "signed_out": "You are signed out.",
    "setup_done": "The admin account was created. Sign in with it.",
    "registered": (
        "If that email and username were free, your account was created: sign in with it."
    ),
    "password_changed": "Password changed. Your other sessions were signed out.",
    "settings_saved": "Settings saved. Times are now shown in your chosen zone and clock.",
    "display_ended": "This screen was signed out: its display link was revoked. "
    "Ask an admin for a new link.",
}


# Reasons the login page is shown after a session ended: it clears the cookies then.


@dataclass
class PageSpec:
    rule: str
    endpoint: str
    role: str


PAGES: list[PageSpec] = []
# The POST side of every page: where a form goes when JavaScript is off (no role needed:
# it reads nothing of the request and changes nothing).
FORM_POSTS: list[PageSpec] = []


def _safe_next(target: str | None) -> str:
    """Only local UI paths: never an open redirect to another site."""
    if target and target.startswith("/ui/") and "//" not in target and "\\" not in target:
        return target
    return url_for("pages.dashboard")


def page(rule: str, role: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(fn)
        def view(**kwargs: Any) -> Any:
            if role == PUBLIC:
                return fn(user=page_user(), **kwargs)
            if not services().state.users.count():
                return redirect(url_for("pages.setup_page"))
            user = page_user()
            if user is None:
                nxt = request.full_path.rstrip("?")
                return redirect(url_for("pages.login_page") + "?" + urlencode({"next": nxt}))
            if accounts.ROLE_RANK.get(user.get("role", ""), -1) < accounts.ROLE_RANK[role]:
                abort(403, f"This page needs the {role} role.")
            return fn(user=user, **kwargs)

        bp.add_url_rule(rule, endpoint=fn.__name__, view_func=view, methods=["GET"])
        PAGES.append(PageSpec(rule=rule, endpoint=f"pages.{fn.__name__}", role=role))
        posted = f"{fn.__name__}_posted"
        bp.add_url_rule(rule, endpoint=posted, view_func=_form_without_script, methods=["POST"])
        FORM_POSTS.append(PageSpec(rule=rule, endpoint=f"pages.{posted}", role=PUBLIC))
        return view

    return deco


def _form_without_script(**kwargs: Any) -> Any:
    """A page's form sent by the browser itself: JavaScript is off.

    The forms post (``method="post"``), so a password never lands in a URL, a history or a
    proxy's log; they are meant for the page's script, which sends JSON to the API. The
    body is not read: nothing is checked or saved, and the page says so.
    """
    message = (
        "This page needs JavaScript, which is off in this browser: the form was not "
        "sent anywhere and nothing was saved. Turn JavaScript on for this site and try again."
    )
    return render_template("error.html", status=400, message=message), 400


def user_clock(user: dict[str, Any] | None) -> Clock:
    """The clock of this page's user (the gateway's zone for visitors and screens)."""
    from webui.views.settings import load_settings

    settings = load_settings(user["email"]) if user else {}
    return make_clock(
        settings.get("timeZone"),
        settings.get("timeFormat", "24h"),
        gateway_zone(web_config().timezone),
    )


def fault_words() -> dict[str, str]:

    info = services().facade.model_info() or {}
    return fault_names(known_labels(), info.get("display_names"))


def render(template: str, user: dict[str, Any] | None, **ctx: Any) -> str:
    web = web_config()
    clock = user_clock(user)
    names = fault_words()
    attrs = {**clock.browser_attrs(), "fault-names": json.dumps(names, ensure_ascii=False)}
    return render_template(
        template,
        user=accounts.shown(user) if user else None,
        role_rank=accounts.ROLE_RANK.get(user.get("role", ""), 0) if user else 0,
        is_display=user is not None and user.get("role") == displaylinks.ROLE,
        notice=NOTICES.get(request.args.get("reason", "")),
        idle_minutes=web.idle_timeout_minutes,
        version=__version__,
        clock=clock,
        fault_names=names,
        body_attrs=attrs,
        open_alerts=services().facade.alerts.count("open") if user else 0,
        **ctx,
    )


# -- public pages -----------------------------------------------------------------------


@page("/", PUBLIC)
def index(user: dict[str, Any] | None) -> Response:
    if not services().state.users.count():
        return redirect(url_for("pages.setup_page"))
    return redirect(url_for("pages.dashboard" if user else "pages.login_page"))


@page("/setup", PUBLIC)
def setup_alias(user: dict[str, Any] | None) -> Response:
    # The gateway's first-start log line points here.
    return redirect(url_for("pages.setup_page"))


@page("/ui/setup", PUBLIC)
def setup_page(user: dict[str, Any] | None) -> Any:
    if services().state.users.count():
        return redirect(url_for("pages.login_page"))
    return render("setup.html", None, page="setup")


@page("/ui/login", PUBLIC)
def login_page(user: dict[str, Any] | None) -> Any:
    if not services().state.users.count():
        return redirect(url_for("pages.setup_page"))
    nxt = _safe_next(request.args.get("next"))
    if user is not None:
        # A link cannot sign anyone out: the page's script ends a session with a POST to
        # /logout (CSRF checked) before it comes here.
        return redirect(nxt)
    resp = make_response(
        render(
            "login.html",
            None,
            page="login",
            next=nxt,
            allow_registration=web_config().allow_registration,
        )
    )
    return resp


@page("/ui/register", PUBLIC)
def register_page(user: dict[str, Any] | None) -> Any:
    return render(
        "register.html", None, page="register", allow_registration=web_config().allow_registration
    )


# -- signed-in pages --------------------------------------------------------------------


@page("/ui/dashboard", displaylinks.ROLE)
def dashboard(user: dict[str, Any]) -> Any:
    from webui.views.settings import load_settings

    s = load_settings(user["email"])
    return render(
        "dashboard.html",
        user,
        page="dashboard",
        settings=s,
        features=PLANT_FEATURES,
        # The controls' features (docs/writes.md) are named in words too.
        feature_meta=features_json([*PLANT_FEATURES, *_write_features()]),
        can_ack=services().facade.services.alerts is not None,
    )


def _write_features() -> list[str]:
    writes = services().facade.services.writes
    if writes is None:
        return []
    return sorted({p.feature for p in writes.points.values() if p.feature is not None})


@page("/ui/display", PUBLIC)
def display_page(user: dict[str, Any] | None) -> Any:
    # The link's token is in the URL's fragment, which never reaches the server: the
    # page's script posts it to /display/session.
    return render("display.html", None, page="display")


@page("/ui/readings", "viewer")
def readings(user: dict[str, Any]) -> Any:
    from webui.views.dashboard import readings_page

    history = services().facade.readings
    clock = user_clock(user)
    rows: list[dict[str, Any]] = []
    total = 0
    args = {k: v for k, v in request.args.items() if v != ""}
    q, error = _readings_query(args, clock)
    if history is None:
        error = "The reading history is disabled in this gateway's config."
    else:
        found = readings_page(history, q)
        rows = [r.to_dict() for r in found.readings]
        total = found.total
    base = {k: v for k, v in args.items() if k not in ("offset", "skip")}
    pages = {
        "prev": "?" + urlencode({**base, "offset": max(0, q.offset - q.limit)})
        if q.offset > 0
        else None,
        "next": "?" + urlencode({**base, "offset": q.offset + q.limit})
        if q.offset + q.limit < total
        else None,
    }
    return render(
        "readings.html",
        user,
        page="readings",
        rows=rows,
        total=total,
        q=q,
        args=args,
        error=error,
        pages=pages,
        sensors=history.sensors() if history else [],
        labels=known_labels(),
        shown=[feature(f) for f in (*PLANT_FEATURES[:4], "pump_data.flow")],
    )


# The readings filter's fields, as the page names them.
_FILTER_FIELDS = {"sensor_id": "Asset", "label": "Prediction", "start": "From", "end": "To"}


def _readings_query(args: dict[str, str], clock: Clock) -> tuple[ReadingsQuery, str | None]:
    """The filter of the readings page: From and To are read in the user's zone."""
    values: dict[str, Any] = {**args, "limit": args.get("limit", 50)}
    for key in ("start", "end"):
        if key in args:
            try:
                values[key] = clock.parse_local(args[key])
            except ValueError:
                return ReadingsQuery(limit=50), f"{_FILTER_FIELDS[key]}: enter a date and time."
    try:
        return ReadingsQuery.model_validate(values), None
    except ValidationError as err:
        problems = []
        for e in err.errors(include_url=False, include_input=False):
            name = next((p for p in e["loc"] if isinstance(p, str)), "")
            words = fieldmessages.plain(dict(e))
            problems.append(f"{_FILTER_FIELDS[name]}: {words}" if name in _FILTER_FIELDS else words)
        return ReadingsQuery(limit=50), " ".join(problems)


@page("/ui/alerts", "viewer")
def alerts_page(user: dict[str, Any]) -> Any:
    from webui.views.dashboard import alert_out

    state = request.args.get("state") or None
    if state not in (None, "open", "acknowledged", "resolved"):
        state = None
    page = services().facade.alerts.page(status=state, limit=200)
    return render(
        "alerts.html",
        user,
        page="alerts",
        groups=alert_groups([alert_out(e) for e in page.episodes]),
        total=page.total,
        state=state,
        can_ack=services().facade.services.alerts is not None,
    )


def alert_groups(alerts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Alerts per asset with their counts by state and by severity of the active ones;
    the asset with the worst active alert first, then the most active."""
    groups: dict[str, dict[str, Any]] = {}
    for a in alerts:
        g = groups.setdefault(
            a["sensor_id"],
            {"sensor_id": a["sensor_id"], "alerts": [], "states": {}, "severities": {}},
        )
        g["alerts"].append(a)
        g["states"][a["state"]] = g["states"].get(a["state"], 0) + 1
        if a["state"] != "resolved":
            g["severities"][a["severity"]] = g["severities"].get(a["severity"], 0) + 1
    for g in groups.values():
        g["severities"] = {s: g["severities"][s] for s in SEVERITIES if s in g["severities"]}
        g["active"] = sum(g["severities"].values())
        g["worst"] = min((SEVERITIES.index(s) for s in g["severities"]), default=len(SEVERITIES))
    return sorted(groups.values(), key=lambda g: (g["worst"], -g["active"], g["sensor_id"]))


# The asset page's time ranges: name -> seconds back from now ("custom": From and To).
RANGES = {"1h": 3600.0, "24h": 86400.0, "7d": 7 * 86400.0}


def _asset_range(args: Mapping[str, str], clock: Clock) -> tuple[str, float, float, str | None]:
    """The asset page's range: (its name, start, end, a message when custom is wrong)."""
    now = time.time()
    name = args.get("range", "1h")
    if name != "custom":
        name = name if name in RANGES else "1h"
        return name, now - RANGES[name], now, None
    try:
        start = clock.parse_local(args.get("start", ""))
        end = clock.parse_local(args.get("end", "")) if args.get("end") else now
    except ValueError:
        return "1h", now - RANGES["1h"], now, "From and To: enter a date and time."
    if end <= start:
        return "1h", now - RANGES["1h"], now, "To must be after From."
    return name, start, end, None


@page("/ui/assets/<sensor_id>", "viewer")
def asset_page(user: dict[str, Any], sensor_id: str) -> Any:
    from webui.views.dashboard import alert_out, known_labels

    facade = services().facade
    clock = user_clock(user)
    name, start, end, error = _asset_range(request.args, clock)
    status = facade.assets.statuses().get(sensor_id)
    known = facade.readings is not None and sensor_id in facade.readings.sensors()
    if status is None and not known:
        abort(404, f"No asset {sensor_id} on this gateway.")
    episodes = facade.alerts.of_asset(sensor_id, start=start, end=end)
    labels = [lb for lb in services().state.feedback.episodes(sensor_id) if lb.end >= start]
    return render(
        "asset.html",
        user,
        page="asset",
        sensor_id=sensor_id,
        status=status,
        range_name=name,
        ranges=("1h", "24h", "7d", "custom"),
        start=start,
        end=end,
        start_field=clock.field_value(start),
        end_field=clock.field_value(end),
        error=error,
        episodes=[alert_out(e) for e in episodes],
        labels=labels,
        fault_labels=known_labels(),
        features=features_json([*PLANT_FEATURES, *_write_features()]),
        can_ack=facade.services.alerts is not None,
        history=facade.readings is not None,
    )


@page("/ui/settings", "viewer")
def settings_page(user: dict[str, Any]) -> Any:
    # The form is filled by the page's script from GET /settings (secrets come masked).
    return render(
        "settings.html",
        user,
        page="settings",
        zones=zone_names(),
        gateway_zone=gateway_zone(web_config().timezone),
        rules=services().config.alerts,
        alerts_running=services().facade.services.alerts is not None,
        faults=[f for f in known_labels() if f != "normal"],
        write_points=_write_points(),
    )


def _write_points() -> list[str]:
    """The points a device_write fault action may name (docs/writes.md)."""
    writes = services().facade.services.writes
    if writes is None:
        return []
    return [name for name, p in writes.points.items() if p.kind == "point"]


@page("/ui/users", "admin")
def users_page(user: dict[str, Any]) -> Any:
    state = services().state
    users = [accounts.public_user(u) for u in state.users.all()]
    services().tally.flush()  # the failures of the minute in progress too
    events = [e.to_dict() for e in state.audit.newest(limit=50)]
    links = [displaylinks.public(link) for link in state.display_links.all()]
    return render("users.html", user, page="users", users=users, events=events, links=links)


@page("/ui/model", "viewer")
def model_page(user: dict[str, Any]) -> Any:
    from webui.views.model import model_info

    return render("model.html", user, page="model", info=model_info())


@page("/ui/status", "viewer")
def status_page(user: dict[str, Any]) -> Any:
    facade = services().facade
    verdict = facade.health_status()
    return render(
        "status.html",
        user,
        page="status",
        system=facade.system(),
        device=facade.device(),
        status=verdict.status,
        problems=verdict.problems,
        degraded=verdict.degraded,
        components=facade.components(),
        # The write records (docs/writes.md): operators and admins, as GET /writes.
        writes=[r.to_dict() for r in facade.write_records.newest(limit=20)]
        if facade.write_records is not None and accounts.ROLE_RANK.get(user.get("role", ""), 0) >= 2
        else None,
    )


@page("/ui/account", "viewer")
def account_page(user: dict[str, Any]) -> Any:
    return render("account.html", user, page="account")


# -- template helpers -------------------------------------------------------------------


@pass_context
def _when(ctx: Any, ts: Any, style: str = "datetime") -> Markup | str:
    """A time in the user's zone and format, in a ``<time>`` element with its UTC value."""
    clock: Clock = ctx.get("clock") or Clock()
    text = clock.format(ts, "time" if style == "time" else "datetime")
    local = clock.local(ts) if ts not in (None, "") else None
    if local is None:
        return text
    stamp = local.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return Markup('<time datetime="{}">{}</time>').format(stamp, text)


@pass_context
def _fault(ctx: Any, cls: Any) -> str:
    return fault_name(ctx.get("fault_names") or {}, cls)


def _duration(seconds: Any) -> str:
    try:
        s = int(float(seconds))
    except (TypeError, ValueError, OverflowError):
        return "—"
    d, s = divmod(s, 86400)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    return (f"{d} d " if d else "") + f"{h:02d}:{m:02d}:{s:02d}"


def _bytes(n: Any) -> str:
    try:
        v = float(n)
    except (TypeError, ValueError):
        return "—"
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if v < 1024 or unit == "TiB":
            return f"{v:.0f} {unit}" if unit == "B" else f"{v:.1f} {unit}"
        v /= 1024
    return str(n)


def _pct(x: Any) -> str:
    if isinstance(x, Undefined):  # a record without the field (an older sink's)
        return "—"
    try:
        return f"{float(x) * 100:.1f} %"
    except (TypeError, ValueError):
        return "—"


def _num(x: Any) -> str:
    if isinstance(x, bool) or x is None:
        return "—" if x is None else str(x)
    if isinstance(x, int):
        return str(x)
    try:
        return f"{float(x):.2f}"
    except (TypeError, ValueError):
        return str(x)


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.filters.update(
        when=_when,
        fault=_fault,
        unit=with_unit,
        span=span,
        duration=_duration,
        bytes=_bytes,
        pct=_pct,
        num=_num,
    )
