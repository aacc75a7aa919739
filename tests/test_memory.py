"""What keeps the gateway's memory down: heavy libraries load only when they are used.

Each check runs in a fresh interpreter, since this test process has imported everything
already. Memory figures themselves are measured in bench/bench_memory.py, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter; it prints one JSON line, returned here."""
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_a_gateway_without_notifications_never_imports_apprise_or_requests() -> None:
    # Everything ``aastreli run`` / ``aastreli demo`` imports, and the alert sink built
    # with its sender: only a delivery brings Apprise (and requests for webhooks) in.
    seen = run_python(
        """
        import json, sys
        from gateway.cli import build_parser
        build_parser(())
        import gateway.demo, gateway.runtime, gateway.alerts.sink, gateway.upstream.sink
        import gateway.sources.mqtt, gateway.sources.modbus, gateway.sources.opcua, webui.app
        from gateway.alerts.delivery import Sender
        from gateway.alerts.targets import Target, mask
        from gateway.config.alerts import AlertsConfig
        Sender(AlertsConfig())
        mask("webhook", "https://hooks.example.org/secret")
        Target("email", "ops@plant.example").shown
        print(json.dumps({m: m in sys.modules for m in ("apprise", "requests", "urllib3")}))
        """
    )
    assert seen == {"apprise": False, "requests": False, "urllib3": False}


def test_apprise_is_loaded_by_the_first_delivery_that_needs_it() -> None:
    # A fresh sender delivers through an Apprise URL (json://) to a local HTTP receiver;
    # Apprise is absent before and present after, and the receiver got the message.
    result = run_python(
        """
        import json, sys, threading
        from http.server import BaseHTTPRequestHandler, HTTPServer
        from gateway.alerts import messages as m
        from gateway.alerts.delivery import Sender
        from gateway.alerts.targets import Target
        from gateway.config.alerts import AlertsConfig

        got = []
        class Hook(BaseHTTPRequestHandler):
            def do_POST(self):
                got.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                self.send_response(200)
                self.end_headers()
            def log_message(self, *args):
                pass

        server = HTTPServer(("127.0.0.1", 0), Hook)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        before = "apprise" in sys.modules
        # The receiver is on loopback, which the default target policy refuses.
        cfg = {"delivery": {"attempt_timeout": 5.0}, "allow_private_targets": "all"}
        sender = Sender(AlertsConfig.model_validate(cfg))
        notice = m.make_test_notice(1769955930.0)
        url = f"json://127.0.0.1:{server.server_port}/notify"
        outcome = sender.send(Target("apprise", url), notice)
        print(json.dumps({"before": before, "after": "apprise" in sys.modules,
                          "status": outcome.status, "type": got[0]["type"] if got else None,
                          "shown": Target("apprise", url).shown}))
        """
    )
    assert result["before"] is False
    assert result["after"] is True
    assert result["status"] == "sent"
    assert result["type"] == "info"  # a test notice is Apprise's INFO type
    assert str(result["shown"]).startswith("json://127.0.0.1:")


def test_core_commands_skip_the_area_modules_but_help_lists_them() -> None:
    result = run_python(
        """
        import contextlib, io, json, sys
        from gateway.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["config", "check", "config/gateway.yaml"])
        loaded = [m for m in ("gateway.simulator.orchestrator", "gateway.alerts.cli", "webui.cli")
                  if m in sys.modules]
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            main(["--help"])
        print(json.dumps({"code": code, "loaded": loaded, "help": out.getvalue()}))
        """
    )
    assert result["code"] == 0
    assert result["loaded"] == []
    for command in ("run", "demo", "simulate", "model", "notify-test", "user"):
        assert command in str(result["help"])
