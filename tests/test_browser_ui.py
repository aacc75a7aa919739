"""The technician's UI in the system Chromium, at 1,366 × 768 and on a 390 × 844 phone.

Against one running gateway (the simulator over Modbus, pump_1 in a cavitation fault so
an alert opens, the gateway's zone Europe/Berlin):

- every page fits the viewport (``scrollWidth <= clientWidth``) and axe-core, run in the
  page, finds no serious or critical violation; on the phone the navigation is folded
  behind Menu, the account menu opens inside the screen and the header is compact;
- the readings filter typed in a browser whose own zone is Auckland returns exactly the
  window meant in the gateway's zone;
- forms: a wrong target is named next to its field in plain words, the warning for
  targets with notifications off, the gateway's rules, confirmations before removing a
  target or changing a role, the warning on leaving unsaved changes;
- a display link opened on a "wall screen" shows the live dashboard without signing in,
  and revoking it signs the screen out.

Screenshots of each page at both sizes go to ``test-artifacts/ui/`` (the copies in
docs/web/ come from tools/web_screenshots.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.support import browser as ui
from tests.support.web import RunningGateway

playwright_sync = pytest.importorskip("playwright.sync_api")

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "ui"
BERLIN = ZoneInfo("Europe/Berlin")
FAULTY = {"faults": [{"asset": "pump_1", "fault": "cavitation", "start": 0, "duration": 3600}]}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(ui.CHROMIUM).exists(), reason="needs the chromium package"),
]


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningGateway]:
    data = tmp_path_factory.mktemp("ui") / "data"
    gw = RunningGateway(data, web={"timezone": "Europe/Berlin"}, simulator=FAULTY).start()
    ui.create_admin(gw.url, gw.setup_code)
    yield gw
    gw.stop()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=ui.CHROMIUM, headless=True, args=ui.CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def axe() -> str:
    source = ui.axe_source()
    if source is None:
        pytest.skip("npm is not installed: cannot install axe-core")
    return source


class Watched:
    """A page whose script errors and console errors are collected."""

    def __init__(self, context: Any) -> None:
        self.page = context.new_page()
        self.problems: list[str] = []
        self.page.on("pageerror", lambda err: self.problems.append(f"page error: {err}"))
        self.page.on(
            "console", lambda m: self.problems.append(m.text) if m.type == "error" else None
        )


def _in_viewport(box: dict[str, float] | None, width: int) -> bool:
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_page_fits_the_screen_and_passes_axe(
    gateway: RunningGateway, chromium: Any, axe: str, size: str
) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    viewport = ui.VIEWPORTS[size]
    context = chromium.new_context(viewport=viewport)
    w = Watched(context)
    findings: dict[str, Any] = {}
    try:
        for pages in (ui.PUBLIC_PAGES, ui.SIGNED_IN_PAGES):
            if pages is ui.SIGNED_IN_PAGES:
                ui.sign_in(context, gateway.url)
            for p in pages:
                ui.open_page(w.page, gateway.url, p)
                width = ui.overflow(w.page)
                if width["scroll"] > width["client"]:
                    findings[f"{p.name}: width"] = width
                problems = ui.axe_problems(w.page, axe)
                if problems:
                    findings[f"{p.name}: axe"] = problems
                w.page.screenshot(path=str(ARTIFACTS / f"{p.name}-{size}.png"))
        assert findings == {}
        assert w.problems == []
        if size == "phone":
            _phone_frame(w.page, viewport["width"])
    finally:
        context.close()


def _phone_frame(page: Any, width: int) -> None:
    """On the phone: a compact header, the navigation behind Menu, menus on screen."""
    header = page.locator("header.top").bounding_box()
    assert header is not None and header["height"] <= 56, header
    assert not page.is_visible("#main-nav")
    page.click("#nav-toggle")
    assert page.get_attribute("#nav-toggle", "aria-expanded") == "true"
    for link in page.locator("#main-nav a").all():
        assert link.is_visible() and _in_viewport(link.bounding_box(), width)
    assert ui.overflow(page)["scroll"] <= width
    page.click("#nav-toggle")
    page.click("#account-menu summary")
    assert _in_viewport(page.locator("#account-menu .menu").bounding_box(), width)
    assert page.is_visible("#logout") and _in_viewport(
        page.locator("#logout").bounding_box(), width
    )
    page.screenshot(path=str(ARTIFACTS / "account-menu-phone.png"))
    page.keyboard.press("Escape")
    assert not page.is_visible("#logout")


def test_the_readings_filter_reads_the_gateways_zone_in_any_browser_zone(
    gateway: RunningGateway, chromium: Any
) -> None:
    context = chromium.new_context(viewport=ui.VIEWPORTS["phone"], timezone_id="Pacific/Auckland")
    w = Watched(context)
    history = gateway.gateway.facade.history
    try:
        ui.sign_in(context, gateway.url)
        ui.open_page(w.page, gateway.url, ui.SIGNED_IN_PAGES[0])
        assert w.page.evaluate("() => Intl.DateTimeFormat().resolvedOptions().timeZone") == (
            "Pacific/Auckland"
        )
        # The dashboard writes its times in the gateway's zone, not the browser's.
        assert re.search(r"updated \d\d:\d\d:\d\d CES?T$", w.page.inner_text("#generated-at"))
        # A window of the past (its count no longer moves), typed as a Berlin wall clock.
        ui.until(lambda: history.count() > 60, timeout=60, what="a minute of readings")
        newest = history.query(limit=1)[0]["timestamp"]
        start, end = int(newest) - 20, int(newest) - 5
        ui.open_page(w.page, gateway.url, ui.SIGNED_IN_PAGES[1])
        for field, ts in (("#filter-start", start), ("#filter-end", end)):
            w.page.fill(field, datetime.fromtimestamp(ts, BERLIN).strftime("%Y-%m-%dT%H:%M:%S"))
        w.page.click("#readings-filter button[type=submit]")
        w.page.wait_for_url("**/ui/readings?*")
        expected = history.count(start=start, end=end)
        assert 0 < expected < history.count()
        shown = re.search(r"(\d+) readings", w.page.inner_text("main"))
        assert shown is not None and int(shown.group(1)) == expected
        for text in w.page.locator("#readings-table time").all_inner_texts():
            stamp = datetime.strptime(text.rsplit(" ", 1)[0], "%Y-%m-%d %H:%M:%S")
            assert start <= stamp.replace(tzinfo=BERLIN).timestamp() <= end, text
        assert w.problems == []
    finally:
        context.close()


def test_forms_say_what_is_wrong_where_and_ask_before_losing_anything(
    gateway: RunningGateway, chromium: Any
) -> None:
    context = chromium.new_context(viewport=ui.VIEWPORTS["desktop"])
    w = Watched(context)
    page = w.page
    dialogs: list[str] = []
    answer = {"accept": False}

    def on_dialog(d: Any) -> None:
        dialogs.append(f"{d.type}: {d.message}")
        d.accept() if answer["accept"] else d.dismiss()

    page.on("dialog", on_dialog)
    try:
        ui.sign_in(context, gateway.url)
        ui.open_page(page, gateway.url, ui.SIGNED_IN_PAGES[3])
        ui.until(lambda: page.input_value("#refreshInterval") == "5", what="settings loaded")
        assert "3 of the last 5 predictions" in page.inner_text("#alert-rules")
        # A target with a wrong address: the message in words next to that field.
        page.select_option("#new-action-type", "email")
        page.click("#add-action")
        page.fill("fieldset.action input.action-field", "ops@")
        page.click("#save-settings")
        page.wait_for_selector("fieldset.action .field-error")
        message = page.inner_text("fieldset.action .field-error")
        assert message == "Enter the email address to notify, like ops@plant.example."
        assert page.get_attribute("fieldset.action input.action-field", "aria-invalid") == "true"
        assert not page.is_visible("[data-role=form-error]")
        # Targets exist, notifications are off: said, until they are on.
        assert page.is_visible("#notifications-off")
        page.check("#enableNotifications")
        assert not page.is_visible("#notifications-off")
        page.uncheck("#enableNotifications")
        # Leaving with unsaved changes asks first (declined: the page stays).
        page.click("nav.main >> text=Dashboard", no_wait_after=True)
        ui.until(lambda: any(d.startswith("beforeunload") for d in dialogs), what="leave warning")
        assert page.url.endswith("/ui/settings")
        page.fill("fieldset.action input.action-field", "ops@plant.example")
        page.click("#save-settings")
        page.wait_for_selector("#settings-saved:not(.hidden)")
        assert page.locator(".field-error").count() == 0
        # Removing a target asks first; declined, it stays; accepted, it goes.
        page.click("fieldset.action .action-remove")
        assert dialogs[-1].startswith("confirm: Remove the email target ops@plant.example?")
        assert page.locator("fieldset.action").count() == 1
        answer["accept"] = True
        page.click("fieldset.action .action-remove")
        assert page.locator("fieldset.action").count() == 0
        page.click("#save-settings")
        page.wait_for_selector("#settings-saved:not(.hidden)")
        # Saved: leaving asks nothing.
        count = len(dialogs)
        page.click("nav.main >> text=Users")
        page.wait_for_url("**/ui/users")
        assert len(dialogs) == count
        # Changing a role asks first; declined, nothing changes.
        requests = gateway.url + "/users"
        created = context.request.post(
            requests,
            data={
                "email": "tech@example.com",
                "username": "tech",
                "password": "quiet amber hills 5",
            },
            headers={"X-CSRF-TOKEN": _csrf(context)},
        )
        assert created.status == 201, created.text()
        page.reload()
        role = "tr[data-email='tech@example.com'] select.user-role"
        answer["accept"] = False
        page.select_option(role, "operator")
        assert dialogs[-1].startswith("confirm: Change the role of tech@example.com from viewer")
        assert page.input_value(role) == "viewer"
        answer["accept"] = True
        with page.expect_navigation():
            page.select_option(role, "operator")
        assert page.input_value(role) == "operator"
        # The one refusal the test provoked (the wrong address).
        assert w.problems == [
            "Failed to load resource: the server responded with a status of 422 "
            "(UNPROCESSABLE ENTITY)"
        ]
    finally:
        context.close()


def _csrf(context: Any) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == "aastreli_csrf")


def _values(page: Any) -> list[str]:
    return page.locator("article[data-sensor='pump_2'] td.value").all_inner_texts()


def test_a_display_link_keeps_a_wall_screen_on_the_dashboard_until_revoked(
    gateway: RunningGateway, chromium: Any
) -> None:
    admin_context = chromium.new_context(viewport=ui.VIEWPORTS["desktop"])
    screen_context = chromium.new_context(viewport=ui.VIEWPORTS["desktop"])
    admin, screen = Watched(admin_context).page, Watched(screen_context)
    admin.on("dialog", lambda d: d.accept())
    try:
        ui.sign_in(admin_context, gateway.url)
        ui.open_page(admin, gateway.url, ui.SIGNED_IN_PAGES[6])
        admin.fill("#display-name", "Lobby screen")
        admin.click("#display-form button[type=submit]")
        admin.wait_for_selector("#display-made:not(.hidden)")
        link = admin.input_value("#display-url")
        assert re.fullmatch(re.escape(gateway.url) + r"/ui/display#[\w-]{43}", link)
        # The screen opens the link: no password, straight to the dashboard.
        screen.page.goto(link)
        screen.page.wait_for_url("**/ui/dashboard")
        assert "#" not in screen.page.url  # the token left the address bar
        assert screen.page.inner_text(".display-name") == "Display: Lobby screen"
        assert screen.page.locator("#main-nav").count() == 0
        screen.page.wait_for_selector("article[data-sensor='pump_2'] td.value")
        first = _values(screen.page)
        ui.until(lambda: _values(screen.page) != first, timeout=30, what="live values")
        # Its short access token runs out: the screen renews it by itself.
        screen_context.clear_cookies(name="aastreli_access")
        now = _values(screen.page)
        ui.until(lambda: _values(screen.page) != now, timeout=30, what="values after renewal")
        # Revoked on the Users page: the screen says so at its next refresh.
        admin.reload()
        admin.click("#display-table button.display-revoke")
        admin.wait_for_load_state("load")
        screen.page.wait_for_url("**/ui/display?reason=display_ended", timeout=30000)
        assert "display link was revoked" in screen.page.inner_text(".notice")
    finally:
        admin_context.close()
        screen_context.close()


def test_a_write_from_the_dashboard_asks_with_the_old_and_the_new_value(
    gateway: RunningGateway, chromium: Any
) -> None:
    """The card's controls: the question names the value before and after; a point that
    asks for a second confirmation asks twice, and declining writes nothing; the answer
    says what was read back."""
    context = chromium.new_context(viewport=ui.VIEWPORTS["desktop"])
    w = Watched(context)
    dialogs: list[str] = []
    answers: list[bool] = []

    def on_dialog(d: Any) -> None:
        dialogs.append(d.message)
        if answers.pop(0) if answers else True:
            d.accept()
        else:
            d.dismiss()

    w.page.on("dialog", on_dialog)
    try:
        ui.sign_in(context, gateway.url)
        ui.open_page(w.page, gateway.url, ui.SIGNED_IN_PAGES[0])
        speed = '.control[data-point="pump_1/control.speed_setpoint"]'
        w.page.wait_for_selector(speed + " .control-value:not(:empty)")
        w.page.fill(speed + " input", "80")
        w.page.click(speed + " button")
        status = w.page.locator(speed + " .control-status")
        ui.until(lambda: "read back" in status.inner_text(), what="the write's answer")
        assert "written, read back 80" in status.inner_text()
        assert re.search(r"Write pump_1 Control speed setpoint: .* → 80(\.0+)? %\?", dialogs[0]), (
            dialogs
        )
        assert gateway.sim.plant.controls["pump_1"].speed == 80
        # The stop asks twice; declining the second question writes nothing.
        stop = '.control[data-point="pump_1/control.stop"]'
        answers[:] = [True, False]
        w.page.click(stop + " button")
        ui.until(lambda: len(dialogs) == 3, what="two questions")
        assert "Confirm again" in dialogs[2] and "second confirmation" in dialogs[2]
        assert not gateway.sim.plant.controls["pump_1"].stopped
        assert w.problems == []
    finally:
        context.close()
