"""Config model of asset state: when an asset without fresh readings counts as stale."""

from __future__ import annotations

from pydantic import Field

from gateway.config.base import StrictModel


class AssetsConfig(StrictModel):
    """How ``stale_after`` is derived for an asset whose source does not set it.

    An asset is stale when no fresh reading (one with at least one good value) arrived
    for ``stale_after`` seconds: ``stale_factor`` times the interval it is expected at
    (a Modbus device's ``poll_interval``, an OPC UA source's poll interval or keep-alive
    period, else the median gap between its last readings), never less than
    ``stale_min``. A source or Modbus device may set ``stale_after`` itself.
    """

    stale_factor: float = Field(
        3.0, ge=1, le=100, description="expected intervals without a fresh reading: stale"
    )
    stale_min: float = Field(
        5.0, gt=0, le=86400, description="seconds: a derived stale_after is never shorter"
    )
    stale_default: float = Field(
        60.0,
        gt=0,
        le=86400,
        description="seconds: stale_after of an asset whose interval is not known yet "
        "(an MQTT asset before its second reading)",
    )
    gaps: int = Field(
        16, ge=1, le=1000, description="recent gaps between readings the median is taken over"
    )
