"""Where a notification target may connect: ``alerts.allow_private_targets`` (issue #20, 7).

The re-test made targets reach 169.254.169.254 and the gateway's own loopback ports with
any method and headers. By default (``lan``) loopback, link-local, unspecified,
multicast and reserved addresses are refused on every connection a delivery makes, by
address after name resolution; the plant's private ranges stay allowed.
"""

from __future__ import annotations

import ipaddress
import time
from typing import Any

import pytest

from gateway.alerts import messages
from gateway.alerts.delivery import Sender
from gateway.alerts.targets import Target
from gateway.config.alerts import AlertsConfig
from tests.support.alerts import HttpReceiver


@pytest.mark.parametrize(
    ("address", "lan", "public"),
    [
        ("127.0.0.1", False, False),
        ("127.8.9.10", False, False),
        ("::1", False, False),
        ("::ffff:127.0.0.1", False, False),
        ("169.254.169.254", False, False),
        ("fe80::1", False, False),
        ("0.0.0.0", False, False),
        ("224.0.0.251", False, False),
        ("240.0.0.1", False, False),
        ("10.20.30.40", True, False),
        ("172.16.5.4", True, False),
        ("192.168.1.20", True, False),
        ("100.64.0.7", True, False),
        ("fd12:3456::1", True, False),
        ("8.8.8.8", True, True),
        ("2001:4860:4860::8888", True, True),
    ],
)
def test_the_policy_per_address(address: str, lan: bool, public: bool) -> None:
    from gateway.alerts.egress import refusal

    ip = ipaddress.ip_address(address)
    assert (refusal(ip, "lan") is None) is lan
    assert (refusal(ip, "public") is None) is public
    assert refusal(ip, "all") is None


def _send(policy: str | None, kind: str, address: str) -> Any:
    tree = {"delivery": {"attempt_timeout": 3}}
    if policy is not None:
        tree["allow_private_targets"] = policy  # type: ignore[assignment]
    sender = Sender(AlertsConfig.model_validate(tree))
    return sender.send(Target(kind, address), messages.make_test_notice(time.time()), "k")


def test_loopback_and_metadata_targets_are_refused_by_default() -> None:
    hook = HttpReceiver().start()
    try:
        for kind, address in [
            ("webhook", f"{hook.url}/hook?token=t0ken-value"),
            ("webhook", f"http://localhost:{hook.port}/by-name"),
            ("apprise", f"json://127.0.0.1:{hook.port}/apprise?-X-Method=PUT"),
            ("webhook", "http://169.254.169.254/latest/meta-data/"),
            ("apprise", "json://169.254.169.254/latest/meta-data/"),
        ]:
            outcome = _send(None, kind, address)
            assert outcome.status == "failed", (address, outcome)
            assert "refused by alerts.allow_private_targets (lan)" in outcome.detail, outcome
        assert hook.requests == []  # nothing reached the gateway's own port
        # An operator who wants a receiver on the gateway itself says so.
        assert _send("all", "webhook", f"{hook.url}/hook").status == "sent"
        assert len(hook.requests) == 1
    finally:
        hook.stop()
