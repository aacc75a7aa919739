"""Screenshots of every web UI page at 1,366 × 768 and 390 × 844 for docs/web.md.

Runs a gateway with the simulator (pump_1 in a cavitation fault, so alerts open), signs
in as an admin in the system Chromium and saves one PNG per page and size under
docs/web/ (the first screenful, reduced to 64 colours with Pillow). Also prints each
page's width check and axe-core's serious and critical findings, as the browser tests
assert them.

    .venv/bin/python tools/web_screenshots.py [--out docs/web]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support import browser as ui  # noqa: E402
from tests.support.web import RunningGateway  # noqa: E402

# pump_1 in a fault all along (alerts stay open); pump_2 through one episode that
# resolves (its asset page shows the band and the alert's marks).
FAULTY = {
    "faults": [
        {"asset": "pump_1", "fault": "cavitation", "start": 0, "duration": 3600},
        {"asset": "pump_2", "fault": "misalignment", "start": 12, "duration": 25},
    ]
}
BEGAN = time.time()


def shrink(path: Path) -> None:
    """A 64-colour palette PNG: a third of the size, and a flat UI looks the same."""
    from PIL import Image

    with Image.open(path) as img:
        small = img.convert("RGB").quantize(colors=64, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "web")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    source = ui.axe_source()
    with tempfile.TemporaryDirectory() as tmp:
        gw = RunningGateway(
            Path(tmp) / "data",
            web={"timezone": "Europe/Berlin"},
            simulator=FAULTY,
            config={"alerts": {"allow_private_targets": "all", "resolve_after": 5}},
        ).start()
        try:
            ui.create_admin(gw.url, gw.setup_code)
            time.sleep(60)  # some history, alerts, pump_2's episode over and resolved
            with sync_playwright() as pw:
                chromium = pw.chromium.launch(
                    executable_path=ui.CHROMIUM, headless=True, args=ui.CHROMIUM_ARGS
                )
                for size, viewport in ui.VIEWPORTS.items():
                    context = chromium.new_context(viewport=viewport)
                    page = context.new_page()
                    for p in ui.PUBLIC_PAGES:
                        capture(page, gw.url, p, size, args.out, source)
                    ui.sign_in(context, gw.url)
                    for p in ui.SIGNED_IN_PAGES:
                        capture(page, gw.url, p, size, args.out, source)
                    context.close()
                chromium.close()
        finally:
            gw.stop()
    return 0


def capture(page: Any, url: str, p: ui.UiPage, size: str, out: Path, source: str | None) -> None:
    if p.name == "asset":  # pump_2's life so far, its episode in the middle
        span = f"?range=custom&start={BEGAN:.0f}&end={time.time():.0f}"
        p = ui.UiPage(p.name, "/ui/assets/pump_2" + span, p.ready)
    ui.open_page(page, url, p)
    if p.name == "dashboard":
        page.wait_for_timeout(1500)
    save(page, f"{p.name}-{size}", out, source)
    if p.name == "dashboard" and size == "phone":
        page.click("#nav-toggle")
        save(page, "menu-phone", out, source)
        page.click("#nav-toggle")
        page.click("#account-menu summary")
        save(page, "account-menu-phone", out, source)
        page.keyboard.press("Escape")
    if p.name == "settings":
        # Forms that help: a wrong target named at its field, notifications off.
        ui.until(lambda: page.input_value("#refreshInterval") != "", what="settings loaded")
        page.click("#add-action")
        page.fill("fieldset.action input.action-field", "ops@")
        page.click("#save-settings")
        page.wait_for_selector("fieldset.action .field-error")
        page.locator("#notifications-off").scroll_into_view_if_needed()
        save(page, f"settings-errors-{size}", out, source)
        page.on("dialog", lambda d: d.accept())
    if p.name == "asset":
        page.wait_for_selector(".card.controls:not(.hidden) .control-value:not(:empty)")
        page.locator(".card.controls").scroll_into_view_if_needed()
        save(page, f"asset-controls-{size}", out, source)
        page.locator(".episode").first.scroll_into_view_if_needed()
        save(page, f"asset-alerts-{size}", out, source)
        # pump_1 in its fault: the latest prediction and why (contributors, drift).
        ui.open_page(page, url, ui.UiPage("asset", "/ui/assets/pump_1", p.ready))
        save(page, f"asset-why-{size}", out, source)
    if p.name == "alerts":
        page.locator("details.events summary").first.click()
        save(page, f"alerts-timeline-{size}", out, source)
    if p.name == "users":
        page.fill("#display-name", "Control room")
        page.click("#display-form button[type=submit]")
        page.wait_for_selector("#display-made:not(.hidden)")
        page.locator("#display-links").scroll_into_view_if_needed()
        save(page, f"display-links-{size}", out, source)


def save(page: Any, name: str, out: Path, source: str | None) -> None:
    width = ui.overflow(page)
    problems = ui.axe_problems(page, source) if source else []
    path = out / f"{name}.png"
    page.screenshot(path=str(path))
    shrink(path)
    print(f"{name:24} width {width['scroll']}/{width['client']} axe {problems or 'ok'}")


if __name__ == "__main__":
    raise SystemExit(main())
