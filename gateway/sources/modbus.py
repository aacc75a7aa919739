"""The Modbus source: polls the devices on one TCP connection or one RTU bus (pymodbus).

One ``run()`` is one connection (a TCP endpoint, or an opened serial port) and one poll
task per device. Each device polls on its own fixed-rate schedule with its merged read
plan (``modbus_codec``); requests share one lock per connection, so a serial bus only
ever has one request on the wire. A device that stops answering is marked bad and backed
off on its own (its next attempts spread out up to ``backoff_max``) so the others keep
their poll rate. When every device has failed ``link_down_after`` polls in a row, or the
connection closes, ``run()`` raises SourceError and the supervisor reopens the link with
its capped backoff. pymodbus's own reconnect is never relied upon: its delay is non-zero
(zero busy-loops at 100 % CPU) and ``close()`` cancels it on the way out.

A late answer must never be taken for the next request's. pymodbus runs with no retries
of its own (a retry would reuse the transaction id); every attempt here is a new request.
Modbus TCP answers carry the transaction id, which pymodbus checks. RTU answers carry
none: after a timeout the bus is left quiet for ``serial.flush_after_timeout`` and the
input is flushed before the next request, and every answer is checked against its
request (unit, function code, register or bit count) before it is used.

Exception responses and timeouts mark the points of that read bad (``Reading.bad``);
they are device trouble, not a crash.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import termios
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pymodbus.client import AsyncModbusSerialClient, AsyncModbusTcpClient
from pymodbus.exceptions import ConnectionException, ModbusException
from pymodbus.pdu import ModbusPDU

from gateway.assets import Expected
from gateway.config.sources import ModbusDeviceConfig, ModbusSourceConfig
from gateway.health import ComponentHealth
from gateway.records import Reading
from gateway.sources.base import Emit, Source, SourceError
from gateway.sources.modbus_codec import PointDecoder, ReadRequest, plan_reads, split
from gateway.sources.modbus_write import execute as execute_writes
from gateway.supervisor import Backoff
from gateway.writes.ops import OpResult, WriteOp, WriteUnavailable

log = logging.getLogger("gateway.sources.modbus")

_READ = {
    "holding": "read_holding_registers",
    "input": "read_input_registers",
    "coil": "read_coils",
    "discrete": "read_discrete_inputs",
}
_EXCEPTIONS = {
    1: "illegal function",
    2: "illegal data address",
    3: "illegal data value",
    4: "device failure",
    5: "acknowledge",
    6: "device busy",
    8: "memory parity error",
    10: "gateway path unavailable",
    11: "gateway target did not respond",
}
ILLEGAL_ADDRESS = 2

# pymodbus closes a TCP connection by itself after a few silent requests; a dead unit
# behind a TCP gateway would then cut the others off. The source decides instead.
_NEVER = 1_000_000_000


class _Device:
    """A device's plan, decoders and poll statistics (state survives reconnects)."""

    def __init__(self, cfg: ModbusDeviceConfig, source: ModbusSourceConfig) -> None:
        self.cfg = cfg
        self.name = cfg.name
        self.plan = plan_reads(
            cfg.points,
            cfg.max_registers or source.max_registers,
            source.max_gap if cfg.max_gap is None else cfg.max_gap,
        )
        self.decoders = [self._decoders(r) for r in self.plan]
        self.sensors = sorted({p.sensor_id for p in cfg.points})
        self.backoff = Backoff(
            initial=cfg.poll_interval, maximum=max(cfg.backoff_max, cfg.poll_interval)
        )
        self.failures = 0  # polls in a row with no answer at all
        self.link_failures = 0  # the same, on the current connection only
        self.down_since: float | None = None
        self.polls = 0
        self.answered_polls = 0
        self.late = 0
        self.duration = 0.0
        self.last_error: str | None = None
        self.last_exception: tuple[int, int] | None = None  # (request address, code)
        self.mismatched = 0  # answers that belonged to another request (late ones)
        self.text: dict[str, str] = {}  # string points holding text (serial numbers...)

    def _decoders(self, request: ReadRequest) -> list[PointDecoder]:
        return [PointDecoder(self.cfg.points[i], request) for i in request.points]

    def replace(self, index: int, parts: list[ReadRequest]) -> None:
        self.plan[index : index + 1] = parts
        self.decoders[index : index + 1] = [self._decoders(r) for r in parts]

    def snapshot(self) -> dict[str, Any]:
        return {
            "unit_id": self.cfg.unit_id,
            "state": "up"
            if self.failures == 0 and self.polls
            else ("down" if self.failures else "starting"),
            "down_since": self.down_since,
            "failures": self.failures,
            "polls": self.polls,
            "answered_polls": self.answered_polls,
            "late_polls": self.late,
            "mismatched_answers": self.mismatched,
            "poll_duration_ms": round(self.duration * 1000, 2),
            "requests_per_cycle": len(self.plan),
            "last_error": self.last_error,
            "text": dict(self.text),
        }


class ModbusSource(Source):
    kind = "modbus"

    def __init__(
        self, config: ModbusSourceConfig, emit: Emit, health: ComponentHealth, *, data_dir: Path
    ) -> None:
        super().__init__(config, emit, health, data_dir=data_dir)
        self.config: ModbusSourceConfig = config
        self.devices = [_Device(d, config) for d in config.devices]
        self._by_name = {d.name: d for d in self.devices}
        self.requests = 0  # requests sent, all devices, since start
        health.extra["transport"] = config.transport
        self._publish_health()

    def expectations(self) -> tuple[Expected, dict[str, Expected]]:
        """Every mapped asset, expected at its device's poll interval."""
        cfg = self.config
        assets: dict[str, Expected] = {}
        for dev in cfg.devices:
            stale_after = dev.stale_after if dev.stale_after is not None else cfg.stale_after
            for sid in {p.sensor_id for p in dev.points}:
                known = assets.get(sid)
                if known is None or (known.interval or 0) > dev.poll_interval:
                    assets[sid] = Expected(dev.poll_interval, stale_after)
        return Expected(stale_after=cfg.stale_after), assets

    @property
    def where(self) -> str:
        cfg = self.config
        if cfg.transport == "rtu":
            assert cfg.serial is not None
            return cfg.serial.port
        return f"{cfg.host}:{cfg.port}"

    # -- the link ------------------------------------------------------------------

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        failed: asyncio.Future[BaseException] = loop.create_future()

        def fail(err: BaseException) -> None:
            if not failed.done():
                failed.set_result(err)

        def on_connect(connected: bool) -> None:
            if not connected:
                fail(SourceError(f"the connection to {self.where} closed"))

        def task_done(task: asyncio.Task[None]) -> None:
            if not task.cancelled() and task.exception() is not None:
                fail(task.exception())  # type: ignore[arg-type]

        bus = asyncio.Lock()  # one request on the wire per connection or serial bus
        client = self._client(on_connect)
        client.set_max_no_responses(_NEVER)
        tasks: list[asyncio.Task[None]] = []
        try:
            try:
                opened = await client.connect()
            except (OSError, ValueError, termios.error) as err:
                # pyserial lets termios errors through (settings the port cannot take).
                raise SourceError(f"cannot open {self.where}: {err}") from err
            if not opened:
                raise SourceError(f"cannot open {self.where}")
            for dev in self.devices:
                dev.link_failures = 0  # a new link: judged on its own polls
                task = asyncio.create_task(
                    self._poll_loop(client, bus, dev, fail),
                    name=f"modbus {self.config.name}/{dev.name}",
                )
                task.add_done_callback(task_done)
                tasks.append(task)
            writable = any(p.writable for d in self.config.devices for p in d.points)
            handler = functools.partial(self._write, client, bus)
            async with self.writes.serving(handler, enabled=writable):
                raise await failed
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            client.close()

    def _client(self, on_connect: Callable[[bool], None]) -> Any:
        cfg = self.config
        common: dict[str, Any] = {
            "name": cfg.name,
            "timeout": cfg.connect_timeout,
            "retries": 0,
            # Never zero: pymodbus spins at 100 % CPU on a zero delay. The supervisor owns
            # reconnects; close() cancels pymodbus's own attempt.
            "reconnect_delay": 1.0,
            "reconnect_delay_max": 30.0,
            "trace_connect": on_connect,
        }
        if cfg.transport == "rtu":
            s = cfg.serial
            assert s is not None
            return AsyncModbusSerialClient(
                s.port,
                baudrate=s.baudrate,
                parity=s.parity,
                bytesize=s.bytesize,
                stopbits=s.stopbits,
                **common,
            )
        assert cfg.host is not None
        return AsyncModbusTcpClient(cfg.host, port=cfg.port, **common)

    # -- polling -------------------------------------------------------------------

    async def _poll_loop(
        self, client: Any, bus: asyncio.Lock, dev: _Device, fail: Callable[[BaseException], None]
    ) -> None:
        """Poll on a fixed-rate schedule; a silent device backs off on its own."""
        loop = asyncio.get_running_loop()
        interval = dev.cfg.poll_interval
        due = loop.time()
        while True:
            now = loop.time()
            if due > now:
                await asyncio.sleep(due - now)
            started = loop.time()
            if dev.failures == 0 and started - due > interval / 2:
                dev.late += 1  # the bus was busy (a slow or silent neighbour) or we overran
            answered = await self._poll(client, bus, dev)
            ended = loop.time()
            dev.polls += 1
            dev.duration = ended - started
            if answered:
                dev.answered_polls += 1
                self._device_up(dev)
                due += interval
                if due < ended - interval:  # more than a whole interval behind: skip
                    dev.late += 1
                    due = ended
            else:
                self._device_down(dev)
                delay = interval if dev.failures < 2 else dev.backoff.delay(dev.failures - 2)
                due = ended + delay
                if all(d.link_failures >= self.config.link_down_after for d in self.devices):
                    fail(
                        SourceError(
                            f"no device on {self.where} answered "
                            f"{self.config.link_down_after} polls in a row"
                        )
                    )
            self._publish_health()

    async def _poll(self, client: Any, bus: asyncio.Lock, dev: _Device) -> bool:
        """One cycle of the device's plan; emits its readings. True if the device answered."""
        values: dict[str, dict[str, float]] = {s: {} for s in dev.sensors}
        bad: dict[str, list[str]] = {s: [] for s in dev.sensors}
        answered = False
        i = 0
        while i < len(dev.plan):
            request = dev.plan[i]
            result = await self._read(client, bus, dev, request)
            if result is None:
                # Silence: the rest of this cycle would only time out as well.
                for decoders in dev.decoders[i:]:
                    for d in decoders:
                        bad[d.point.sensor_id].append(d.feature)
                break
            answered = True
            if isinstance(result, int):
                if self._split_on(dev, i, request, result):
                    continue
                self._exception(dev, request, result)
                for d in dev.decoders[i]:
                    bad[d.point.sensor_id].append(d.feature)
            else:
                for d in dev.decoders[i]:
                    value = d.value(result)
                    if isinstance(value, str):
                        dev.text[d.feature] = value
                    elif value is None:
                        bad[d.point.sensor_id].append(d.feature)
                    else:
                        values[d.point.sensor_id][d.feature] = value
            i += 1
        now = time.time()
        readings = [
            Reading(s, now, values[s], self.config.name, tuple(bad[s]), now)
            for s in dev.sensors
            if values[s] or bad[s]
        ]
        if readings:
            self.deliver(readings)
        return answered

    async def _read(
        self, client: Any, bus: asyncio.Lock, dev: _Device, request: ReadRequest
    ) -> list[int] | list[bool] | int | None:
        """Registers or bits, an exception code, or None when no valid answer came."""
        read = getattr(client, _READ[request.table])
        unit = dev.cfg.unit_id
        for _attempt in range(dev.cfg.retries + 1):
            async with bus:
                self.requests += 1
                try:
                    async with asyncio.timeout(dev.cfg.timeout):
                        response = await read(request.address, count=request.count, device_id=unit)
                except TimeoutError:
                    dev.last_error = f"no answer in {dev.cfg.timeout:g} s"
                    await self._after_silence(client)
                    continue
                except ConnectionException as err:
                    raise SourceError(f"lost {self.where}: {err}") from err
                except ModbusException as err:  # undecodable frame, no answer in pymodbus
                    dev.last_error = str(err)
                    await self._after_silence(client)
                    continue
                problem = _mismatch(request, unit, response)
                if problem:
                    # An answer to another request (a late one): never use it.
                    dev.last_error = problem
                    dev.mismatched += 1
                    self.health.error(f"{dev.name}: {problem}")
                    await self._after_silence(client)
                    continue
            if response.isError():
                return int(response.exception_code)
            if request.is_bits:
                return list(response.bits[: request.count])
            return list(response.registers)
        self.health.error(f"{dev.name}: {dev.last_error}")
        return None

    async def _write(self, client: Any, bus: asyncio.Lock, ops: list[WriteOp]) -> list[OpResult]:
        """Writes on this connection, under the bus lock the polls take (gateway.writes)."""

        async def read(cfg: ModbusDeviceConfig, request: ReadRequest) -> Any:
            try:
                return await self._read(client, bus, self._by_name[cfg.name], request)
            except SourceError as err:  # the link went during the read-back
                raise WriteUnavailable(str(err)) from err

        return await execute_writes(
            ops,
            client=client,
            bus=bus,
            read=read,
            after_silence=lambda: self._after_silence(client),
            where=self.where,
        )

    async def _after_silence(self, client: Any) -> None:
        """RTU: let a late answer arrive and throw it away before the next request."""
        serial = self.config.serial
        if self.config.transport != "rtu" or serial is None:
            return  # TCP answers carry a transaction id that pymodbus checks
        await asyncio.sleep(serial.flush_after_timeout)
        # pymodbus has no public flush; its protocol buffers what the reader received.
        ctx = client.ctx
        ctx.recv_buffer = b""
        port = getattr(ctx.transport, "sync_serial", None)
        if port is not None:
            with contextlib.suppress(OSError, ValueError):
                port.reset_input_buffer()

    # -- device state, errors, health ------------------------------------------------

    def _split_on(self, dev: _Device, index: int, request: ReadRequest, code: int) -> bool:
        """A device refusing a merged read over unmapped registers gets it split for good."""
        if code != ILLEGAL_ADDRESS or not request.covers_gaps(dev.cfg.points):
            return False
        parts = split(request, dev.cfg.points)
        if len(parts) < 2:
            return False
        log.warning(
            "source %s: device %s refuses to read %d registers from %s %d across unmapped "
            "registers; reading it in %d requests from now on",
            self.config.name,
            dev.name,
            request.count,
            request.table,
            request.address,
            len(parts),
            extra={"component": self.config.name},
        )
        dev.replace(index, parts)
        self._publish_health()
        return True

    def _exception(self, dev: _Device, request: ReadRequest, code: int) -> None:
        text = (
            f"exception {code} ({_EXCEPTIONS.get(code, 'unknown')}) reading "
            f"{request.count} from {request.table} {request.address}"
        )
        dev.last_error = text
        self.health.error(f"{dev.name}: {text}")
        if dev.last_exception != (request.address, code):  # log a change, not every poll
            dev.last_exception = (request.address, code)
            log.warning(
                "source %s: device %s answered %s",
                self.config.name,
                dev.name,
                text,
                extra={"component": self.config.name},
            )

    def _device_up(self, dev: _Device) -> None:
        if dev.failures:
            log.info(
                "source %s: device %s answers again after %.1f s",
                self.config.name,
                dev.name,
                time.time() - (dev.down_since or time.time()),
                extra={"component": self.config.name, "device": dev.name},
            )
        dev.failures = 0
        dev.link_failures = 0
        dev.down_since = None
        self.health.up()

    def _device_down(self, dev: _Device) -> None:
        dev.failures += 1
        dev.link_failures += 1
        if dev.failures == 1:
            dev.down_since = time.time()
            log.warning(
                "source %s: device %s (unit %d) does not answer: %s",
                self.config.name,
                dev.name,
                dev.cfg.unit_id,
                dev.last_error,
                extra={"component": self.config.name, "device": dev.name},
            )

    def _publish_health(self) -> None:
        devices = {d.name: d.snapshot() for d in self.devices}
        extra = self.health.extra
        extra["devices"] = devices
        extra["requests"] = self.requests
        extra["requests_per_cycle"] = sum(len(d.plan) for d in self.devices)
        extra["late_polls"] = sum(d.late for d in self.devices)
        extra["poll_duration_ms"] = max(v["poll_duration_ms"] for v in devices.values())


def _mismatch(request: ReadRequest, unit: int, response: ModbusPDU) -> str | None:
    """Why this answer is not the answer to ``request`` (None when it is)."""
    fc = response.function_code & 0x7F
    if fc != request.function_code:
        return f"answer with function code {fc} to a request with {request.function_code}"
    if unit and response.dev_id != unit:
        return f"answer from unit {response.dev_id} to a request to unit {unit}"
    if response.isError():
        return None
    if request.is_bits:
        expected = 8 * ((request.count + 7) // 8)  # bits come in whole bytes
        if len(response.bits) != expected:
            return f"answer with {len(response.bits)} bits to a read of {request.count}"
    elif len(response.registers) != request.count:
        return f"answer with {len(response.registers)} registers to a read of {request.count}"
    return None
