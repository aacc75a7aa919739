"""Request and response models of the JSON API: every body and query string is parsed by one.

Field names and shapes follow the seed's FastAPI backend (``faultActions``, ``autoRefresh``,
``anomalyThreshold``...). Unknown fields are ignored as FastAPI did, so a client that posts
back what it got from ``GET /settings`` keeps working. Every string, number and list has
a bound: no input reaches the store, SQLite or a hash function unbounded.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from webui.clock import known_zone
from webui.fieldmessages import field_problem

Role = Literal["admin", "operator", "viewer"]
ROLES: tuple[str, ...] = ("viewer", "operator", "admin")
ActionType = Literal["email", "sms", "webhook", "slack", "apprise"]
# A faultActions entry: a notification target, or a write to a device (docs/writes.md).
FaultActionType = Literal["email", "sms", "webhook", "slack", "apprise", "device_write"]
AlertState = Literal["open", "acknowledged", "resolved"]

MAX_ID = 2**62  # SQLite integers are 64-bit; larger ids are simply not found
EMAIL_RE = re.compile(
    r"^[^@\s\x00-\x1f]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
USERNAME_RE = re.compile(r"^[A-Za-z0-9_.-]{3,32}$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()-]{4,24}$")
URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]{0,31}://\S{1,2000}$")
HTTP_URL_RE = re.compile(r"^https?://[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)
ACTION_ID_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
NAME_RE = re.compile(r"^[^\x00-\x1f\x7f]*$")


class ApiModel(BaseModel):
    """Unknown fields are ignored (FastAPI's default, which the seed's clients rely on)."""

    model_config = ConfigDict(extra="ignore", defer_build=True)


def _lower_email(v: Any) -> Any:
    return v.strip().lower() if isinstance(v, str) else v


Email = Annotated[
    str, BeforeValidator(_lower_email), Field(max_length=254, pattern=EMAIL_RE.pattern)
]
Username = Annotated[str, Field(pattern=USERNAME_RE.pattern)]
# Long enough for any passphrase; the policy (8..128) is applied where passwords are set,
# so that a login with a long wrong password is a plain failure, not a different answer.
Password = Annotated[str, Field(min_length=1, max_length=1024)]
FullName = Annotated[str, Field(max_length=100, pattern=NAME_RE.pattern)]
ShortText = Annotated[str, Field(min_length=1, max_length=128, pattern=NAME_RE.pattern)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
ConfigValue = str | bool | int | float | None


def _epoch(v: Any) -> Any:
    """Accept epoch seconds or an ISO 8601 time; hand pydantic a float."""
    if v is None or v == "":
        return None
    if isinstance(v, str):
        try:
            return float(v)
        except ValueError:
            pass
        try:
            dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError("expected epoch seconds or an ISO 8601 time") from None
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=UTC)
        return dt.timestamp()
    return v


Epoch = Annotated[float, BeforeValidator(_epoch), Field(ge=0, le=1e11, allow_inf_nan=False)]


# -- accounts ---------------------------------------------------------------------------


class RegisterIn(ApiModel):
    email: Email
    username: Username
    password: Password
    full_name: FullName | None = None


class SetupIn(RegisterIn):
    setup_code: str = Field(min_length=1, max_length=32)


class LoginIn(ApiModel):
    """The seed logged in by email; a username is accepted too."""

    email: str | None = Field(None, min_length=1, max_length=254)
    username: str | None = Field(None, min_length=1, max_length=254)
    password: Password

    @model_validator(mode="after")
    def _who(self) -> LoginIn:
        if not self.email and not self.username:
            raise ValueError("give email (or username) and password")
        return self

    @property
    def login(self) -> str:
        return (self.email or self.username or "").strip().lower()


class RefreshIn(ApiModel):
    idle_seconds: float = Field(
        0.0,
        ge=0,
        le=1e7,
        allow_inf_nan=False,
        description="seconds since the user last touched the page "
        "(the idle timeout counts from then)",
    )


class PasswordChangeIn(ApiModel):
    current_password: Password
    new_password: Password


class UserCreateIn(RegisterIn):
    role: Role = "viewer"


class UserUpdateIn(ApiModel):
    role: Role | None = None
    disabled: bool | None = None
    full_name: FullName | None = None

    @model_validator(mode="after")
    def _something(self) -> UserUpdateIn:
        if self.role is None and self.disabled is None and self.full_name is None:
            raise ValueError("give role, disabled or full_name")
        return self


class ResetPasswordIn(ApiModel):
    password: Password


class TokenOut(ApiModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int


class UserOut(ApiModel):
    id: int
    email: str
    username: str
    full_name: str | None
    disabled: bool
    role: Role
    created_at: str | None


# -- settings ---------------------------------------------------------------------------

# The fields each target type needs (the alerts engineer's delivery reads the same ones).
REQUIRED_FIELDS: dict[str, str] = {
    "email": "email",
    "sms": "phone",
    "webhook": "url",
    "slack": "channel",
    "apprise": "url",
}


class FaultAction(ApiModel):
    id: str = Field(pattern=ACTION_ID_RE.pattern)
    type: FaultActionType
    enabled: bool = True
    config: dict[Annotated[str, Field(min_length=1, max_length=64)], ConfigValue] = Field(
        default_factory=dict, max_length=20
    )

    @field_validator("config")
    @classmethod
    def _bounded_values(cls, v: dict[str, Any]) -> dict[str, Any]:
        for key, value in v.items():
            if isinstance(value, str) and len(value) > 2048:
                raise ValueError(f"Use at most 2048 characters in {key}.")
            if isinstance(value, float) and not math.isfinite(value):
                raise ValueError(f"Enter a number in {key}.")
        return v

    @model_validator(mode="after")
    def _fields_of_type(self) -> FaultAction:
        if self.type == "device_write":
            found = device_write_problem(self.config)
        else:
            found = target_field_problem(self.type, self.config)
        if found:
            raise field_problem(f"config.{found[0]}", found[1])
        return self


# A device_write action's fields: (required, check, what to do when the check fails).
_DEVICE_WRITE: dict[str, tuple[bool, Any, str]] = {
    "fault_type": (
        True,
        lambda v: isinstance(v, str) and re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", v),
        "Choose the fault that triggers the write.",
    ),
    "point": (
        True,
        lambda v: isinstance(v, str) and 0 < len(v) <= 128,
        "Choose the writable point to write.",
    ),
    "value": (
        True,
        lambda v: isinstance(v, bool | int | float),
        "Enter the value to write (a number; 0 or 1 for a switch).",
    ),
    "sensor_id": (
        False,
        lambda v: v is None or (isinstance(v, str) and 0 < len(v) <= 128),
        "Leave empty for the point's own asset, or name the asset whose alert triggers it.",
    ),
    "min_confidence": (
        False,
        lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 1,
        "Enter a confidence between 0 and 1, like 0.9.",
    ),
    "after_minutes": (
        False,
        lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 1440,
        "Enter the minutes the alert must stay open first, 0 to 1440.",
    ),
    "cooldown_minutes": (
        False,
        lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 10080,
        "Enter the minutes before it may fire again, 0 to 10080.",
    ),
    "dry_run": (
        False,
        lambda v: isinstance(v, bool),
        "Choose whether it only records what it would write (dry run).",
    ),
}


def device_write_problem(config: dict[str, Any]) -> tuple[str, str] | None:
    """The field of a device_write action that cannot be used and why, in plain words."""
    for key in config:
        if key not in _DEVICE_WRITE:
            return key, f"A device write has no field {key}."
    for key, (required, ok, words) in _DEVICE_WRITE.items():
        if key not in config:
            if required:
                return key, words
            continue
        if not ok(config[key]):
            return key, words
    return None


# What to type in each target's field, in plain words.
_TARGET_WORDS: dict[str, str] = {
    "email": "Enter the email address to notify, like ops@plant.example.",
    "sms": "Enter the phone number to text: digits, with an optional leading +.",
    "webhook": "Enter the webhook's address, starting with http:// or https://.",
    "slack": "Enter the Slack incoming-webhook address, starting with https://.",
    "apprise": "Enter an Apprise URL, like tgram://bottoken/chatid.",
}


def target_field_problem(kind: str, config: dict[str, Any]) -> tuple[str, str] | None:
    """The config field of a target that cannot be used and why, in plain words."""
    key = REQUIRED_FIELDS[kind]
    value = config.get(key)
    if not isinstance(value, str) or not value.strip():
        return key, _TARGET_WORDS[kind]
    value = value.strip()
    bad = (
        (kind == "email" and not EMAIL_RE.match(value))
        or (kind == "sms" and not PHONE_RE.match(value))
        or (kind in ("webhook", "slack") and not HTTP_URL_RE.match(value))
        or (kind == "apprise" and not URL_RE.match(value))
    )
    return (key, _TARGET_WORDS[kind]) if bad else None


def target_problem(kind: str, config: dict[str, Any]) -> str | None:
    """Why a target's config cannot be used (None when it can)."""
    found = target_field_problem(kind, config)
    return found[1] if found else None


class SettingsIn(ApiModel):
    """The seed's fields unchanged; ``timeZone`` and ``timeFormat`` beside them (this UI's)."""

    autoRefresh: bool = True
    refreshInterval: int = Field(5, ge=1, le=3600)
    anomalyThreshold: float = Field(0.7, ge=0, le=1, allow_inf_nan=False)
    enableNotifications: bool = False
    faultActions: list[FaultAction] = Field(default_factory=list, max_length=20)
    dataLossNotifications: bool = Field(
        True,
        description="also notify when an asset's data goes stale or a source is down "
        "(not in the seed; on unless set)",
    )
    timeZone: str | None = Field(
        None,
        max_length=64,
        description="IANA zone every time in the UI is shown in; null: the gateway's zone",
    )
    timeFormat: Literal["24h", "12h"] = Field("24h", description="clock of the UI's times")

    @field_validator("timeZone")
    @classmethod
    def _zone(cls, v: str | None) -> str | None:
        if v in (None, ""):
            return None
        if not known_zone(v):
            raise ValueError("Choose a time zone from the list, such as Europe/Berlin.")
        return v

    @field_validator("faultActions")
    @classmethod
    def _unique_ids(cls, v: list[FaultAction]) -> list[FaultAction]:
        ids = [a.id for a in v]
        if len(set(ids)) != len(ids):
            raise ValueError("Two targets have the same id; remove one and add it again.")
        return v


class SettingsOut(SettingsIn):
    updated_at: str | None = None


class TestNotificationIn(ApiModel):
    """A target to try: a saved one by ``id`` (its stored secrets are used), or a full one."""

    id: str | None = Field(None, pattern=ACTION_ID_RE.pattern)
    type: ActionType | None = None
    enabled: bool = True
    config: dict[Annotated[str, Field(min_length=1, max_length=64)], ConfigValue] | None = Field(
        None, max_length=20
    )

    @model_validator(mode="after")
    def _target(self) -> TestNotificationIn:
        if self.type is None and self.id is None:
            raise ValueError("give the id of a saved target, or type and config")
        if self.type is not None and self.config is None and self.id is None:
            raise ValueError("give config with the target's fields")
        return self


# -- readings, feedback, alerts ---------------------------------------------------------


class ReadingsQuery(ApiModel):
    sensor_id: ShortText | None = None
    start: Epoch | None = None
    end: Epoch | None = None
    label: ShortText | None = Field(None, validation_alias=AliasChoices("label", "prediction"))
    limit: int = Field(100, ge=1, le=1000)
    offset: int = Field(0, ge=0, le=10**9, validation_alias=AliasChoices("offset", "skip"))

    @model_validator(mode="after")
    def _order(self) -> ReadingsQuery:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError("end is before start")
        return self


class ChartQuery(ApiModel):
    sensor_id: ShortText
    since: Epoch = 0.0


class AssetStatesQuery(ApiModel):
    sensor_id: ShortText | None = None
    limit: int = Field(100, ge=1, le=1000)
    offset: int = Field(0, ge=0, le=10**9)


class FeedbackIn(ApiModel):
    reading_id: Id
    label: ShortText = Field(
        validation_alias=AliasChoices("label", "correct_label", "actual_label", "feedback")
    )
    notes: str | None = Field(None, max_length=500)


class AckIn(ApiModel):
    note: str | None = Field(None, max_length=500, description="why, or what was done")


class SeriesQuery(ApiModel):
    """A time range of an asset's chart; the last hour by default."""

    start: Epoch | None = None
    end: Epoch | None = None
    points: int = Field(1000, ge=10, le=5000, description="at most this many points")

    @model_validator(mode="after")
    def _order(self) -> SeriesQuery:
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError("end is not after start")
        return self


class EpisodeFeedbackIn(ApiModel):
    """A label on a time range of one asset, or on an alert (its opening to its end)."""

    label: ShortText
    start: Epoch | None = None
    end: Epoch | None = None
    alert_id: Id | None = None
    notes: str | None = Field(None, max_length=500)

    @model_validator(mode="after")
    def _range(self) -> EpisodeFeedbackIn:
        if self.alert_id is None and (self.start is None or self.end is None):
            raise ValueError("give a time range (start and end) or an alert")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError("end is before start")
        return self


class AlertsQuery(ApiModel):
    state: AlertState | None = Field(None, validation_alias=AliasChoices("state", "status"))
    sensor_id: ShortText | None = None
    limit: int = Field(100, ge=1, le=1000)
    offset: int = Field(0, ge=0, le=10**6)


class LogoutQuery(ApiModel):
    everywhere: bool = Field(
        False, description="also end every other session and API token of the account"
    )


class AuditQuery(ApiModel):
    event: ShortText | None = None
    limit: int = Field(200, ge=1, le=2000)


# -- display links ----------------------------------------------------------------------


class DisplayLinkIn(ApiModel):
    name: str = Field(
        min_length=1, max_length=64, pattern=NAME_RE.pattern, description="the screen's name"
    )


class DisplaySessionIn(ApiModel):
    token: str = Field(min_length=1, max_length=128)


# -- model ------------------------------------------------------------------------------


class ModelActivateIn(ApiModel):
    path: str = Field(min_length=1, max_length=512, pattern=NAME_RE.pattern)


ContribMode = Literal["saabas", "treeshap"]


class ExplainQuery(ApiModel):
    mode: ContribMode = Field(
        "treeshap", description="treeshap: exact Shapley values; saabas: the path's changes"
    )


class ExplainIn(ApiModel):
    values: dict[ShortText, float | None] = Field(
        max_length=200, description="feature name to value; missing or null: a gap"
    )
    mode: ContribMode = "treeshap"

    @field_validator("values")
    @classmethod
    def _finite(cls, v: dict[str, float | None]) -> dict[str, float | None]:
        bad = [k for k, x in v.items() if x is not None and not math.isfinite(x)]
        if bad:
            raise ValueError(f"not a finite number: {', '.join(bad[:5])}")
        return v


class ThresholdIn(ApiModel):
    sensor_id: ShortText | None = Field(None, description="null: every asset")
    fault: ShortText | None = Field(None, description="null: every fault")
    open_at: float = Field(gt=0, le=1, description="a fault counts from this confidence")
    close_at: float = Field(ge=0, le=1, description="its alert resolves below this probability")

    @model_validator(mode="after")
    def _order(self) -> ThresholdIn:
        if self.close_at > self.open_at:
            raise ValueError("close_at must not exceed open_at")
        if self.fault == "normal":
            raise ValueError("'normal' is not a fault")
        return self


class ThresholdsIn(ApiModel):
    entries: list[ThresholdIn] = Field(max_length=1000)


class ShadowStartIn(ApiModel):
    path: str = Field(min_length=1, max_length=512, pattern=NAME_RE.pattern)
    promote_after: int | None = Field(
        None, ge=1, le=10**9, description="promote by itself after this many readings"
    )
    promote_agreement: float | None = Field(None, gt=0, le=1)


# -- errors (documentation only) --------------------------------------------------------


class FieldError(ApiModel):
    loc: list[str | int]
    msg: str
    type: str


class ErrorOut(ApiModel):
    detail: str | list[FieldError]
    fields: dict[str, str] | None = None


# -- writes to devices --------------------------------------------------------------------

WriteValue = Annotated[
    bool | float | str | list[bool | float | str] | dict[str, bool | float | str] | None,
    Field(
        description="a number (true/false for a switch); for an OPC UA method, its "
        "arguments as a list or an object"
    ),
]


class WriteItemIn(ApiModel):
    point: str = Field(min_length=1, max_length=128, description="a writable point's name")
    value: WriteValue


class WriteIn(ApiModel):
    """One request: all its points are checked before any is sent (docs/writes.md)."""

    writes: list[WriteItemIn] = Field(min_length=1, max_length=256)
    confirm: bool = Field(False, description="the second confirmation some points ask for")
    dry_run: bool = Field(False, description="check and record only; nothing is sent")


class WriteResultOut(ApiModel):
    id: int | None = Field(description="the write record's id")
    point: str
    sensor_id: str | None
    source: str | None
    requested: Any
    old_value: float | None = Field(description="the live value before the write")
    readback: float | None = Field(description="the value read back after it")
    status: Literal[
        "verified", "written", "mismatch", "failed", "refused", "dry_run", "sending"
    ] = Field(description="verified: read back equal; written: sent, not read back")
    reason: str | None = Field(description="why it was refused or failed (a code)")
    detail: str
    outputs: list[Any] | None = Field(description="an OPC UA method's output arguments")
    duration_ms: float | None


class WriteOut(ApiModel):
    request_id: str
    ok: bool
    status: Literal["done", "partial", "failed", "refused", "dry_run"]
    code: str | None = Field(
        description="refused: bad_request, too_many, duplicate_point, unknown_point, "
        "forbidden, bad_value, confirmation_required, not_live, interlock, rate_limited, "
        "unavailable, audit_failed"
    )
    detail: str
    results: list[WriteResultOut]


class WritablePointOut(ApiModel):
    name: str
    kind: Literal["point", "method"]
    source: str
    protocol: str
    sensor_id: str
    feature: str | None
    unit: str | None
    binary: bool = Field(description="a switch: 0 or 1 only")
    min: float | None
    max: float | None
    step: float | None
    allowed: list[float] | None
    verify: dict[str, float] | None
    role: Literal["operator", "admin"] = Field(description="the least role that may write it")
    confirm: bool = Field(description="needs a second confirmation")
    min_interval: float
    require_live: bool
    interlocks: list[str]
    description: str | None
    arguments: list[dict[str, Any]] | None = None
    value: float | None = Field(description="the current value (live), null when unknown")
    value_at: str | None
    asset_state: str | None
    source_connected: bool
    blocked: list[str] = Field(description="why a write would be refused now (empty: it would go)")
    rest_s: float = Field(description="seconds before it may be written again")
    can_write: bool = Field(description="your role may write it")
    dry_run: bool = Field(description="the gateway is in dry-run: nothing would be sent")


class WritablePointsOut(ApiModel):
    points: list[WritablePointOut]
    dry_run: bool


class WritesQuery(ApiModel):
    point: ShortText | None = None
    sensor_id: ShortText | None = None
    actor: ShortText | None = None
    status: ShortText | None = None
    start: Epoch | None = None
    end: Epoch | None = None
    limit: int = Field(100, ge=1, le=1000)
    offset: int = Field(0, ge=0, le=10**9)


class WriteRecordOut(ApiModel):
    id: int
    time: str = Field(description="when it was asked for (ISO 8601)")
    ts: float
    request_id: str
    actor: str = Field(description="the account, 'cloud', 'sparkplug' or 'fault_action:<id>'")
    role: str | None
    via: str = Field(description="web, cloud, sparkplug or fault_action")
    origin: str | None = Field(description="address, command id or alert")
    point: str
    sensor_id: str | None
    source: str | None
    old_value: float | None
    requested: Any
    readback: float | None
    status: str
    reason: str | None
    detail: str | None
    duration_ms: float | None
    dry_run: bool


class WriteRecordsOut(ApiModel):
    records: list[WriteRecordOut]
    limit: int
    offset: int
