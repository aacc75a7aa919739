"""A real headless Chromium against a running gateway reading the plant simulator.

First-run admin creation with the setup code, login, the dashboard's live values changing,
settings saved and still there after a reload, a test notification reaching a local
webhook receiver, and logout. Screenshots and page load times go to ``test-artifacts/``.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.browser import until as _until
from tests.support.net import free_port
from tests.support.web import RunningGateway

playwright_sync = pytest.importorskip("playwright.sync_api")

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
EMAIL, PASSWORD = "plant.admin@example.com", "copper valve whistles 7"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs the chromium package"),
]


class WebhookReceiver:
    """A plain HTTP server that records what is POSTed to it."""

    def __init__(self) -> None:
        received = self.received = []  # type: list[dict[str, Any]]

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                received.append(
                    {
                        "path": self.path,
                        "body": body.decode(errors="replace"),
                        "type": self.headers.get("Content-Type"),
                    }
                )
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: Any) -> None:
                pass

        self.port = free_port()
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/aastreli-test"

    def __enter__(self) -> WebhookReceiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[RunningGateway]:
    gw = RunningGateway(tmp_path / "data").start()
    yield gw
    gw.stop()


def _timing(page: Any) -> dict[str, float]:
    return page.evaluate(
        """() => { const n = performance.getEntriesByType('navigation')[0];
                   return {ttfb_ms: n.responseStart - n.startTime,
                           dom_ms: n.domContentLoadedEventEnd - n.startTime,
                           load_ms: n.loadEventEnd - n.startTime}; }"""
    )


def _cookie(context: Any, name: str) -> str | None:
    return next((c["value"] for c in context.cookies() if c["name"] == name), None)


def _values(page: Any, sensor: str) -> list[str]:
    return page.eval_on_selector_all(
        f"article[data-sensor='{sensor}'] td.value", "cells => cells.map(c => c.textContent)"
    )


def _wait_for_change(page: Any, sensor: str, timeout: float = 25.0) -> tuple[list[str], list[str]]:
    first = _values(page, sensor)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page.wait_for_timeout(250)
        now = _values(page, sensor)
        if now != first and "—" not in now:
            return first, now
    raise AssertionError(f"the dashboard's values of {sensor} did not change: {first}")


def test_first_run_login_dashboard_settings_notification_logout(gateway: RunningGateway) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    timings: dict[str, dict[str, float]] = {}
    problems: list[str] = []

    def shot(page: Any, name: str) -> None:
        page.screenshot(path=str(ARTIFACTS / f"browser-{name}.png"), full_page=True)

    with WebhookReceiver() as hook, playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
        # CSP violations and failed scripts show up as console errors.
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        try:
            # First run: every path leads to the setup page; the setup code creates the admin.
            page.goto(gateway.url + "/ui/dashboard")
            assert page.url.endswith("/ui/setup")
            timings["setup"] = _timing(page)
            shot(page, "01-setup")
            page.fill("#setup_code", "0000-0000")
            page.fill("#email", EMAIL)
            page.fill("#username", "plantadmin")
            page.fill("#full_name", "Plant Admin")
            page.fill("#password", PASSWORD)
            page.fill("#password2", PASSWORD)
            page.click("#setup-submit")
            # The message stands next to the field it is about.
            page.wait_for_selector("#setup-form .field-error")
            assert "wrong setup code" in page.inner_text(
                "#setup_code + .field-error, label:has(#setup_code) + .field-error"
            )
            assert page.get_attribute("#setup_code", "aria-invalid") == "true"
            page.fill("#setup_code", gateway.setup_code)
            page.click("#setup-submit")
            page.wait_for_url("**/ui/login?reason=setup_done")
            timings["login"] = _timing(page)
            assert "admin account was created" in page.inner_text(".notice")

            # Login: a wrong password is refused on the page, the right one opens the dashboard.
            page.fill("#email", EMAIL)
            page.fill("#password", "not the password")
            page.click("#login-submit")
            page.wait_for_selector("#login-form [data-role=form-error]:not(.hidden)")
            assert "wrong email or password" in page.inner_text(
                "#login-form [data-role=form-error]"
            )
            shot(page, "02-login")
            page.fill("#password", PASSWORD)
            t0 = time.perf_counter()
            page.click("#login-submit")
            page.wait_for_url("**/ui/dashboard")
            page.wait_for_selector("article[data-sensor='pump_1'] td.value")
            timings["dashboard"] = {
                **_timing(page),
                "login_to_live_values_ms": (time.perf_counter() - t0) * 1000,
            }

            # Live values from the simulator, refreshed by the page itself (5 s by default).
            before, _after = _wait_for_change(page, "pump_1")
            assert len(before) == 20
            assert page.inner_text("#stat-assets") == "2"
            assert "up" in page.inner_text("#sources-table")
            assert "every 5 s" in page.inner_text("#refresh-state")
            shot(page, "03-dashboard")

            # Settings: change the seed's fields, add a webhook target, save, reload.
            page.click("nav.main >> text=Settings")
            page.wait_for_url("**/ui/settings")
            _until(lambda: page.input_value("#refreshInterval") == "5", what="settings loaded")
            timings["settings"] = _timing(page)
            page.fill("#refreshInterval", "2")
            page.fill("#anomalyThreshold", "0.6")
            page.check("#enableNotifications")
            page.select_option("#new-action-type", "webhook")
            page.click("#add-action")
            page.fill("fieldset.action input.action-field", hook.url)
            page.click("#save-settings")
            page.wait_for_selector("#settings-saved:not(.hidden)")
            page.reload()
            _until(lambda: page.input_value("#refreshInterval") == "2", what="settings reloaded")
            assert page.input_value("#anomalyThreshold") == "0.6"
            assert page.is_checked("#enableNotifications")
            assert page.locator("fieldset.action").count() == 1
            # Shown masked (a webhook's path may be its token); the stored URL is kept.
            shown = page.input_value("fieldset.action input.action-field")
            assert shown == f"http://127.0.0.1:{hook.port}/********"
            shot(page, "04-settings")

            # The target's test button sends a real notification through the alert sink.
            page.click("fieldset.action .action-test")
            _until(
                lambda: page.inner_text(".action-result") not in ("", "sending…"),
                timeout=40,
                what="the test notification's result",
            )
            result = page.inner_text(".action-result")
            shot(page, "05-test-notification")
            assert result == "Test sent.", result
            assert len(hook.received) == 1 and hook.received[0]["path"] == "/hooks/aastreli-test"
            assert "application/json" in (hook.received[0]["type"] or "")

            # The dashboard now refreshes by the saved interval.
            page.click("nav.main >> text=Dashboard")
            page.wait_for_url("**/ui/dashboard")
            page.wait_for_selector("article[data-sensor='pump_2'] td.value")
            assert "every 2 s" in page.inner_text("#refresh-state")
            _wait_for_change(page, "pump_2", timeout=15)

            # The short access token runs out (here: the cookie is dropped): the page's
            # script gets new cookies with the refresh token and keeps showing live values.
            context = page.context
            old_access = _cookie(context, "aastreli_access")
            context.clear_cookies(name="aastreli_access")
            page.mouse.move(200, 300)  # the user is active
            _wait_for_change(page, "pump_2", timeout=15)
            renewed = _cookie(context, "aastreli_access")
            assert renewed is not None and renewed != old_access

            # Other pages load for the admin.
            for name in ("readings", "alerts", "model", "status", "users", "account"):
                page.goto(f"{gateway.url}/ui/{name}")
                assert page.url.endswith(f"/ui/{name}"), page.url
                timings[name] = _timing(page)
            assert page.locator("text=" + EMAIL).count() >= 1

            # The plant goes away: its cards turn grey and say since when; values stay,
            # marked as the last known; the gateway is degraded, not unhealthy.
            page.goto(gateway.url + "/ui/dashboard")
            page.wait_for_selector("article[data-sensor='pump_1'] td.value")
            assert page.inner_text("#stat-health") == "ok"
            gateway.stop_plant()
            card = "article[data-sensor='pump_1']"
            page.wait_for_selector(f"{card}.state-offline, {card}.state-stale", timeout=20000)
            _until(lambda: page.inner_text("#stat-health") == "degraded", what="degraded")
            state_line = page.inner_text(f"{card} .asset-state")
            assert state_line.startswith(("offline for", "stale for")), state_line
            assert page.inner_text(f"{card} .prediction") in ("offline", "stale")
            assert "values below are the last known" in page.inner_text(f"{card} .asset-meta")
            assert "—" not in _values(page, "pump_1")  # last-known values are still shown
            assert page.inner_text("#stat-nodata") == "2"
            shot(page, "06-plant-gone")
            page.goto(gateway.url + "/ui/status")
            assert page.inner_text("#health") == "degraded"
            assert "is down" in page.inner_text("#health-degraded")

            # Logout from the account menu: back to the login page, and the session is gone.
            page.goto(gateway.url + "/ui/dashboard")
            page.click("#account-menu summary")
            page.click("#logout")
            page.wait_for_url("**/ui/login?reason=signed_out")
            shot(page, "07-signed-out")
            page.goto(gateway.url + "/ui/settings")
            assert "/ui/login" in page.url
        except BaseException:
            shot(page, "failure")
            raise
        finally:
            (ARTIFACTS / "page-load-times.json").write_text(json.dumps(timings, indent=2))
            browser.close()
    failed_loads = sorted(p for p in problems if p.startswith("Failed to load resource"))
    # The two refusals the test provoked, and the poll that found the access cookie gone.
    assert failed_loads == [
        "Failed to load resource: the server responded with a status of 401 (UNAUTHORIZED)",
        "Failed to load resource: the server responded with a status of 401 (UNAUTHORIZED)",
        "Failed to load resource: the server responded with a status of 422 (UNPROCESSABLE ENTITY)",
    ]
    assert [p for p in problems if not p.startswith("Failed to load resource")] == []
    # The audit trail saw it all; anonymous failures as the minute's tally per address.
    audit = gateway.gateway.facade.store.find("audit")
    events = [e["event"] for e in audit]
    for event in (
        "setup_admin_created",
        "failures",
        "login",
        "settings_saved",
        "test_notification",
        "logout",
    ):
        assert event in events, event
    tallied = [a for e in audit if e["event"] == "failures" for a in e["addresses"]]
    assert any(a.get("setup_failed") for a in tallied) and any(
        a.get("login_failed") for a in tallied
    ), tallied
