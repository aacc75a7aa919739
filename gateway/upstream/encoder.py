"""Upstream JSON messages: scored readings per asset as telemetry, alert events as alerts,
changes of an asset's data state as state messages.

A telemetry message::

    {"id": "<32 hex>", "seq": 118, "gateway_id": "gw-...", "sensor_id": "pump_1",
     "readings": [{"sensor_id": "pump_1", "timestamp": "2026-02-01T14:25:30.123Z",
                   "motor_data": {"DE_temp": 61.2, ...}, "pump_data": {...},
                   "prediction": {"label": "normal", "confidence": 0.97}}]}

A prediction with an explanation (a fault, gateway.model.insight) carries
``"explanation": [{"feature", "label", "value", "unit", "contribution"}, ...]`` (the top
three contributors), and one made from values outside the training range
``"out_of_range": ["pump_data.flow", ...]``.

A reading the model did not score has ``"prediction": null`` and ``"unscored"`` with
the reason (``insufficient_data``, ``no_model``, ``model_error``). A state message::

    {"id": ..., "seq": 3, "gateway_id": "gw-...", "sensor_id": "pump_1", "state": "stale",
     "previous": "live", "since": "2026-02-01T14:25:33.123Z",
     "last_reading": "2026-02-01T14:25:30.120Z", "source": "plant", "stale_after": 3.0}
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from operator import itemgetter
from typing import Any, NamedTuple

import orjson

from gateway.config.upstream import UpstreamConfig
from gateway.records import Scored
from gateway.upstream.client import render
from gateway.upstream.outbox import NewMessage

GROUP_DEFAULT = "data"  # where a value whose name has no group ("flow") goes

_encode_any = json.JSONEncoder(separators=(",", ":"), default=str).encode

# A reading's layout per set of value names: (group, its point names, which values).
_Layout = list[tuple[str, tuple[str, ...], slice | tuple[int, ...]]]


_NO_TEMPLATE: Any = object()


def _escaped(text: bytes) -> bytes:
    """Literal text for a bytes template: ``%`` doubled."""
    return text.replace(b"%", b"%%")


def _indices(sel: slice | tuple[int, ...]) -> Sequence[int]:
    return range(sel.start, sel.stop) if isinstance(sel, slice) else sel


class _IsoTime:
    """Epoch seconds to the seed's ``2026-02-01T14:25:30.123Z``; the second's text is cached."""

    def __init__(self) -> None:
        self._cache: dict[int, bytes] = {}

    def __call__(self, ts: float) -> str:
        return self.text(ts).decode()

    def text(self, ts: float) -> bytes:
        # Rounded to the millisecond (1769955930.123 is stored as ...0.12299999).
        sec, ms = divmod(round(ts * 1000), 1000)
        prefix = self._cache.get(sec)
        if prefix is None:
            if len(self._cache) > 4096:
                self._cache.clear()
            text = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(sec))
            prefix = self._cache[sec] = text.encode()
        return b"%s.%03dZ" % (prefix, ms)


class _Template(NamedTuple):
    """One layout of values as JSON text with a ``%s`` per value (bytes formatting).

    ``scored``: sensor id, timestamp, the values, then the label and the confidence of
    the usual reading (a prediction, no bad point); ``other``: sensor id, timestamp, the
    values, then the rest of the object (``bad``, ``prediction``, ``unscored``) as text.
    ``pick`` puts the values' texts in the groups' order (None: they already are).
    """

    scored: bytes
    other: bytes
    pick: itemgetter[Any] | None
    size: int  # values in the layout


def _remember_text(cache: dict[str, bytes], text: str, most: int) -> bytes:
    """A string's JSON text, kept in ``cache`` (emptied past ``most`` entries)."""
    if len(cache) > most:
        cache.clear()
    out = cache[text] = orjson.dumps(text)
    return out


def group_by_asset(batch: Sequence[Scored]) -> dict[str, list[Scored]]:
    """The batch's readings per sensor id, each list in arrival order (one message each)."""
    by_asset: dict[str, list[Scored]] = {}
    for s in batch:
        sid = s.reading.sensor_id
        items = by_asset.get(sid)
        if items is None:
            items = by_asset[sid] = []
        items.append(s)
    return by_asset


class MessageEncoder:
    """Scored readings to per-asset telemetry messages; alert events to alert messages.

    The JSON text comes from orjson, which writes a float's shortest exact form (as
    ``repr`` does) and NaN or an infinity as ``null``, in about a tenth of the json
    module's time: encoding is on the gateway's hot path, once per reading.
    """

    def __init__(self, config: UpstreamConfig, gateway_id: str) -> None:
        self.gateway_id = gateway_id
        self.max_readings = config.batch_max_readings
        self.max_bytes = config.batch_max_bytes
        self.probabilities = config.probabilities
        self._telemetry = config.topics.telemetry
        self._alerts = config.topics.alerts
        self._states = config.topics.asset_state
        self._writes = config.topics.writes
        self._heads: dict[str, tuple[str, bytes]] = {}  # sensor id -> (topic, JSON head)
        self.iso = _IsoTime()
        self._layouts: dict[tuple[str, ...], _Layout] = {}
        self._templates: dict[tuple[str, ...], _Template | None] = {}
        self._sids: dict[str, bytes] = {}
        self._labels: dict[str, bytes] = {}

    def _head(self, sensor_id: str) -> tuple[str, bytes]:
        h = self._heads.get(sensor_id)
        if h is None:
            topic = render(self._telemetry, gateway_id=self.gateway_id, sensor_id=sensor_id)
            head = (
                b'{"gateway_id":'
                + orjson.dumps(self.gateway_id)
                + b',"sensor_id":'
                + orjson.dumps(sensor_id)
                + b',"readings":['
            )
            if len(self._heads) > 100_000:
                self._heads.clear()
            h = self._heads[sensor_id] = (topic, head)
        return h

    def reading_json(self, s: Scored) -> bytes:
        """One reading's JSON text (UTF-8): ``orjson.dumps(self.reading(s))``, made faster.

        Building the nested dicts of ``reading()`` cost more than orjson's writing them.
        Here one ``orjson.dumps`` writes the reading's numbers (and the confidence) as a
        JSON array, whose items go into the layout's template (``_Template``). The text
        is the same, byte for byte: the numbers are orjson's, and the rest of the
        template is orjson's text of the names. Splitting the array at its commas is
        exact unless a value's text holds a comma (a string, a list): the item count
        then differs, and the reading takes ``reading()``.
        """
        return self._text(s, self._sid_text(s.reading.sensor_id))

    def _text(self, s: Scored, sid: bytes) -> bytes:
        """``reading_json`` with the sensor id's JSON text at hand."""
        r = s.reading
        values = r.values
        keys = tuple(values)
        t = self._templates.get(keys, _NO_TEMPLATE)
        if t is _NO_TEMPLATE:
            t = self._template(keys)
        if t is None:
            return orjson.dumps(self.reading(s))
        p = s.prediction
        if (
            p is not None
            and not r.bad
            and not self.probabilities
            and s.explanation is None
            and not s.out_of_range
        ):
            parts = orjson.dumps((*values.values(), p.confidence))[1:-1].split(b",")
            if len(parts) != t.size + 1:
                return orjson.dumps(self.reading(s))
            confidence = parts.pop()
            label = self._label_text(p.label)
            ts = self.iso.text(r.timestamp)
            if t.pick is not None:
                return t.scored % (sid, ts, *t.pick(parts), label, confidence)
            return t.scored % (sid, ts, *parts, label, confidence)
        parts = orjson.dumps(tuple(values.values()))[1:-1].split(b",")
        if len(parts) != t.size:
            return orjson.dumps(self.reading(s))
        rest = orjson.dumps(self._rest(s))[1:-1]
        if t.pick is not None:
            return t.other % (sid, self.iso.text(r.timestamp), *t.pick(parts), rest)
        return t.other % (sid, self.iso.text(r.timestamp), *parts, rest)

    def _sid_text(self, sensor_id: str) -> bytes:
        return self._sids.get(sensor_id) or _remember_text(self._sids, sensor_id, 100_000)

    def _label_text(self, label: str) -> bytes:
        return self._labels.get(label) or _remember_text(self._labels, label, 1000)

    def _rest(self, s: Scored) -> dict[str, Any]:
        """What follows the values in ``reading()``'s object."""
        d: dict[str, Any] = {}
        if s.reading.bad:
            d["bad"] = list(s.reading.bad)
        d["prediction"] = self._prediction(s)
        if s.prediction is None and s.unscored is not None:
            d["unscored"] = s.unscored
        return d

    def _prediction(self, s: Scored) -> dict[str, Any] | None:
        """``reading()``'s ``prediction``: None for an unscored reading."""
        p = s.prediction
        if p is None:
            return None
        if self.probabilities:
            pred = {"label": p.label, "confidence": p.confidence, "probabilities": p.probabilities}
        else:
            pred = {"label": p.label, "confidence": p.confidence}
        if s.explanation is not None:
            pred["explanation"] = [c.to_dict() for c in s.explanation.top]
        if s.out_of_range:
            pred["out_of_range"] = list(s.out_of_range)
        return pred

    def _template(self, keys: tuple[str, ...]) -> _Template | None:
        """The layout's template; None when it has none (no values, or a point twice in
        a group: ``x`` and ``data.x``, which ``reading()``'s dict writes once)."""
        layout = self._layouts.get(keys)
        if layout is None:
            layout = self._layout(keys)
        template: _Template | None = None
        order = [i for _, _, sel in layout for i in _indices(sel)]
        points = [q for _, pts, _ in layout for q in pts]
        unique = all(len(set(pts)) == len(pts) for _, pts, _ in layout)
        if keys and unique and len(order) == len(keys):
            groups = b",".join(
                _escaped(orjson.dumps(group))
                + b":{"
                + b",".join(_escaped(orjson.dumps(q)) + b":%s" for q in pts)
                + b"}"
                for group, pts, _ in layout
            )
            head = b'{"sensor_id":%s,"timestamp":"%s",' + groups
            pick = None if order == list(range(len(keys))) else itemgetter(*order)
            if pick is not None and len(order) == 1:
                pick = None  # one value: itemgetter of one index returns the item
            template = _Template(
                head + b',"prediction":{"label":%s,"confidence":%s}}',
                head + b",%s}",
                pick,
                len(points),
            )
        if len(self._templates) > 1000:
            self._templates.clear()
        self._templates[keys] = template
        return template

    def _layout(self, keys: tuple[str, ...]) -> _Layout:
        """Which values go in which group: ``motor_data.DE_temp`` is point ``DE_temp`` of
        group ``motor_data``; a name without a dot goes in the ``data`` group."""
        groups: dict[str, list[tuple[str, int]]] = {}
        for i, name in enumerate(keys):
            group, dot, point = name.partition(".")
            if not dot:
                group, point = GROUP_DEFAULT, name
            groups.setdefault(group, []).append((point, i))
        layout: _Layout = []
        for group, members in groups.items():
            idx = tuple(i for _, i in members)
            points = tuple(p for p, _ in members)
            # A group's values side by side in the reading (the usual case): one slice.
            contiguous = idx == tuple(range(idx[0], idx[0] + len(idx)))
            layout.append((group, points, slice(idx[0], idx[-1] + 1) if contiguous else idx))
        if len(self._layouts) > 1000:
            self._layouts.clear()
        self._layouts[keys] = layout
        return layout

    def reading(self, s: Scored) -> dict[str, Any]:
        """One reading in the seed's shape, plus its prediction.

        Non-finite numbers stay as they are here; orjson writes them as ``null``.
        """
        r = s.reading
        d: dict[str, Any] = {"sensor_id": r.sensor_id, "timestamp": self.iso(r.timestamp)}
        keys = tuple(r.values)
        layout = self._layouts.get(keys)
        if layout is None:
            layout = self._layout(keys)
        vals = tuple(r.values.values())
        for group, points, sel in layout:
            if type(sel) is slice:
                d[group] = dict(zip(points, vals[sel], strict=True))
            else:
                d[group] = {p: vals[i] for p, i in zip(points, sel, strict=True)}
        d.update(self._rest(s))
        return d

    def telemetry(self, batch: Sequence[Scored]) -> list[NewMessage]:
        by_asset = group_by_asset(batch)
        text = self._text
        out: list[NewMessage] = []
        for sid, items in by_asset.items():
            topic, head = self._head(sid)
            sid_text = self._sid_text(sid)
            parts: list[bytes] = []
            size = len(head) + 2
            for s in items:
                part = text(s, sid_text)
                if parts and (
                    len(parts) >= self.max_readings or size + len(part) + 1 > self.max_bytes
                ):
                    out.append(NewMessage(sid, topic, head + b",".join(parts) + b"]}", len(parts)))
                    parts, size = [], len(head) + 2
                parts.append(part)
                size += len(part) + 1
            if parts:
                out.append(NewMessage(sid, topic, head + b",".join(parts) + b"]}", len(parts)))
        return out

    def asset_state(self, payload: dict[str, Any]) -> NewMessage:
        """A change of an asset's data state (gateway.assets), on its own stream."""
        sid = str(payload.get("sensor_id") or "")
        topic = render(self._states, gateway_id=self.gateway_id, sensor_id=sid)
        last = payload.get("last_reading")
        body = orjson.dumps(
            {
                "gateway_id": self.gateway_id,
                "sensor_id": sid,
                "state": payload.get("state"),
                "previous": payload.get("previous"),
                "since": self.iso(payload["since"]),
                "last_reading": self.iso(last) if last is not None else None,
                "source": payload.get("source"),
                "stale_after": payload.get("stale_after"),
            }
        )
        return NewMessage(f"state/{sid}", topic, body, 0)

    def write_record(self, row: dict[str, Any]) -> NewMessage:
        """A write attempt's audit row (gateway.state.writelog), on the asset's writes stream."""
        sid = str(row.get("sensor_id") or "")
        topic = render(self._writes, gateway_id=self.gateway_id, sensor_id=sid)
        body = _encode_any({"gateway_id": self.gateway_id, **row, "time": self.iso(row["ts"])})
        return NewMessage(f"writes/{sid}", topic, body.encode(), 0)

    def alert(self, kind: str, payload: dict[str, Any]) -> NewMessage:
        sid = str(payload.get("sensor_id") or "")
        topic = render(self._alerts, gateway_id=self.gateway_id, sensor_id=sid)
        body = _encode_any(
            {
                "gateway_id": self.gateway_id,
                "sensor_id": sid,
                "event": kind.partition(".")[2],
                "alert": payload,
            }
        ).encode()
        return NewMessage(f"alerts/{sid}", topic, body, 0)
