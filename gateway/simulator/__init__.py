"""The plant simulator: a pump-motor set model served over Modbus, OPC UA and MQTT."""

from gateway.simulator.plant import (
    FAULTS,
    Cycle,
    FaultEvent,
    Plant,
    ScheduleError,
    generate_dataset,
    parse_fault,
)

__all__ = [
    "FAULTS",
    "Cycle",
    "FaultEvent",
    "Plant",
    "ScheduleError",
    "generate_dataset",
    "parse_fault",
]
