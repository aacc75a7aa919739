"""Upstream message encoding: the seed's shape, batching limits, and the fast text path."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gateway.config.upstream import UpstreamConfig
from gateway.records import Prediction, Reading, Scored
from gateway.upstream.encoder import MessageEncoder


def enc(**cfg: object) -> MessageEncoder:
    return MessageEncoder(UpstreamConfig(enabled=True, **cfg), "gw-1")  # type: ignore[arg-type]


def sc(
    values: dict[str, float],
    *,
    sid: str = "pump_1",
    ts: float = 1769955930.123,
    pred: Prediction | None = None,
    bad: tuple[str, ...] = (),
) -> Scored:
    return Scored(Reading(sid, ts, values, source="t", bad=bad), pred)


def test_a_reading_in_the_seed_shape() -> None:
    p = Prediction("cavitation", 0.8125, (0.1, 0.9), "m")
    s = sc({"motor_data.DE_temp": 61.5, "pump_data.flow": 12.0, "level": 3.25}, pred=p)
    got = json.loads(enc(probabilities=True).reading_json(s))
    assert got == {
        "sensor_id": "pump_1",
        "timestamp": "2026-02-01T14:25:30.123Z",
        "motor_data": {"DE_temp": 61.5},
        "pump_data": {"flow": 12.0},
        "data": {"level": 3.25},
        "prediction": {"label": "cavitation", "confidence": 0.8125, "probabilities": [0.1, 0.9]},
    }
    assert json.loads(enc().reading_json(sc({"a.b": 1.0})))["prediction"] is None


def test_an_explained_prediction_and_values_out_of_range() -> None:
    from gateway.records import Contributor, Explanation

    why = Explanation(
        "m",
        "saabas",
        "cavitation",
        -1.0,
        (2.5, 0.0),
        (Contributor("pump_data.flow", "Pump flow", 12.0, "m³/h", 2.5),),
    )
    p = Prediction("cavitation", 0.8125, (0.1, 0.9), "m")
    r = Reading("pump_1", 1769955930.123, {"pump_data.flow": 12.0}, source="t")
    got = json.loads(
        enc().reading_json(Scored(r, p, explanation=why, out_of_range=("pump_data.flow",)))
    )
    assert got["prediction"] == {
        "label": "cavitation",
        "confidence": 0.8125,
        "explanation": [
            {
                "feature": "pump_data.flow",
                "label": "Pump flow",
                "value": 12.0,
                "unit": "m³/h",
                "contribution": 2.5,
            }
        ],
        "out_of_range": ["pump_data.flow"],
    }


@pytest.mark.parametrize("bad_value", [math.nan, math.inf, -math.inf])
def test_a_non_finite_number_is_null_never_invalid_json(bad_value: float) -> None:
    s = sc(
        {"motor_data.DE_temp": bad_value, "motor_data.current": 3.0},
        pred=Prediction("normal", bad_value, (bad_value,), "m"),
    )
    text = enc(probabilities=True).reading_json(s)
    got = json.loads(text, parse_constant=lambda c: pytest.fail(f"{c} in JSON"))
    assert got["motor_data"] == {"DE_temp": None, "current": 3.0}
    assert got["prediction"]["confidence"] is None


names = st.sampled_from(
    [
        "motor_data.DE_temp",
        "pump_data.flow",
        "motor_data.current",
        "pump_data.DE_temp",
        "x",
        'odd"%name.p%s',
    ]
)
values = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-(10**6), 10**6)


def seed_shape(values: dict[str, float], bad: tuple[str, ...]) -> dict[str, object]:
    """The reference: values grouped by the part of their name before the first dot
    ("data" without one), non-finite numbers as null."""
    out: dict[str, dict[str, object]] = {}
    for name, v in values.items():
        group, dot, point = name.partition(".")
        if not dot:
            group, point = "data", name
        out.setdefault(group, {})[point] = v if math.isfinite(v) else None
    return {**out, **({"bad": list(bad)} if bad else {})}


@given(st.dictionaries(names, values, min_size=1), st.booleans(), st.booleans())
def test_readings_of_any_layout_encode_to_the_seed_shape(
    vals: dict[str, float], with_pred: bool, bad: bool
) -> None:
    e = enc(probabilities=True)
    p = Prediction("normal", 0.5, (0.25, 0.75), "m") if with_pred else None
    s = sc(vals, pred=p, bad=("x",) if bad else ())
    expected = {
        "sensor_id": "pump_1",
        "timestamp": "2026-02-01T14:25:30.123Z",
        **seed_shape(vals, ("x",) if bad else ()),
        "prediction": {"label": "normal", "confidence": 0.5, "probabilities": [0.25, 0.75]}
        if with_pred
        else None,
    }
    for _ in range(2):  # the first call builds the layout, the second uses the cached one
        got = json.loads(e.reading_json(s), parse_constant=lambda c: pytest.fail(c))
        # Floats come back exactly: orjson writes the shortest text that reads back
        # as the same double.
        assert got == expected and list(got) == list(expected)


def test_batches_respect_the_reading_and_byte_limits() -> None:
    batch = [sc({"motor_data.DE_temp": float(i)}, sid=f"p{i % 2}") for i in range(25)]
    msgs = enc(batch_max_readings=4).telemetry(batch)
    assert [(m.stream, m.readings) for m in msgs] == [("p0", 4)] * 3 + [("p0", 1)] + [("p1", 4)] * 3
    for m in msgs:
        body = json.loads(m.body)
        assert body["gateway_id"] == "gw-1" and len(body["readings"]) == m.readings
        assert m.topic == f"aastreli/gw-1/telemetry/{m.stream}"
    small = enc(batch_max_bytes=1024).telemetry(batch)
    assert all(len(m.body) <= 1024 for m in small) and sum(m.readings for m in small) == 25


def test_topic_templates_and_odd_sensor_ids() -> None:
    e = MessageEncoder(
        UpstreamConfig(enabled=True, topics={"telemetry": "plant/{gateway_id}/{sensor_id}/data"}),
        "gw-1",
    )  # type: ignore[arg-type]
    (m,) = e.telemetry([sc({"a.b": 1.0}, sid="line/1+#")])
    assert m.topic == "plant/gw-1/line_1__/data"
    assert json.loads(m.body)["sensor_id"] == "line/1+#"


def test_alert_message() -> None:
    m = enc().alert("alert.acknowledged", {"sensor_id": "pump_2", "when": object()})
    body = json.loads(m.body)
    assert (m.stream, m.topic, body["event"]) == (
        "alerts/pump_2",
        "aastreli/gw-1/alerts/pump_2",
        "acknowledged",
    )
    assert isinstance(body["alert"]["when"], str)  # anything not JSON is written as text


def test_unscored_readings_and_state_messages() -> None:
    from gateway.records import INSUFFICIENT_DATA

    r = Reading("pump_1", 1769955930.123, {}, source="t", bad=("a.b",))
    got = json.loads(enc().reading_json(Scored(r, None, INSUFFICIENT_DATA)))
    assert got["prediction"] is None and got["unscored"] == "insufficient_data"
    msg = enc().asset_state(
        {"sensor_id": "pump/1", "source": "plc", "state": "stale", "previous": "live",
         "since": 1769955933.123, "last_reading": 1769955930.12, "stale_after": 3.0}
    )  # fmt: skip
    assert msg.topic == "aastreli/gw-1/state/pump_1" and msg.stream == "state/pump/1"
    assert json.loads(msg.body) == {
        "gateway_id": "gw-1", "sensor_id": "pump/1", "state": "stale", "previous": "live",
        "since": "2026-02-01T14:25:33.123Z", "last_reading": "2026-02-01T14:25:30.120Z",
        "source": "plc", "stale_after": 3.0,
    }  # fmt: skip


odd_values = values | st.booleans() | st.sampled_from(["a,b", "plain", "", None, [1, 2], [3]])


@given(
    st.lists(
        st.tuples(
            st.dictionaries(names | st.sampled_from(["data.x"]), odd_values, max_size=6),
            st.sampled_from([None, "normal", 'odd,"label%s']),
            st.booleans(),
            st.sampled_from(["pump_1", 'odd "id" %s,']),
        ),
        max_size=8,
    ),
    st.booleans(),
)
def test_the_text_path_writes_what_the_dict_path_writes(
    readings: list[tuple[dict[str, object], str | None, bool, str]], probabilities: bool
) -> None:
    """reading_json fills a template per layout with orjson's text of the numbers; it
    must be byte for byte orjson's text of reading(), whatever the values, names, ids,
    labels (a comma, a quote, a % in them) and repeats of a layout."""
    import orjson

    from gateway.records import INSUFFICIENT_DATA

    e = enc(probabilities=probabilities)
    for vals, label, bad, sid in readings * 2:  # twice: new layouts, then cached ones
        p = Prediction(label, 0.625, (0.375, 0.625), "m") if label is not None else None
        r = Reading(sid, 1769955930.5, vals, source="t", bad=("x",) if bad else ())  # type: ignore[arg-type]
        s = Scored(r, p, None if p is not None else INSUFFICIENT_DATA)
        assert e.reading_json(s) == orjson.dumps(e.reading(s))
