"""The UI's one clock: the zone and format every time is shown in and date filters are read in.

Each user chooses a zone (an IANA name; none: the gateway's) and a 24- or 12-hour format
in their settings. Every time on a page is ``2026-12-07 09:18:40 CET`` (or the time
alone where the date is today's context, such as a chart axis), written here for the
server's pages and by ``static/clock.js`` in the browser from the same three facts: the
zone's name, the 24/12-hour choice, and the zone's labels by UTC offset (computed here,
so that both sides name an offset alike: ``CET``/``CEST``, or ``UTC+05:30`` where the
tz database has no letters). The JSON API stays in UTC, ISO 8601.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

AUTO = "auto"
_LABEL_SPAN_DAYS = 800  # labels of every offset the zone used in about two years around now


def load_zone(name: str) -> ZoneInfo | None:
    """The zone of an IANA name, or None when this system's tz database lacks it."""
    if not name or len(name) > 64 or name.startswith(("/", ".")) or ".." in name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


@lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    """Every zone a user may choose, sorted (empty without a tz database)."""
    return tuple(sorted(n for n in available_timezones() if "/" in n or n == "UTC"))


def known_zone(name: str) -> bool:
    return name in zone_names()


def system_zone() -> str:
    """The operating system's zone as an IANA name: ``$TZ``, /etc/timezone, /etc/localtime."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except OSError:
        pass
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if name and load_zone(name) is not None:
            return "UTC" if name in ("Etc/UTC", "Etc/UCT", "UCT", "Zulu", "Etc/Zulu") else name
    return "UTC"


def gateway_zone(configured: str) -> str:
    """``web.timezone``: an IANA name, or ``auto`` for the operating system's zone."""
    if configured != AUTO and load_zone(configured) is not None:
        return configured
    return system_zone()


def _offset_label(seconds: int) -> str:
    sign = "+" if seconds >= 0 else "-"
    minutes = abs(seconds) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


@lru_cache(maxsize=64)
def zone_labels(name: str) -> dict[int, str]:
    """The zone's label for each UTC offset it used around now (``{3600: "CET", ...}``).

    A tz database abbreviation made of letters is kept; a numeric one (``+04``) becomes
    ``UTC+04:00``, which says what it means.
    """
    zone = load_zone(name)
    if zone is None:
        return {0: "UTC"}
    labels: dict[int, str] = {}
    now = datetime.now(UTC)
    for day in range(-_LABEL_SPAN_DAYS // 2, _LABEL_SPAN_DAYS // 2, 7):
        local = (now + timedelta(days=day)).astimezone(zone)
        offset = local.utcoffset()
        seconds = int(offset.total_seconds()) if offset is not None else 0
        abbr = local.tzname() or ""
        labels.setdefault(seconds, abbr if abbr.isalpha() else _offset_label(seconds))
    return labels


@dataclass(frozen=True)
class Clock:
    """One user's clock: the zone times are shown in and the 24- or 12-hour format."""

    zone_name: str = "UTC"
    hour12: bool = False
    labels: dict[int, str] = field(default_factory=lambda: {0: "UTC"})

    @property
    def zone(self) -> tzinfo:
        # Without a tz database (a bare chroot) even "UTC" is unknown to zoneinfo.
        return load_zone(self.zone_name) or UTC

    def label(self, local: datetime) -> str:
        offset = local.utcoffset()
        seconds = int(offset.total_seconds()) if offset is not None else 0
        return self.labels.get(seconds) or _offset_label(seconds)

    def describe(self) -> str:
        """The zone as people read it next to a time field: ``Europe/Berlin (CET)``."""
        label = self.label(datetime.now(UTC).astimezone(self.zone))
        return self.zone_name if label == self.zone_name else f"{self.zone_name} ({label})"

    def local(self, ts: Any) -> datetime | None:
        """A time given as epoch seconds or ISO 8601 (naive: UTC), in this clock's zone."""
        try:
            if isinstance(ts, str):
                dt = datetime.fromisoformat(ts.replace("Z", "+00:00"))
                dt = dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)
            else:
                dt = datetime.fromtimestamp(float(ts), UTC)
        except (TypeError, ValueError, OverflowError, OSError):
            return None
        return dt.astimezone(self.zone)

    def format(self, ts: Any, style: Literal["datetime", "time"] = "datetime") -> str:
        """``2026-12-07 09:18:40 CET`` (``time``: ``09:18:40 CET``); "—" for no time."""
        if ts is None or ts == "":
            return "—"
        local = self.local(ts)
        if local is None:
            return str(ts)
        if self.hour12:
            hour = local.hour % 12 or 12
            clock = f"{hour}:{local:%M:%S} {'AM' if local.hour < 12 else 'PM'}"
        else:
            clock = f"{local:%H:%M:%S}"
        text = f"{clock} {self.label(local)}"
        return text if style == "time" else f"{local:%Y-%m-%d} {text}"

    def parse_local(self, text: str) -> float:
        """Epoch seconds of a date filter's value: a time without a zone is read in this
        clock's zone (a ``datetime-local`` field); one with a zone or epoch seconds as is.
        ValueError when it is neither."""
        text = text.strip()
        try:
            return float(text)
        except ValueError:
            pass
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=self.zone)
        return dt.timestamp()

    def field_value(self, ts: float) -> str:
        """The value of a ``datetime-local`` field showing this time in the zone."""
        local = self.local(ts)
        return f"{local:%Y-%m-%dT%H:%M:%S}" if local is not None else ""

    def browser_attrs(self) -> dict[str, str]:
        """What ``static/clock.js`` needs, as ``data-`` attributes of the page's body."""
        return {
            "tz": self.zone_name,
            "tz-labels": json.dumps({str(k): v for k, v in sorted(self.labels.items())}),
            "time-format": "12h" if self.hour12 else "24h",
        }


def make_clock(zone: str | None, time_format: str, gateway: str) -> Clock:
    """A user's clock from their settings (zone None or unknown here: the gateway's)."""
    name = zone if zone and load_zone(zone) is not None else gateway
    if load_zone(name) is None:
        name = "UTC"
    return Clock(zone_name=name, hour12=time_format == "12h", labels=zone_labels(name))
