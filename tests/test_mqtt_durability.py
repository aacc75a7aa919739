"""Nothing the plant broker held is lost: MQTT messages are acknowledged only once stored.

A real plant mosquitto, a QoS 1 publisher, the real gateway (``python -m gateway run``
with a persistent session, history and the upstream outbox) SIGKILLed ten times at
random moments and started again at once, at a low and at a high rate, with and
without the cloud broker down around the kills: every reading published reaches the
cloud, each asset's messages in sequence order without a gap; duplicates are allowed
(a reading stored whose acknowledgement the kill cut off comes again) and reported.

``ack: received`` (acknowledge on receipt, the behaviour before) is shown to lose
readings in the same run, so the test would catch a return to it.

A file-system snapshot taken at the kill (the gateway frozen, its data folder copied,
the next start on the copy) is enough to continue without loss. A power cut differs
from that only by what the page cache held and had not synced: every acknowledgement
follows an SQLite commit with ``synchronous=FULL`` (checked in
tests/test_source_mqtt_ack.py); docs/upstream.md says why that is the strongest check
that runs here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.durability import run_scenario

pytestmark = pytest.mark.timeout(240)


@pytest.mark.parametrize(
    ("rate", "outage"),
    [(60, False), (1500, False), (60, True), (1500, True)],
    ids=["60/s", "1500/s", "60/s-cloud-down", "1500/s-cloud-down"],
)
def test_sigkills_lose_nothing_the_broker_held(tmp_path: Path, rate: int, outage: bool) -> None:
    r = run_scenario(tmp_path, rate=rate, kills=10, outage=outage, seed=rate)
    print(r.summary())
    assert sum(r.published.values()) > rate * 5
    assert r.lost == 0, {a: m[:10] for a, m in r.missing.items() if m}
    assert not r.seq_problems


def test_a_snapshot_of_the_data_folder_at_each_kill_is_enough(tmp_path: Path) -> None:
    """Each restart runs on a copy of the data folder taken at the moment of the kill
    (the process frozen, every thread): the files alone carry everything acknowledged."""
    r = run_scenario(tmp_path, rate=1500, kills=10, seed=7, snapshots=True)
    print(r.summary())
    assert r.lost == 0, {a: m[:10] for a, m in r.missing.items() if m}
    assert not r.seq_problems


def test_acknowledging_on_receipt_loses_readings_on_a_kill(tmp_path: Path) -> None:
    """The control: the same run with the old rule loses what was in memory at each kill."""
    r = run_scenario(tmp_path, rate=1500, kills=6, ack="received", seed=1)
    print(r.summary())
    assert r.lost > 0
