"""The plant over Modbus TCP and RTU (pymodbus's own servers), one unit id per asset.

Layout (also in docs/simulator.md): one unit id per asset (1, 2, ... in the order of the
served assets). Feature i of PLANT_FEATURES is a float32, big-endian word and byte order
(ABCD), in the two registers at address 2*i; 40 registers from 0 to 39, the same in the
holding (FC3) and input (FC4) tables, read-only. What a write changes:

- coil 0, the stop command: 1 stops the set, 0 starts it (FC5, FC15);
- holding registers 40-41, the speed setpoint: a float32 (ABCD) in % of nominal speed,
  50-110, or 0 to follow the demand cycle again (FC16 over both registers); another
  value is refused with exception 3 (illegal data value), half of it with the same;
- discrete input 0 (read-only): 1 while the set turns.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Sequence
from typing import Any

from gateway.features import PLANT_FEATURES
from gateway.simulator.base import PlantServer, SimClock, SimulatorError
from gateway.simulator.plant import Plant

# 2 registers per float32 feature, feature i at 2*i.
MODBUS_REGISTERS = 2 * len(PLANT_FEATURES)
STOP_COIL = 0
SPEED_REGISTER = MODBUS_REGISTERS  # holding 40-41
RUNNING_INPUT = 0


def float_registers(values: Sequence[float]) -> list[int]:
    """float32 values to registers, big-endian words and bytes (ABCD)."""
    raw = struct.pack(f">{len(values)}f", *values)
    return list(struct.unpack(f">{2 * len(values)}H", raw))


class _ModbusPlantBase(PlantServer):
    protocol = "modbus"

    def __init__(
        self,
        plant: Plant,
        assets: Sequence[str],
        *,
        clock: SimClock | None = None,
        interval: float = 1.0,
        first_unit: int = 1,
    ) -> None:
        super().__init__(plant, assets, clock=clock, interval=interval)
        if not 1 <= first_unit <= 248 - len(self.assets):
            raise ValueError("unit ids must stay within 1..247")
        # Unit id 0 is the broadcast address (and pymodbus's "any device"): never used.
        self.unit_ids = {a: first_unit + i for i, a in enumerate(self.assets)}
        self._registers = {a: [0] * MODBUS_REGISTERS for a in self.assets}
        self._server: Any = None

    def _devices(self) -> list[Any]:
        from pymodbus.simulator import DataType, SimData, SimDevice

        def plant_block() -> SimData:
            return SimData(
                0, count=MODBUS_REGISTERS, values=0, datatype=DataType.REGISTERS, readonly=True
            )

        return [
            SimDevice(
                id=self.unit_ids[a],
                simdata=(
                    [SimData(STOP_COIL, values=[False] * 16, datatype=DataType.BITS)],
                    [SimData(0, values=[True] * 16, datatype=DataType.BITS, readonly=True)],
                    [
                        plant_block(),
                        SimData(SPEED_REGISTER, count=2, values=0, datatype=DataType.REGISTERS),
                    ],
                    [plant_block()],
                ),
                action=functools.partial(self._on_access, a),
            )
            for a in self.assets
        ]

    async def _on_access(
        self,
        asset: str,
        function_code: int,
        start_address: int,
        address: int,
        count: int,
        registers: list[int],
        set_values: list[int] | list[bool] | None,
    ) -> Any:
        # pymodbus hands the device's live register list to this hook before answering
        # (and, for a write, before storing the values); copying the latest tick in here
        # means the update loop never touches pymodbus's internals.
        if function_code in (3, 4, 6, 16, 23):
            registers[:MODBUS_REGISTERS] = self._registers[asset]
        elif function_code == 2:
            running = self.plant.controls[asset].levels(self.clock.now())[0] > 0.5
            registers[0] = (registers[0] & ~1) | int(running)
        if set_values:
            return self._command(asset, function_code, address, list(set_values))
        return None

    def _command(self, asset: str, function_code: int, address: int, values: list[Any]) -> Any:
        """A write: stop or start the set, or set its speed; exception 3 for a bad value."""
        from pymodbus.constants import ExcCodes

        now = self.clock.now()
        try:
            if function_code in (5, 15) and address == STOP_COIL:
                self.plant.command(asset, now, stop=bool(values[0]))
            elif function_code in (6, 16, 23):
                if address != SPEED_REGISTER or len(values) != 2:
                    return ExcCodes.ILLEGAL_VALUE  # half a float32, or not the setpoint
                (speed,) = struct.unpack(">f", struct.pack(">2H", *values))
                self.plant.command(asset, now, speed=speed)
        except ValueError:
            return ExcCodes.ILLEGAL_VALUE
        return None

    async def _push(self, tick: int) -> None:
        for asset in self.assets:
            values = self.last[asset]
            self._registers[asset] = float_registers([values[n] for n in PLANT_FEATURES])

    async def _close(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            await server.shutdown()


class ModbusPlantServer(_ModbusPlantBase):
    """Modbus TCP server (pymodbus's own), one unit id per asset."""

    def __init__(
        self,
        plant: Plant,
        assets: Sequence[str],
        *,
        host: str = "127.0.0.1",
        port: int = 5020,
        clock: SimClock | None = None,
        interval: float = 1.0,
        first_unit: int = 1,
    ) -> None:
        super().__init__(plant, assets, clock=clock, interval=interval, first_unit=first_unit)
        self.host = host
        self.port = port

    async def _open(self) -> None:
        from pymodbus.server import ModbusTcpServer

        server = ModbusTcpServer(self._devices(), address=(self.host, self.port))
        try:
            await server.serve_forever(background=True)
        except (RuntimeError, OSError) as err:
            server.close()
            raise SimulatorError(
                f"Modbus TCP server cannot listen on {self.host}:{self.port}: {err}"
            ) from err
        self._server = server


class ModbusRtuPlantServer(_ModbusPlantBase):
    """Modbus RTU server on a serial port (a USB adapter, or one end of a socat pty pair)."""

    def __init__(
        self,
        plant: Plant,
        assets: Sequence[str],
        *,
        port: str,
        baudrate: int = 19200,
        parity: str = "E",
        bytesize: int = 8,
        stopbits: int = 1,
        clock: SimClock | None = None,
        interval: float = 1.0,
        first_unit: int = 1,
    ) -> None:
        super().__init__(plant, assets, clock=clock, interval=interval, first_unit=first_unit)
        self.port = port
        self.baudrate, self.parity, self.bytesize, self.stopbits = (
            baudrate,
            parity,
            bytesize,
            stopbits,
        )

    async def _open(self) -> None:
        from pymodbus.server import ModbusSerialServer

        server = ModbusSerialServer(
            self._devices(),
            port=self.port,
            baudrate=self.baudrate,
            parity=self.parity,
            bytesize=self.bytesize,
            stopbits=self.stopbits,
        )
        try:
            await server.serve_forever(background=True)
        except (RuntimeError, OSError) as err:
            server.close()
            raise SimulatorError(f"Modbus RTU server cannot open {self.port}: {err}") from err
        self._server = server


def modbus_rtu_server(
    plant: Plant, assets: Sequence[str], port: str, **kwargs: Any
) -> ModbusRtuPlantServer:
    """An RTU server for ``assets`` on the serial device ``port`` (not started)."""
    return ModbusRtuPlantServer(plant, assets, port=port, **kwargs)
