"""The writable points and methods of a config, and the checks of a value against them.

``collect`` finds every point with ``writable:`` (Modbus, OPC UA), every MQTT
``writable`` entry and every OPC UA method; nothing else can be written. ``check_value``
applies a point's limits (type, min/max, step, allowed values, 0/1 for bits, a method's
argument types) and, for Modbus, the register encoding, so a value the device cannot
hold is refused before anything is sent. ``guard_problems`` says why the plant's state
forbids a write now (asset not live, an interlock), ``RateLimits`` how long a point must
rest. All pure: the service (gateway.writes.service) feeds them the live values.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from gateway.config.sources import (
    ModbusSourceConfig,
    MqttSourceConfig,
    OpcuaArgumentConfig,
    OpcuaSourceConfig,
)
from gateway.config.writes import GuardConfig, WritableConfig

# The roles of the web UI's accounts, least first (webui.accounts has the same ranks).
ROLE_RANK = {"display": 0, "viewer": 1, "operator": 2, "admin": 3}

_INT_ARGS = {
    "SByte": (-(2**7), 2**7 - 1),
    "Byte": (0, 2**8 - 1),
    "Int16": (-(2**15), 2**15 - 1),
    "UInt16": (0, 2**16 - 1),
    "Int32": (-(2**31), 2**31 - 1),
    "UInt32": (0, 2**32 - 1),
    "Int64": (-(2**63), 2**63 - 1),
    "UInt64": (0, 2**64 - 1),
}


class ValueProblem(ValueError):
    """A value a point does not take; the message says why in plain words."""


@dataclass(frozen=True, slots=True)
class WritePoint:
    """One write target as the service sees it."""

    name: str
    kind: str  # "point" or "method"
    source: str
    protocol: str  # modbus, opcua, mqtt
    sensor_id: str
    feature: str | None  # None for a method
    guard: GuardConfig
    target: Any  # handed to the source (gateway.writes.ops.WriteOp.target)
    unit: str | None = None
    binary: bool = False  # a coil or bool register: 0 or 1 only
    arguments: tuple[OpcuaArgumentConfig, ...] = ()
    encode: Callable[[float], Any] | None = field(default=None, compare=False)

    @property
    def limits(self) -> WritableConfig | None:
        return self.guard if isinstance(self.guard, WritableConfig) else None

    def public(self) -> dict[str, Any]:
        """What a client needs to draw a control for it."""
        g, lim = self.guard, self.limits
        out: dict[str, Any] = {
            "name": self.name,
            "kind": self.kind,
            "source": self.source,
            "protocol": self.protocol,
            "sensor_id": self.sensor_id,
            "feature": self.feature,
            "unit": self.unit,
            "binary": self.binary,
            "min": lim.min if lim else None,
            "max": lim.max if lim else None,
            "step": lim.step if lim else None,
            "allowed": list(lim.allowed) if lim and lim.allowed else None,
            "verify": lim.verify.model_dump() if lim and lim.verify else None,
            "role": g.role,
            "confirm": g.confirm,
            "min_interval": g.min_interval,
            "require_live": g.require_live,
            "interlocks": [i.describe() for i in g.interlocks],
            "description": g.description,
        }
        if self.kind == "method":
            out["arguments"] = [a.model_dump() for a in self.arguments]
        return out


def collect(sources: Sequence[Any]) -> dict[str, WritePoint]:
    """Every write target of the configured sources, by name (config order)."""
    out: dict[str, WritePoint] = {}
    for s in sources:
        if isinstance(s, ModbusSourceConfig):
            points = _modbus(s)
        elif isinstance(s, OpcuaSourceConfig):
            points = _opcua(s)
        elif isinstance(s, MqttSourceConfig):
            points = _mqtt(s)
        else:
            continue
        out.update((p.name, p) for p in points)
    return out


def _name(w: WritableConfig, sensor_id: str, feature: str) -> str:
    return w.name or f"{sensor_id}/{feature}"


def _modbus(s: ModbusSourceConfig) -> list[WritePoint]:
    from gateway.sources.modbus_write import ModbusTarget, encode

    out = []
    for dev in s.devices:
        for p in dev.points:
            w = p.writable
            if w is None:
                continue
            out.append(
                WritePoint(
                    _name(w, p.sensor_id, p.feature),
                    "point",
                    s.name,
                    "modbus",
                    p.sensor_id,
                    p.feature,
                    w,
                    ModbusTarget(dev, p),
                    p.unit,
                    binary=p.table == "coil" or p.type == "bool",
                    encode=functools.partial(encode, p),
                )
            )
    return out


def _opcua(s: OpcuaSourceConfig) -> list[WritePoint]:
    out = [
        WritePoint(
            _name(p.writable, p.sensor_id, p.feature),
            "point",
            s.name,
            "opcua",
            p.sensor_id,
            p.feature,
            p.writable,
            p,
            p.unit,
        )
        for p in s.points
        if p.writable is not None
    ]
    out += [
        WritePoint(
            m.name, "method", s.name, "opcua", m.sensor_id, None, m, m, arguments=tuple(m.arguments)
        )
        for m in s.methods
    ]
    return out


def _mqtt(s: MqttSourceConfig) -> list[WritePoint]:
    return [
        WritePoint(
            _name(w, w.sensor_id, w.feature), "point", s.name, "mqtt", w.sensor_id, w.feature, w, w
        )
        for w in s.writable
    ]


# -- values ---------------------------------------------------------------------------------


def check_value(point: WritePoint, value: Any) -> float | tuple[Any, ...]:
    """The value to send, or ValueProblem saying why the point does not take it."""
    if point.kind == "method":
        return _check_arguments(point, value)
    number = _number(value)
    lim = point.limits
    if point.binary and number not in (0.0, 1.0):
        raise ValueProblem(f"{number:g} is not 0 or 1 (this point is a switch)")
    if lim is not None:
        _within(lim, number, point.unit)
    if point.encode is not None:
        try:
            point.encode(number)
        except ValueError as err:
            raise ValueProblem(f"the device cannot hold it: {err}") from None
    return number


def _number(value: Any) -> float:
    """A float, or an int kept whole (a 64-bit register takes more than a float's 53 bits)."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int):
        return value  # type: ignore[return-value]
    if not isinstance(value, float):
        raise ValueProblem(f"expected a number, got {type(value).__name__}")
    if not math.isfinite(value):
        raise ValueProblem("expected a finite number")
    return value


def _within(lim: WritableConfig, v: float, unit: str | None) -> None:
    u = f" {unit}" if unit else ""
    if lim.allowed is not None and not any(
        abs(v - a) <= 1e-9 * max(1, abs(a)) for a in lim.allowed
    ):
        shown = ", ".join(f"{a:g}" for a in lim.allowed)
        raise ValueProblem(f"{v:g}{u} is not one of the allowed values ({shown})")
    if lim.min is not None and v < lim.min:
        raise ValueProblem(f"{v:g}{u} is below the minimum {lim.min:g}{u}")
    if lim.max is not None and v > lim.max:
        raise ValueProblem(f"{v:g}{u} is above the maximum {lim.max:g}{u}")
    if lim.step is not None:
        base = lim.min if lim.min is not None else 0.0
        k = (v - base) / lim.step
        if abs(k - round(k)) > 1e-6:
            raise ValueProblem(f"{v:g}{u} is not on a step of {lim.step:g}{u} from {base:g}{u}")


def _check_arguments(point: WritePoint, value: Any) -> tuple[Any, ...]:
    args = point.arguments
    if value is None:
        value = []
    if isinstance(value, dict):
        unknown = set(value) - {a.name for a in args}
        if unknown:
            raise ValueProblem(f"unknown argument(s): {', '.join(sorted(unknown))}")
        missing = [a.name for a in args if a.name not in value]
        if missing:
            raise ValueProblem(f"missing argument(s): {', '.join(missing)}")
        value = [value[a.name] for a in args]
    if not isinstance(value, list | tuple):
        raise ValueProblem("a method takes a list (or an object) of its arguments")
    if len(value) != len(args):
        raise ValueProblem(f"the method takes {len(args)} argument(s), got {len(value)}")
    return tuple(_argument(a, v) for a, v in zip(args, value, strict=True))


def _argument(a: OpcuaArgumentConfig, v: Any) -> Any:
    try:
        if a.type == "String":
            if not isinstance(v, str):
                raise ValueProblem("expected text")
            if len(v) > a.max_length:
                raise ValueProblem(f"longer than {a.max_length} characters")
            return v
        number = _number(v)
        if a.type == "Boolean":
            if number not in (0.0, 1.0):
                raise ValueProblem("expected true or false")
            return number
        if a.type in _INT_ARGS:
            low, high = _INT_ARGS[a.type]
            if number != math.floor(number) or not low <= number <= high:
                raise ValueProblem(f"{number:g} is no {a.type} ({low}..{high})")
        if a.min is not None and number < a.min:
            raise ValueProblem(f"{number:g} is below the minimum {a.min:g}")
        if a.max is not None and number > a.max:
            raise ValueProblem(f"{number:g} is above the maximum {a.max:g}")
        return number
    except ValueProblem as err:
        raise ValueProblem(f"argument {a.name}: {err}") from None


# -- the plant's state ------------------------------------------------------------------------

StateOf = Callable[[str], str | None]  # an asset's state (gateway.assets), None: unknown
ValueOf = Callable[[str, str], float | None]  # an asset's current value of a feature


def guard_problems(
    point: WritePoint, state_of: StateOf, value_of: ValueOf
) -> list[tuple[str, str]]:
    """(code, why) for each reason the plant's state forbids writing ``point`` now."""
    out: list[tuple[str, str]] = []
    g = point.guard
    if g.require_live:
        state = state_of(point.sensor_id)
        if state != "live":
            out.append(("not_live", f"{point.sensor_id} is {state or 'unknown'}, not live"))
    for lock in g.interlocks:
        state = state_of(lock.sensor_id)
        value = value_of(lock.sensor_id, lock.feature) if state == "live" else None
        if state != "live":
            why = f"{lock.sensor_id} is {state or 'unknown'}, so its value is not current"
        elif value is None:
            why = "no value"
        elif not _holds(lock.equals, lock.min, lock.max, value):
            why = f"it is {value:g}"
        else:
            continue
        out.append(("interlock", f"interlock {lock.describe()}: {why}"))
    return out


def _holds(equals: float | None, low: float | None, high: float | None, v: float) -> bool:
    if equals is not None:
        return abs(v - equals) <= 1e-9 * max(1.0, abs(equals))
    return (low is None or v >= low) and (high is None or v <= high)


class RateLimits:
    """The last write of each point (monotonic); a point rests ``min_interval`` after one."""

    def __init__(self) -> None:
        self._last: dict[str, float] = {}

    def wait(self, point: WritePoint, now: float) -> float:
        last = self._last.get(point.name)
        if last is None:
            return 0.0
        return max(0.0, last + point.guard.min_interval - now)

    def mark(self, name: str, now: float) -> None:
        self._last[name] = now
