"""Driving the web UI in the system Chromium: viewports, the pages, sign-in, axe-core, checks.

Shared by tests/test_browser.py, tests/test_browser_ui.py and tools/web_screenshots.py.
axe-core (npm, MPL-2.0) is test-only: ``npm ci`` installs the version pinned in
tests/support/axe_js/package-lock.json into that folder's node_modules (ignored by git)
the first time it is needed; nothing of it is shipped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from tests.support.npm import npm_ci

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {"desktop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}
AXE_DIR = Path(__file__).resolve().parent / "axe_js"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
ADMIN = {
    "email": "plant.admin@example.com",
    "username": "plantadmin",
    "full_name": "Plant Admin",
    "password": "copper valve whistles 7",
}


@dataclass(frozen=True)
class UiPage:
    name: str
    path: str
    ready: str  # a selector present once the page shows its data


# Every page of the UI, signed in as an admin (the setup and register pages need other
# states: the setup page only exists before the first account).
SIGNED_IN_PAGES = (
    UiPage("dashboard", "/ui/dashboard", "article[data-sensor] td.value"),
    UiPage("readings", "/ui/readings", "#readings-table"),
    UiPage("alerts", "/ui/alerts", "#alerts-history"),
    UiPage("settings", "/ui/settings", "#settings-form"),
    UiPage("model", "/ui/model", "#model-name"),
    UiPage("status", "/ui/status", "#components"),
    UiPage("users", "/ui/users", "#users-table"),
    UiPage("account", "/ui/account", "#password-form"),
    # The chart drawn and the "why" panel (explanation, drift) filled.
    UiPage(
        "asset", "/ui/assets/pump_1", "#why[data-ready='1'] ~ .card #asset-chart[data-ready='1']"
    ),
)
PUBLIC_PAGES = (
    UiPage("login", "/ui/login", "#login-form"),
    UiPage("register", "/ui/register", "main h1"),
    UiPage("display", "/ui/display", "#display-status"),
)


def axe_source() -> str | None:
    """axe-core's browser build, installed with ``npm ci`` when missing; None without npm."""
    if not npm_ci(AXE_DIR, "axe-core"):
        return None
    return AXE_JS.read_text(encoding="utf-8")


def create_admin(base_url: str, setup_code: str) -> None:
    r = requests.post(f"{base_url}/setup", json={**ADMIN, "setup_code": setup_code}, timeout=30)
    assert r.status_code == 201, r.text


def sign_in(
    context: Any, base_url: str, login: str | None = None, password: str | None = None
) -> None:
    """Session cookies in the browser context, from POST /session (the login form's call)."""
    r = context.request.post(
        f"{base_url}/session",
        data={"email": login or ADMIN["email"], "password": password or ADMIN["password"]},
    )
    assert r.status == 200, r.text()


def open_page(page: Any, base_url: str, ui: UiPage) -> None:
    page.goto(base_url + ui.path)
    page.wait_for_selector(ui.ready)
    page.wait_for_load_state("load")


def overflow(page: Any) -> dict[str, int]:
    """The page's width against the viewport's: scrollWidth > clientWidth means sideways
    scrolling."""
    return page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth,"
        " client: document.documentElement.clientWidth})"
    )


def axe_problems(page: Any, source: str) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page (WCAG 2.x A and AA rules)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(source)  # the DevTools protocol runs it: the page's CSP does not apply
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
                resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
        }"""
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def until(check: Callable[[], Any], timeout: float = 15.0, what: str = "condition") -> Any:
    """Poll from Python: the CSP (no eval) rules out Playwright's wait_for_function strings."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)
