"""The plant over Modbus TCP and RTU (pymodbus's own servers), one unit id per asset.

Layout (also in docs/simulator.md): one unit id per asset (1, 2, ... in the order of the
served assets). Feature i of PLANT_FEATURES is a float32, big-endian word and byte order
(ABCD), in the two registers at address 2*i; 40 registers from 0 to 39. The device uses
one shared block, so holding (FC3) and input (FC4) reads return the same registers;
writes are refused.
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

        return [
            SimDevice(
                id=self.unit_ids[a],
                simdata=[
                    SimData(
                        0,
                        count=MODBUS_REGISTERS,
                        values=0,
                        datatype=DataType.REGISTERS,
                        readonly=True,
                    )
                ],
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
    ) -> None:
        # pymodbus hands the device's live register list to this hook before answering;
        # copying the latest tick in here means the update loop never touches pymodbus's
        # internals. The list has one extra (invalid) register at the end: left alone.
        registers[:MODBUS_REGISTERS] = self._registers[asset]

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
