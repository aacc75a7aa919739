"""The pure parts of writes: Modbus encoding and planning, a point's limits, the plant's
guards, OPC UA variants, command admission and signatures, and the write config."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from asyncua import ua
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from gateway.commands.channel import CommandChannel, Refused, Reply, Request
from gateway.commands.signing import KeyProblem, Verifier, sign
from gateway.config import ConfigError, parse_config
from gateway.config.commands import CommandsConfig, SignatureConfig
from gateway.config.sources import ModbusDeviceConfig, ModbusPointConfig
from gateway.logs import REDACTOR
from gateway.sources.modbus_codec import PointDecoder, plan_reads
from gateway.sources.modbus_write import ModbusTarget, encode, plan_writes
from gateway.sources.opcua_write import to_variant
from gateway.writes.points import (
    RateLimits,
    ValueProblem,
    check_value,
    collect,
    guard_problems,
)
from tests.test_modbus_codec import ORDERS, SAMPLES, STRUCT
from tests.test_modbus_codec import encode as wire

# -- Modbus: the decoder inverted --------------------------------------------------------


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("kind", list(STRUCT))
def test_every_type_and_order_encodes_as_a_device_sends_it(kind: str, order: str) -> None:
    """What the gateway writes is what a device with that order would send for the value."""
    p = ModbusPointConfig(sensor_id="s", feature="f", address=0, type=kind, order=order)
    assert encode(p, SAMPLES[kind]) == wire(kind, SAMPLES[kind], order)


@given(
    kind=st.sampled_from(["int16", "uint16", "int32", "uint32"]),
    order=st.sampled_from(ORDERS),
    raw=st.integers(min_value=0, max_value=30000),
    scale=st.sampled_from([1.0, 0.1, 0.01, 2.5]),
    offset=st.sampled_from([0.0, -40.0, 273.15]),
)
def test_scaled_integers_round_trip_through_the_decoder(
    kind: str, order: str, raw: int, scale: float, offset: float
) -> None:
    p = ModbusPointConfig(
        sensor_id="s", feature="f", address=3, type=kind, order=order, scale=scale, offset=offset
    )
    value = raw * scale + offset
    (request,) = plan_reads([p])
    decoded = PointDecoder(p, request).value(encode(p, value))
    assert decoded == pytest.approx(value, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize(
    ("kw", "value", "words"),
    [
        ({"type": "int16"}, 70000.0, "does not fit the device's int16"),
        ({"type": "uint16"}, -1.0, "does not fit the device's uint16"),
        ({"type": "int16", "scale": 0.1}, 12.34, "not a whole number of the point's steps of 0.1"),
        ({"type": "float32"}, 1e39, "does not fit a float32"),
        ({"type": "bool"}, 2.0, "is not 0 or 1"),
        ({"table": "coil", "type": "bool"}, 0.5, "is not 0 or 1"),
        ({"type": "float64"}, float("nan"), "not a finite number"),
    ],
)
def test_values_a_register_cannot_hold_are_refused(
    kw: dict[str, Any], value: float, words: str
) -> None:
    p = ModbusPointConfig(sensor_id="s", feature="f", address=0, **kw)
    with pytest.raises(ValueError, match=words):
        encode(p, value)


def _target(
    address: int, *, table: str = "holding", type: str = "uint16", unit: int = 1
) -> ModbusTarget:
    dev = ModbusDeviceConfig(
        name=f"d{unit}", unit_id=unit, points=[{"sensor_id": "s", "feature": "x", "address": 0}]
    )
    p = ModbusPointConfig(
        sensor_id="s", feature=f"f{table}{address}", table=table, address=address, type=type
    )
    return ModbusTarget(dev, p)


def test_contiguous_points_share_one_request_and_gaps_split() -> None:
    items = [
        (0, _target(10, type="float32"), [1, 2]),
        (1, _target(12), [3]),  # follows 10-11: same request, function 16
        (2, _target(20), [4]),  # a gap: its own request, function 6
        (3, _target(0, table="coil", type="bool"), [True]),
        (4, _target(1, table="coil", type="bool"), [False]),  # coils 0-1: function 15
        (5, _target(13, unit=2), [5]),  # another unit: its own request
    ]
    requests = plan_writes(items)
    shape = sorted((r.device.unit_id, r.table, r.address, r.function_code, r.ops) for r in requests)
    assert shape == [
        (1, "coil", 0, 15, [3, 4]),
        (1, "holding", 10, 16, [0, 1]),
        (1, "holding", 20, 6, [2]),
        (2, "holding", 13, 6, [5]),
    ]
    merged = next(r for r in requests if r.ops == [0, 1])
    assert merged.values == [1, 2, 3]


def test_a_request_stops_at_the_protocol_limit() -> None:
    items = [(i, _target(2 * i, type="float32"), [i, i]) for i in range(70)]
    requests = plan_writes(items)
    assert [len(r.values) for r in requests] == [122, 18]  # 61 floats fit 123 registers


# -- a point's limits -----------------------------------------------------------------------


def _pt(feature: str, address: int, **kw: Any) -> dict[str, Any]:
    return {"sensor_id": "s", "feature": feature, "address": address, **kw}


def _points(**writable: Any) -> dict[str, Any]:
    points = [
        _pt("sp", 0, unit="%", writable=writable),
        _pt("run", 0, table="coil", type="bool", writable={}),
        _pt("raw", 4, type="int16", writable={}),
        _pt("ro", 8),
    ]
    src = {"kind": "modbus", "name": "m", "devices": [{"name": "d", "points": points}]}
    return collect(parse_config({"sources": [src]}).sources)


@pytest.mark.parametrize(
    ("writable", "value", "words"),
    [
        ({"min": 50, "max": 110}, 120, "120 % is above the maximum 110 %"),
        ({"min": 50, "max": 110}, 10, "10 % is below the minimum 50 %"),
        ({"min": 50, "step": 0.5}, 60.2, "is not on a step of 0.5 % from 50 %"),
        ({"allowed": [0, 50, 100]}, 60, "is not one of the allowed values (0, 50, 100)"),
        ({}, "fast", "expected a number, got str"),
        ({}, float("inf"), "expected a finite number"),
        ({}, [1, 2], "expected a number, got list"),
    ],
)
def test_a_value_outside_the_points_limits_is_refused(
    writable: dict[str, Any], value: Any, words: str
) -> None:
    points = _points(**writable)
    with pytest.raises(ValueProblem, match=words.replace("(", r"\(").replace(")", r"\)")):
        check_value(points["s/sp"], value)


def test_switches_take_0_1_or_booleans_and_registers_are_checked_before_sending() -> None:
    points = _points(min=50, step=0.5)
    assert check_value(points["s/sp"], 60.5) == 60.5
    assert check_value(points["s/run"], True) == 1.0
    assert check_value(points["s/run"], 0) == 0.0
    with pytest.raises(ValueProblem, match="is not 0 or 1"):
        check_value(points["s/run"], 2)
    with pytest.raises(ValueProblem, match="the device cannot hold it: 70000 does not fit"):
        check_value(points["s/raw"], 70000)
    assert "s/ro" not in points  # nothing is writable by default


def test_method_arguments_are_typed_and_bounded() -> None:
    src = {
        "kind": "opcua",
        "name": "o",
        "points": [{"sensor_id": "s", "feature": "f", "node": "ns=2;s=f"}],
        "methods": [
            {
                "name": "go",
                "sensor_id": "s",
                "object": "ns=2;s=obj",
                "method": "ns=2;s=obj.go",
                "arguments": [
                    {"name": "speed", "type": "Double", "min": 50, "max": 110},
                    {"name": "mode", "type": "Byte"},
                    {"name": "note", "type": "String", "max_length": 5},
                ],
            }
        ],
    }
    (go,) = collect(parse_config({"sources": [src]}).sources).values()
    assert check_value(go, [60, 2, "hi"]) == (60.0, 2.0, "hi")
    assert check_value(go, {"speed": 60, "mode": 2, "note": ""}) == (60.0, 2.0, "")
    for bad, words in (
        ([60, 2], "takes 3 argument"),
        ([120, 2, ""], "argument speed: 120 is above the maximum 110"),
        ([60, 256, ""], r"argument mode: 256 is no Byte \(0..255\)"),
        ([60, 2, "toolong"], "argument note: longer than 5"),
        ({"speed": 60}, "missing argument"),
        (7, "a method takes a list"),
    ):
        with pytest.raises(ValueProblem, match=words):
            check_value(go, bad)


# -- the plant's state ------------------------------------------------------------------------


def test_guards_need_a_live_asset_and_holding_interlocks() -> None:
    points = _points(interlocks=[{"sensor_id": "other", "feature": "stop", "equals": 0}])
    p = points["s/sp"]
    states = {"s": "live", "other": "live"}
    values = {("other", "stop"): 0.0}
    ok = guard_problems(p, states.get, lambda a, f: values.get((a, f)))
    assert ok == []
    values[("other", "stop")] = 1.0
    (problem,) = guard_problems(p, states.get, lambda a, f: values.get((a, f)))
    assert problem == ("interlock", "interlock other stop = 0: it is 1")
    states["other"] = "stale"
    (problem,) = guard_problems(p, states.get, lambda a, f: values.get((a, f)))
    assert problem[0] == "interlock" and "other is stale" in problem[1]
    states["s"] = "offline"
    assert guard_problems(p, states.get, lambda a, f: 0.0)[0] == (
        "not_live",
        "s is offline, not live",
    )


def test_rate_limits_per_point() -> None:
    p = _points(min_interval=5)["s/sp"]
    limits = RateLimits()
    assert limits.wait(p, 100.0) == 0
    limits.mark(p.name, 100.0)
    assert limits.wait(p, 102.0) == pytest.approx(3.0)
    assert limits.wait(p, 105.0) == 0


# -- OPC UA: the node's own type -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "vtype", "expected"),
    [
        (1, ua.VariantType.Boolean, True),
        (-128, ua.VariantType.SByte, -128),
        (65535, ua.VariantType.UInt16, 65535),
        (2**63 - 1, ua.VariantType.Int64, 2**63 - 1),
        (1.5, ua.VariantType.Float, 1.5),
        (1e300, ua.VariantType.Double, 1e300),
    ],
)
def test_values_take_the_nodes_type(value: Any, vtype: ua.VariantType, expected: Any) -> None:
    v = to_variant(value, vtype)
    assert v.VariantType == vtype and v.Value == expected and type(v.Value) is type(expected)


@pytest.mark.parametrize(
    ("value", "vtype", "words"),
    [
        (70000, ua.VariantType.Int16, "does not fit the node's Int16"),
        (2**64, ua.VariantType.UInt64, "does not fit the node's UInt64"),
        (1.5, ua.VariantType.Int32, "does not fit the node's Int32"),
        (0.5, ua.VariantType.Boolean, "is not 0 or 1"),
        (1e39, ua.VariantType.Float, "does not fit the node's Float"),
        ("x", ua.VariantType.Double, "expects a number"),
        (1, ua.VariantType.DateTime, "holds DateTime, which the gateway does not write"),
    ],
)
def test_values_the_node_cannot_hold_are_refused(
    value: Any, vtype: ua.VariantType, words: str
) -> None:
    with pytest.raises(ValueError, match=words):
        to_variant(value, vtype)


# -- the write config ---------------------------------------------------------------------------


def _modbus(point: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "modbus", "name": "m", "devices": [{"name": "d", "points": [point]}]}


def _problems(tree: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ConfigError) as err:
        parse_config(tree)
    return err.value.problems


def test_read_only_tables_and_bad_limits_are_config_errors() -> None:
    ro = {"sensor_id": "s", "feature": "f", "address": 0, "table": "input", "writable": {}}
    ((_, why),) = _problems({"sources": [_modbus(ro)]})
    assert "read-only" in why
    bad = {"sensor_id": "s", "feature": "f", "address": 0, "writable": {"min": 5, "max": 1}}
    assert "min is above max" in _problems({"sources": [_modbus(bad)]})[0][1]
    w = {"sensor_id": "s", "feature": "f", "address": 0, "writable": {}}
    (problem,) = _problems({"sources": [_modbus(w)], "history": {"enabled": False}})
    assert "need the history" in problem[1]
    (problem,) = _problems({"commands": {"enabled": True}})
    assert "upstream.enabled" in problem[1]
    twice = _modbus(w)
    twice["devices"][0]["points"].append(
        {**w, "address": 2, "feature": "g", "writable": {"name": "s/f"}}
    )
    assert "named 's/f'" in _problems({"sources": [twice]})[0][1]


# -- commands: admission and signatures --------------------------------------------------------

GATEWAY = "gw-test"
NOW = 1_800_000_000.0


def _channel(signature: dict[str, Any] | None = None, **kw: Any) -> CommandChannel:
    cfg = CommandsConfig(enabled=True, signature=SignatureConfig(**(signature or {})), **kw)
    ch = CommandChannel(
        cfg, gateway_id=GATEWAY, verifier=Verifier(cfg.signature), clock=lambda: NOW
    )

    async def ping(r: Request) -> Reply:
        return Reply("done")

    ch.register("ping", ping)
    return ch


def _req(**kw: Any) -> dict[str, Any]:
    return {"id": "r1", "command": "ping", "issued_at": NOW - 1, **kw}


def _refusal(ch: CommandChannel, payload: bytes) -> str:
    with pytest.raises(Refused) as err:
        ch.admit(payload)
    return err.value.code


def test_requests_are_refused_when_old_future_replayed_or_malformed() -> None:
    ch = _channel(max_age=30, max_skew=5)
    assert ch.admit(json.dumps(_req()).encode()).id == "r1"
    assert _refusal(ch, json.dumps(_req()).encode()) == "replayed"
    assert _refusal(ch, json.dumps(_req(id="r2", issued_at=NOW - 31)).encode()) == "expired"
    assert _refusal(ch, json.dumps(_req(id="r3", issued_at=NOW + 6)).encode()) == "from_future"
    assert _refusal(ch, b"{not json") == "malformed"
    assert _refusal(ch, json.dumps(_req(id="r5", issued_at=None)).encode()) == "malformed"
    assert _refusal(ch, json.dumps(_req(id="r6", command="reboot")).encode()) == "unknown_command"
    assert _refusal(ch, json.dumps(_req(id="r7", gateway="another")).encode()) == "wrong_gateway"
    assert _refusal(ch, json.dumps(_req(id="", command="ping")).encode()) == "malformed"
    # issued_at may be ISO 8601 (NOW is 2027-01-15T08:00:00Z).
    assert ch.admit(json.dumps(_req(id="r8", issued_at="2027-01-15T07:59:59Z")).encode())
    assert _refusal(ch, json.dumps(_req(id="r9", issued_at="2027-01-15T07:59:00")).encode()) == (
        "malformed"  # a time without its zone is not taken
    )


def test_hmac_signed_requests_verify_and_forgeries_are_refused() -> None:
    key = "a shared key of enough length"
    ch = _channel({"kind": "hmac-sha256", "key": key})
    good = sign(_req(gateway=GATEWAY), "hmac-sha256", key)
    assert ch.admit(good).signed
    assert _refusal(ch, json.dumps(_req(id="r2")).encode()) == "bad_signature"  # unsigned
    forged = sign(_req(id="r3", gateway=GATEWAY), "hmac-sha256", "another key of enough length")
    assert _refusal(ch, forged) == "bad_signature"
    # The signed text altered after signing (a later issued_at to pass the age check).
    doc = json.loads(sign(_req(id="r4", gateway=GATEWAY), "hmac-sha256", key))
    doc["signed"] = doc["signed"].replace('"r4"', '"r5"')
    assert _refusal(ch, json.dumps(doc).encode()) == "bad_signature"
    unnamed = sign(_req(id="r6"), "hmac-sha256", key)
    assert _refusal(ch, unnamed) == "malformed"  # a signed request names its gateway
    with pytest.raises(KeyProblem, match="at least 16"):
        Verifier(SignatureConfig(kind="hmac-sha256", key="short"))
    # The shared key is a secret: no log line carries it.
    assert key not in REDACTOR.redact(f"request signed with {key}")


def test_ed25519_signed_requests_verify_with_the_public_key_only() -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519

    private = ed25519.Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    ch = _channel({"kind": "ed25519", "key": "ed25519:" + base64.b64encode(raw).decode()})
    assert ch.admit(sign(_req(gateway=GATEWAY), "ed25519", private)).id == "r1"
    other = ed25519.Ed25519PrivateKey.generate()
    assert _refusal(ch, sign(_req(id="r2", gateway=GATEWAY), "ed25519", other)) == "bad_signature"
    with pytest.raises(ValidationError):
        SignatureConfig(kind="ed25519")
