"""Fixtures shared by every test: a real mosquitto broker, fast backoff."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gateway import supervisor
from tests.support.mosquitto import Mosquitto


@pytest.fixture(autouse=True)
def _fast_backoff() -> Iterator[None]:
    # Tests shorten the supervisor's backoff; the production delays are tested on their own.
    supervisor.set_testing(0.1)
    yield
    supervisor.set_testing(1.0)


@pytest.fixture
def mosquitto(tmp_path: Path) -> Iterator[Mosquitto]:
    broker = Mosquitto(tmp_path / "mosquitto").start()
    yield broker
    broker.stop()
