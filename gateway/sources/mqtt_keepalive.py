"""Noticing a broker that stopped answering while its TCP connection stays open.

A broker process that is paused (SIGSTOP, a hung host, a stuck VM) keeps its sockets
open: the kernel still accepts our packets, nothing comes back, and no error ever
arrives. gmqtt 0.8 pings when the link was idle for 0.8 x keepalive (it looks every
keepalive/2) and closes it only after 2 x keepalive without a packet in, so such a
broker would be noticed 2 to 2.5 keepalives late. MQTT's own rule, for the server, is
1.5 x keepalive; this watch holds the client to it: a PINGREQ of its own after half a
keepalive without a packet from the broker, and the link is given up after 1.5
keepalives without one. A healthy broker answers a ping in milliseconds, so an idle
link hears from it every half keepalive and is never given up by mistake.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

PINGREQ = b"\xc0\x00"  # MQTT 3.1.1 and 5: fixed header, remaining length 0
LIMIT = 1.5  # keepalives without a packet from the broker: the link is lost
PING_AFTER = 0.5  # keepalives without a packet: ask with a PINGREQ
MIN_SLEEP = 0.05


async def watch_broker(
    last_packet: Callable[[], float],
    send: Callable[[bytes], object],
    keepalive: float,
) -> str:
    """Return (the reason) once the broker sent nothing for 1.5 x ``keepalive`` seconds.

    ``last_packet()`` is the monotonic time of the last packet received; ``send`` writes
    bytes to the link.
    """
    limit, ping_after = LIMIT * keepalive, PING_AFTER * keepalive
    pinged_for = -1.0  # the last_packet() value a ping was sent after
    while True:
        last = last_packet()
        silent = time.monotonic() - last
        if silent >= limit:
            return (
                f"no packet from the broker in {silent:.1f} s "
                f"({LIMIT:g} x keepalive {keepalive:g} s): it does not answer"
            )
        if silent >= ping_after and pinged_for != last:
            send(PINGREQ)
            pinged_for = last
        wake = limit if pinged_for == last else ping_after
        await asyncio.sleep(max(MIN_SLEEP, wake - silent))
