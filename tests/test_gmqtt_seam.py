"""The gmqtt seam against the pinned gmqtt: every private name it uses is there, and one
that is not stops the gateway at start with a message naming the installed version.

What the seam's clients do (acknowledgements kept until the disk has the readings,
PUBACK reason codes, no reconnect of gmqtt's own) is tested through their users
against a real mosquitto: test_source_mqtt_ack.py, test_upstream_mqtt.py and the
Sparkplug tests (the will chosen at each CONNECT, test_sparkplug_wire.py).
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import gmqtt
import pytest
import yaml
from gmqtt.mqtt.constants import MQTTv311
from gmqtt.mqtt.handler import MqttPackageHandler

from gateway import gmqtt_seam
from gateway.errors import StartupError
from tests.support.mosquitto import MOSQUITTO, Mosquitto

ROOT = Path(__file__).resolve().parents[1]


def test_the_pinned_gmqtt_has_every_private_name_the_seam_uses() -> None:
    assert gmqtt_seam.check() == []
    assert gmqtt.__version__ == gmqtt_seam.TESTED_VERSION == gmqtt_seam.VERSION
    pins = (ROOT / "constraints.txt").read_text()
    assert f"gmqtt=={gmqtt_seam.TESTED_VERSION}\n" in pins


def test_a_missing_method_is_named_with_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(MqttPackageHandler, "_handle_puback_packet")
    assert gmqtt_seam.check() == ["MqttPackageHandler._handle_puback_packet is missing"]
    with pytest.raises(StartupError) as err:
        gmqtt_seam.require()
    assert isinstance(err.value, gmqtt_seam.GmqttSeamError)
    text = str(err.value)
    assert "gmqtt 0.8.0 is installed" in text and "_handle_puback_packet is missing" in text
    assert "Install gmqtt==0.8.0" in text


def test_a_changed_signature_and_a_lost_attribute_are_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def send_puback(self: object, mid: int, code: int = 0) -> None: ...

    # A release whose constructor keeps the will elsewhere: what dis finds assigned in
    # the constructors is what counts.
    def init_without_will(self: gmqtt.Client, client_id: str, **kwargs: object) -> None:
        self._package_handler = None
        self._connection = None
        self._is_active = False

    monkeypatch.setattr(MqttPackageHandler, "_send_puback", send_puback)
    monkeypatch.setattr(gmqtt.Client, "__init__", init_without_will)
    problems = gmqtt_seam.check()
    assert problems == [
        "MqttPackageHandler._send_puback(self, mid, code)"
        " is not _send_puback(self, mid, reason_code)",
        "Client() no longer sets _will_message",
    ]


def test_connect_must_read_the_will_after_opening_the_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def connect(self: gmqtt.Client, host: str, port: int = 1883, **kw: object) -> None:
        will = self._will_message  # read before the TCP connection: the hook comes too late
        self._connection = await self._create_connection(host, port, False, True, 60)
        await self._connection.auth(self._client_id, None, None, will_message=will)

    monkeypatch.setattr(gmqtt.Client, "connect", connect)
    assert gmqtt_seam.check() == [
        "Client.connect no longer reads _will_message after _create_connection"
    ]


def test_the_gateway_refuses_to_start_on_a_gmqtt_without_a_name(tmp_path: Path) -> None:
    """``aastreli run`` with an MQTT source, on a gmqtt whose PUBACK sender is gone: the
    start fails with the seam's message, and nothing is left running."""
    cfg = tmp_path / "gw.yaml"
    cfg.write_text(
        yaml.safe_dump(
            {
                "gateway": {"id": "gw-seam", "data_dir": str(tmp_path / "data")},
                "model": {"package": None},
                "web": {"enabled": False},
                "sources": [{"name": "plant", "kind": "mqtt", "port": 1, "topics": ["sensors/#"]}],
            }
        )
    )
    code = (
        "import sys; from gmqtt.mqtt.handler import MqttPackageHandler as H;"
        "del H._send_puback; from gateway.cli import main;"
        f"sys.exit(main(['run', '--config', {str(cfg)!r}]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode != 0
    assert re.search(
        r"error: gmqtt 0\.8\.0 is installed, but the gateway needs the private API of gmqtt "
        r"0\.8\.0 \(constraints\.txt\): MqttPackageHandler\._send_puback is missing",
        out.stderr,
    ), out.stderr[-2000:]
    assert "Traceback" not in out.stderr


@pytest.mark.skipif(not hasattr(socket, "TCP_QUICKACK"), reason="TCP_QUICKACK is Linux's")
@pytest.mark.skipif(not Path(MOSQUITTO).exists(), reason="no mosquitto (the Python 3.14 chroot)")
async def test_the_handles_reach_the_live_connection(mosquitto: Mosquitto) -> None:
    """The source's handles on a real connection: the socket for TCP_QUICKACK (without it
    the broker's next write waits on a delayed ACK: +12 ms median latency), raw writes."""
    client = gmqtt_seam.SubscriberClient(f"seam-{uuid.uuid4().hex[:8]}")
    await client.connect("127.0.0.1", mosquitto.port, version=MQTTv311)
    try:
        sock = client.socket()
        assert sock is not None
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 0)
        client.quick_ack()
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK) == 1
        assert client.link_is_open() and client.send_raw(b"\xc0\x00")  # PINGREQ
        assert client.take_acks() == []
    finally:
        await client.close_link(2.0)
    assert not client.link_is_open() and not client.send_raw(b"\xc0\x00")
