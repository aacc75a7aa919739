"""Fixtures shared by every test: a real mosquitto broker, fast backoff."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

# The helpers under tests/support (the model fixtures among them) get pytest's assertion
# messages too; registered before any of them is imported.
pytest.register_assert_rewrite("tests.support")

from hypothesis import HealthCheck, settings  # noqa: E402

from gateway import supervisor  # noqa: E402
from tests.support.mosquitto import Mosquitto  # noqa: E402

# The suite shares 2 cores with real brokers and servers: a property test's first input
# can take seconds to generate. Correctness is what these tests check, not speed.
settings.register_profile("aastreli", suppress_health_check=[HealthCheck.too_slow], deadline=None)
settings.load_profile("aastreli")


@pytest.fixture(autouse=True)
def _fast_backoff() -> Iterator[None]:
    # Tests shorten the supervisor's backoff; the production delays are tested on their own.
    supervisor.set_testing(0.1)
    yield
    supervisor.set_testing(1.0)


@pytest.fixture(autouse=True)
def _own_redactions() -> Iterator[None]:
    # The log redaction is process-wide: a target one test saves (a webhook whose path is
    # "/webhook") would otherwise hide that word from the next tests' logs and details.
    from gateway.logs import REDACTOR

    with REDACTOR._lock:
        saved = dict(REDACTOR._shown)
    yield
    with REDACTOR._lock:
        REDACTOR._shown = saved
        REDACTOR._pattern = None


@pytest.fixture
def mosquitto(tmp_path: Path) -> Iterator[Mosquitto]:
    broker = Mosquitto(tmp_path / "mosquitto").start()
    yield broker
    broker.stop()
