"""The sender's rules against a scripted link: order, backlog, refusals, resends after a drop.

The link here is a stand-in that records what is published and lets the test decide
which PUBACKs come back and with which reason code; the real broker cases are in
test_upstream_mqtt.py.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any, ClassVar

import pytest

from gateway.config.upstream import UpstreamConfig
from gateway.health import ComponentHealth
from gateway.upstream.forwarder import Forwarder
from gateway.upstream.outbox import NewMessage, Outbox


class ScriptedLink:
    """Publishes into a list; PUBACKs only when the test says so."""

    instances: ClassVar[list[ScriptedLink]] = []

    def __init__(self, config: UpstreamConfig, *, gateway_id: str, on_puback: Any) -> None:
        self.lost = asyncio.Event()
        self.window = config.max_inflight
        self.on_puback = on_puback
        self.published: list[tuple[int, int, dict[str, Any]]] = []  # (mid, row seq, payload)
        self.next_mid = 1
        self.auto_ack: int | None = 0  # reason code sent at once, or None for no PUBACK
        ScriptedLink.instances.append(self)

    async def connect(self) -> None:
        return

    def publish(self, topic: str, payload: bytes, qos: int) -> int | None:
        mid = self.next_mid
        self.next_mid += 1
        msg = json.loads(payload)
        self.published.append((mid, msg["seq"], msg))
        if self.auto_ack is not None:
            asyncio.get_running_loop().call_soon(self.on_puback, mid, self.auto_ack)
        return mid

    async def close(self, *, graceful: bool = True) -> None:
        self.lost.set()


def message(stream: str, i: int) -> NewMessage:
    return NewMessage(stream, f"t/{stream}", json.dumps({"sensor_id": stream, "i": i}).encode(), 1)


async def settle(cond: Any, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.01)):
        if cond():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition not met")


@pytest.fixture
def outbox(tmp_path: Path) -> Any:
    ob = Outbox(tmp_path / "o.sqlite3", max_bytes=10**8)
    yield ob
    ob.close()


def make(outbox: Outbox, **cfg: Any) -> Forwarder:
    ScriptedLink.instances.clear()
    config = UpstreamConfig(enabled=True, **cfg)
    return Forwarder(
        outbox,
        config,
        gateway_id="gw",
        health=ComponentHealth("link", "sink"),
        client_factory=ScriptedLink,
    )


async def test_backlog_first_then_live_in_one_order(outbox: Outbox) -> None:
    outbox.append([message("a", i) for i in range(30)])  # left from before a restart
    fw = make(outbox, drain_rate=1000)
    task = asyncio.create_task(fw.run())
    await settle(lambda: ScriptedLink.instances)
    fw.push(outbox.append([message("a", i) for i in range(30, 40)]).rows)
    await settle(lambda: outbox.messages == 0)
    link = ScriptedLink.instances[0]
    assert [seq for _, seq, _ in link.published] == list(range(1, 41))
    assert fw.resent == 30  # rows found at start may have been sent by the last process
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def test_live_first_sends_new_messages_beside_the_backlog(outbox: Outbox) -> None:
    outbox.append([message("a", i) for i in range(200)])
    fw = make(outbox, order="live_first", drain_rate=20)  # a slow drain: 20 messages/s
    task = asyncio.create_task(fw.run())
    await settle(lambda: ScriptedLink.instances and ScriptedLink.instances[0].published)
    fw.push(outbox.append([message("a", 1000)]).rows)
    link = ScriptedLink.instances[0]
    await settle(lambda: any(seq == 201 for _, seq, _ in link.published))
    assert outbox.messages > 150  # the live one went out long before the backlog
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def test_a_refused_message_stays_and_is_sent_again(outbox: Outbox) -> None:
    fw = make(outbox, retry_refused_s=0.2)
    task = asyncio.create_task(fw.run())
    await settle(lambda: ScriptedLink.instances)
    link = ScriptedLink.instances[0]
    link.auto_ack = 0x87  # Not authorized
    fw.push(outbox.append([message("a", 0), message("a", 1)]).rows)
    await settle(lambda: fw.refused == 2)
    assert outbox.messages == 2 and fw.health.sent == 0 and fw.health.errors == 2
    assert "0x87" in (fw.health.last_error or "")
    link.auto_ack = 0x10  # No matching subscribers: a success (below 0x80)
    await settle(lambda: outbox.messages == 0)
    assert [seq for _, seq, _ in link.published] == [1, 2, 1, 2]
    assert fw.health.sent == 2
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def test_a_lost_link_resends_only_what_was_not_acknowledged(outbox: Outbox) -> None:
    fw = make(outbox)
    task = asyncio.create_task(fw.run())
    await settle(lambda: ScriptedLink.instances)
    first = ScriptedLink.instances[0]
    fw.push(outbox.append([message("a", i) for i in range(5)]).rows)
    await settle(lambda: outbox.messages == 0)
    first.auto_ack = None  # the next PUBACKs never come
    fw.push(outbox.append([message("a", i) for i in range(5, 10)]).rows)
    await settle(lambda: len(first.published) == 10)
    # Two of the five are acknowledged before the link drops.
    fw._on_puback(first.published[5][0], 0)
    fw._on_puback(first.published[6][0], 0)
    first.lost.set()
    # The supervisor's part: a new connection.
    await asyncio.gather(task, return_exceptions=True)
    task = asyncio.create_task(fw.run())
    await settle(lambda: len(ScriptedLink.instances) == 2)
    await settle(lambda: outbox.messages == 0)
    second = ScriptedLink.instances[1]
    assert [seq for _, seq, _ in second.published] == [8, 9, 10]
    assert fw.resent == 3
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def test_rows_dropped_by_the_budget_are_not_sent(outbox: Outbox) -> None:
    fw = make(outbox)
    rows = outbox.append([message("a", i) for i in range(5)]).rows
    fw.push(rows)  # in memory, link not up yet
    outbox.delete([r.id for r in rows[:3]])
    fw.push([], dropped_upto=rows[2].id)
    task = asyncio.create_task(fw.run())
    await settle(lambda: outbox.messages == 0)
    assert [seq for _, seq, _ in ScriptedLink.instances[0].published] == [4, 5]
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


@pytest.mark.parametrize("steps", range(5))
async def test_a_stop_that_meets_a_wake_ends_the_sender(outbox: Outbox, steps: int) -> None:
    """A cancellation that arrives as the idle sender is woken (a push, a PUBACK) stops it.

    Python 3.11's ``asyncio.wait_for`` returns the inner result and drops a cancellation
    that lands after the awaited event fired but before the waiting task resumed. The
    sender then went on after a stop until the runtime cancelled it again (each second),
    and test_supervised_tasks, which cancels once, waited for it for good. The
    cancellation is sent 0-4 loop steps after the wake, across that window (0-2 lost it).
    """
    fw = make(outbox)
    task = asyncio.create_task(fw.run())
    await settle(lambda: fw.connected)
    for _ in range(3):
        await asyncio.sleep(0)  # the sender is idle, waiting for its wake
    fw._wake.set()
    for _ in range(steps):
        await asyncio.sleep(0)
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=10)
    assert done == {task} and task.cancelled(), "the sender went on after its cancellation"
