"""The forms with JavaScript off (issue #20, finding 6), in a real Chromium.

Without ``method``, a browser with JavaScript off sent the login, setup and registration
forms as GET: ``/ui/login?email=...&password=...``. The server refused the request, but the
password was in the history and in any proxy's log by then. Now every form posts, and the
page says that it needs JavaScript; no URL the browser requested carries a password, and
nothing was created or changed (the signed-in account form, a password change, included).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.support.net import free_port, wait_listening
from tests.support.web import ServedWeb, make_facade
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS

playwright_sync = pytest.importorskip("playwright.sync_api")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs the chromium package"),
]

PASSWORD = "Secret-Walrus-Pass-42"
NEW_PASSWORD = "Other-Heron-Pass-77"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    port = free_port()
    facade = make_facade(
        tmp_path / "data",
        {"web": {"host": "127.0.0.1", "port": port, "allow_registration": True}},
    )
    server = ServedWeb(facade)
    wait_listening(port)
    yield f"http://127.0.0.1:{port}", facade
    server.close()
    facade.store.close()
    if facade.history is not None:
        facade.history.close()


def _submit(page: Any, url: str, fields: dict[str, str], button: str) -> list[tuple[str, str]]:
    """Fill and send a form with the browser's own submission; the requests it made."""
    seen: list[tuple[str, str]] = []
    page.on("request", lambda r: seen.append((r.method, r.url)))
    page.goto(url)
    for selector, value in fields.items():
        page.fill(selector, value)
    with page.expect_navigation():
        page.click(button)
    return seen


def test_forms_post_and_never_put_a_password_in_a_url(site: tuple[str, Any]) -> None:
    base, facade = site
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(java_script_enabled=False)
            page = context.new_page()
            forms = [
                (
                    "/ui/setup",
                    {
                        "#setup_code": facade.secrets["setup_code"],
                        "#email": "admin@example.com",
                        "#username": "admin",
                        "#password": PASSWORD,
                        "#password2": PASSWORD,
                    },
                    "#setup-submit",
                ),
                (
                    "/ui/login",
                    {"#email": "admin@example.com", "#password": PASSWORD},
                    "#login-submit",
                ),
                (
                    "/ui/register",
                    {
                        "#email": "new@example.com",
                        "#username": "newcomer",
                        "#password": PASSWORD,
                        "#password2": PASSWORD,
                    },
                    "button[type=submit]",
                ),
                (
                    "/ui/account",
                    {
                        "#current_password": PASSWORD,
                        "#new_password": NEW_PASSWORD,
                        "#new_password2": NEW_PASSWORD,
                    },
                    "#password-form button[type=submit]",
                ),
            ]
            for path, fields, button in forms:
                if path == "/ui/account":  # signed in: the session cookies of this browser
                    login = {"email": "admin@example.com", "password": PASSWORD}
                    assert context.request.post(base + "/session", data=login).status == 200
                if path == "/ui/login":  # an account to sign in to, made through the API
                    body = {
                        "setup_code": facade.secrets["setup_code"],
                        "email": "admin@example.com",
                        "username": "admin",
                        "password": PASSWORD,
                    }
                    assert requests.post(base + "/setup", json=body, timeout=30).status_code == 201
                seen = _submit(page, base + path, fields, button)
                leaked = [
                    u for _, u in seen if PASSWORD in u or NEW_PASSWORD in u or "password=" in u
                ]
                assert not leaked, (path, leaked)
                assert ("POST", base + path) in seen, (path, seen)
                assert page.url == base + path
                assert "needs JavaScript" in page.inner_text("main"), path
        finally:
            browser.close()
    # Nothing was created or changed by the forms themselves: only the API's admin exists,
    # with the password it was made with.
    assert [u["email"] for u in facade.store.find("users")] == ["admin@example.com"]
    login = {"email": "admin@example.com", "password": PASSWORD}
    assert requests.post(base + "/login", json=login, timeout=30).status_code == 200
