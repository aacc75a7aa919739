"""The channel registry: every target type has a channel, found by its type name."""

from __future__ import annotations

import pytest

from gateway.alerts.channels.base import _KINDS, Channel, channel_class
from gateway.alerts.targets import TYPES


def test_every_target_type_has_a_channel() -> None:
    assert set(_KINDS) == set(TYPES)


@pytest.mark.parametrize("kind", TYPES)
def test_a_type_name_gives_its_channel_class(kind: str) -> None:
    factory = channel_class(kind)
    assert factory is not None and issubclass(factory, Channel)
    # Only email addresses and phone numbers are shown unmasked; URLs may hold secrets.
    assert factory.secret_address is (kind not in ("email", "sms"))


def test_an_unknown_type_has_no_channel() -> None:
    assert channel_class("pager") is None
    assert channel_class("skip") is None  # not a method name of anything either
