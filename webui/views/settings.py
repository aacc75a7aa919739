"""Settings area: the seed's per-user settings with notification targets, and the test button.

One record per user in the seed's schema (gateway.read.settings, through the facade).
Secrets in targets are masked in every answer (``gateway.masking``); the masked form sent
back keeps the stored secret. Viewers may change their display
preferences but not notification targets: a target makes the gateway send requests to
an address of the user's choice, which is an operator's decision.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import Blueprint

from gateway.facade import (
    FaultAction,
    MaskedValueError,
    UserSettings,
    mask_action,
    remember_targets,
    scrub,
    secret_values,
    unmask_config,
)
from webui import accounts
from webui.accounts import ROLE_RANK
from webui.api import AUTHENTICATED, ApiError, api_route, field_error, json_response
from webui.context import run, service, services
from webui.labels import known_labels
from webui.schemas import (
    REQUIRED_FIELDS,
    SettingsIn,
    SettingsOut,
    TestNotificationIn,
    target_problem,
)

bp = Blueprint("settings", __name__)

# Not the seed's: this UI's clock (None: the gateway's zone), and the data-loss alerts
# ("asset stale", "source down"), chosen apart from faults. A seed client posts without
# them, and what it leaves out is kept.
_KEPT_IF_ABSENT = {
    "timeZone": "time_zone",
    "timeFormat": "time_format",
    "dataLossNotifications": "data_loss_notifications",
}


def load_settings(email: str) -> dict[str, Any]:
    """The user's settings in the seed's names, with defaults for what was never saved
    (secrets unmasked)."""
    return services().state.settings.of(email).to_seed()


def settings_out(settings: dict[str, Any]) -> dict[str, Any]:
    out = dict(settings)
    out["faultActions"] = [mask_action(a) for a in settings["faultActions"]]
    out["updated_at"] = accounts.iso(settings.get("updated_at"))
    return out


@api_route(
    bp,
    "/settings",
    "GET",
    role=AUTHENTICATED,
    response=SettingsOut,
    summary="Your settings (defaults when none were saved); target secrets masked",
)
def get_settings(user: dict[str, Any]) -> Any:
    return json_response(settings_out(load_settings(user["email"])))


def _unmasked_actions(body: SettingsIn, stored: UserSettings) -> tuple[FaultAction, ...]:
    by_id = {a.id: a for a in stored.fault_actions}
    actions = []
    for i, action in enumerate(body.faultActions):
        old = by_id.get(action.id)
        old_config = dict(old.config) if old is not None and old.type == action.type else None
        try:
            config = unmask_config(action.config, old_config, action.type)
        except MaskedValueError as err:
            raise field_error("body", f"faultActions.{i}.config.{err.key}", str(err)) from None
        actions.append(FaultAction(action.id, action.type, action.enabled, config))
    return tuple(actions)


@api_route(
    bp,
    "/settings",
    "POST",
    role=AUTHENTICATED,
    body=SettingsIn,
    response=SettingsOut,
    summary="Save your settings (the seed's schema); viewers cannot change targets",
)
def save_settings(user: dict[str, Any], body: SettingsIn) -> Any:
    svc = services()
    stored = svc.state.settings.of(user["email"])
    actions = _unmasked_actions(body, stored)
    remember_targets([a.to_doc() for a in actions])  # no log line will carry these secrets
    if user.get("role") == "viewer" and (
        actions != stored.fault_actions
        or body.enableNotifications != stored.enable_notifications
        or (
            "dataLossNotifications" in body.model_fields_set
            and body.dataLossNotifications != stored.data_loss_notifications
        )
    ):
        raise ApiError(
            403, "viewers cannot change notification targets; ask an operator", code="forbidden"
        )
    _check_device_writes(actions, user)
    wanted = replace(
        stored,
        auto_refresh=body.autoRefresh,
        refresh_interval=body.refreshInterval,
        anomaly_threshold=body.anomalyThreshold,
        enable_notifications=body.enableNotifications,
        fault_actions=actions,
        # A seed client posts only the seed's fields: what it leaves out is kept.
        **{
            attr: getattr(body, key)
            for key, attr in _KEPT_IF_ABSENT.items()
            if key in body.model_fields_set
        },
    )
    saved = svc.state.settings.save(wanted)
    svc.state.audit.record(
        "settings_saved",
        email=user["email"],
        targets=len(actions),
        notifications=body.enableNotifications,
    )
    return json_response(settings_out(saved.to_seed()))


def _check_device_writes(actions: tuple[FaultAction, ...], user: dict[str, Any]) -> None:
    """A device_write action names a known fault and a point this user may write."""
    writes = services().facade.services.writes
    points = writes.points if writes is not None else {}
    rank = ROLE_RANK.get(user.get("role", ""), -1)
    for i, a in enumerate(actions):
        if a.type != "device_write":
            continue
        where = f"faultActions.{i}.config"
        if a.config["fault_type"] not in known_labels():
            raise field_error("body", f"{where}.fault_type", "Choose a fault the model knows.")
        point = points.get(a.config["point"])
        if point is None:
            raise field_error("body", f"{where}.point", "No writable point has this name.")
        if rank < ROLE_RANK[point.guard.role]:
            raise field_error(
                "body", f"{where}.point", f"Writing this point needs the {point.guard.role} role."
            )


def _target(body: TestNotificationIn, email: str) -> dict[str, Any]:
    stored = {a["id"]: a for a in load_settings(email)["faultActions"]}
    saved = stored.get(body.id) if body.id else None
    if body.id and saved is None and body.config is None:
        raise field_error("body", "id", "no saved target has this id")
    kind = body.type or (saved["type"] if saved else None)
    if saved is not None and body.type is not None and body.type != saved["type"]:
        saved = None  # a changed type: nothing stored applies
    config = body.config if body.config is not None else (saved["config"] if saved else {})
    try:
        config = unmask_config(config, saved["config"] if saved else None, kind or "")
    except MaskedValueError as err:
        raise field_error("body", f"config.{err.key}", str(err)) from None
    if kind is None:
        raise field_error("body", "type", "give the target's type (no saved target has this id)")
    if kind not in REQUIRED_FIELDS:
        raise field_error("body", "type", "a device write is not a notification target")
    target = {"id": body.id or "test", "type": kind, "enabled": True, "config": config}
    remember_targets([target])  # no log line will carry these secrets
    problem = target_problem(kind, config)
    if problem:
        raise field_error("body", "config", problem)
    return target


@api_route(
    bp,
    "/test-notification",
    "POST",
    role="operator",
    body=TestNotificationIn,
    summary="Send a test message to one target (a saved one by id, or one given in full)",
    responses={503: "alert delivery is not running", 504: "no answer in time"},
)
def test_notification(user: dict[str, Any], body: TestNotificationIn) -> Any:
    target = _target(body, user["email"])
    sink = service("alerts", "alert delivery")
    result: dict[str, Any] = run(sink.test_notification(target), timeout=60.0)
    # Delivery errors may quote the URL they failed on: take the secrets out of the answer.
    out = scrub(dict(result), secret_values(target["config"], target["type"]))
    out.setdefault("success", bool(out.get("ok", False)))
    services().state.audit.record(
        "test_notification", email=user["email"], type=target["type"], success=out["success"]
    )
    return json_response(out)
