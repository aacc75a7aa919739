"""No secret in any log line (issue #20, finding 2), and one masking policy (issue #19).

The re-test found a Twilio auth token in the log: with an SID Apprise rejects or a typo
in ``from_phone``, Apprise's own logger writes ``Could not load Twilio URL: {...
'auth_token': ...}``; the email settings, SMTP password included, go the same way, and
a malformed Slack URL logs its T.../B... ids. Here a real gateway (waitress, the alert
sink, its delivery worker, Apprise, requests) runs with debug logs and library loggers
at DEBUG, every secret field planted with a unique value, and every channel made to fail
in every way we can provoke: SMTP authentication refused by a real aiosmtpd, a refused
SMTP port, Twilio SIDs and a from_phone Apprise rejects, Twilio's API refusing the
credentials, malformed Slack URLs and a Slack token as a channel, Slack's API refusing,
webhooks refused and answered 401, Apprise URLs refused, malformed or answered 500.
Only Twilio's and Slack's servers are stood in for, at the HTTP transport layer. Then
every line is searched for every secret.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import pytest
import requests

from gateway.alerts import messages
from gateway.alerts.delivery import Sender
from gateway.alerts.targets import Target
from gateway.config.alerts import AlertsConfig
from gateway.logs import setup_logging
from tests.support.alerts import Captured, HttpReceiver, SmtpReceiver, capture_http
from tests.support.net import free_port
from tests.support.web import RunningGateway

PASSWORD = "granite pump hums 5"
TAG = secrets.token_hex(3)


def _secret(name: str) -> str:
    return f"{name}{TAG}Zq7"


S = {
    "smtp_user": _secret("smtpuser"),
    "smtp_pass": _secret("smtppass"),
    "sid": "AC" + secrets.token_hex(16),
    "token": secrets.token_hex(16),
    "bad_sid": _secret("notasid"),
    "bad_sid_token": _secret("tokenofbadsid"),
    "bad_from_sid": "AC" + secrets.token_hex(16),
    "bad_from_token": secrets.token_hex(16),
    "hook_user": _secret("hookuser"),
    "hook_pass": _secret("hookpass"),
    "hook_path": _secret("hookpath"),
    "hook_token": _secret("hooktoken"),
    "hook_frag": _secret("hookfrag"),
    "hook_key": _secret("hookkey"),
    "slack_t": "T" + _secret("SLACKT").upper(),
    "slack_b": "B" + _secret("SLACKB").upper(),
    "slack_token": _secret("slacktoken"),
    "slack_bad_t": "T" + _secret("BADT").upper(),
    "slack_bad_b": "B" + _secret("BADB").upper(),
    "slack_channel_token": "xoxb-" + _secret("channeltoken"),
    "app_user": _secret("appuser"),
    "app_pass": _secret("apppass"),
    "app_path": _secret("apppath"),
    "app_header": _secret("appheader"),
    "tgram_token": _secret("tgramtoken"),
    "ntfy_user": _secret("ntfyuser"),
    "ntfy_pass": _secret("ntfypass"),
    "upstream_pass": _secret("upstreampass"),
    "metrics_token": _secret("metricstoken") + "x" * 8,
}


def _forms(secret: str) -> set[str]:
    return {secret, quote(secret, safe=""), quote_plus(secret)}


def _targets(refused: int, receiver: int) -> list[dict[str, Any]]:
    def target(i: int, kind: str, **config: str) -> dict[str, Any]:
        return {"id": f"t{i}", "type": kind, "enabled": True, "config": config}

    return [
        target(1, "email", email="ops@plant.example"),
        target(2, "sms", phone="+15551234567"),
        target(
            3,
            "webhook",
            url=f"http://{S['hook_user']}:{S['hook_pass']}@127.0.0.1:{refused}/{S['hook_path']}"
            f"?token={S['hook_token']}#{S['hook_frag']}",
        ),
        target(4, "webhook", url=f"http://127.0.0.1:{receiver}/x?api_key={S['hook_key']}"),
        target(
            5,
            "slack",
            channel=f"https://hooks.slack.com/services/{S['slack_t']}/{S['slack_b']}/"
            f"{S['slack_token']}",
        ),
        target(
            6,
            "slack",
            channel=f"https://hooks.slack.com/services/{S['slack_bad_t']}/{S['slack_bad_b']}",
        ),
        target(
            8,
            "apprise",
            url=f"json://{S['app_user']}:{S['app_pass']}@127.0.0.1:{refused}/{S['app_path']}"
            f"?+X-Api-Key={S['app_header']}",
        ),
        target(9, "apprise", url=f"tgram://123456789:{S['tgram_token']}/"),
        target(
            10,
            "apprise",
            url=f"ntfy://{S['ntfy_user']}:{S['ntfy_pass']}@127.0.0.1:{receiver}/topic",
        ),
    ]


def _answer(c: Captured) -> tuple[int, bytes]:
    """Twilio refuses the credentials; Slack has no such webhook."""
    if "twilio" in c.url:
        return 401, b'{"code": 20003, "message": "Authenticate", "status": 401}'
    return 404, b"no_service"


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[Path]:
    """Debug logs of everything, libraries included, into a file, as JSON lines."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    libraries = (
        "apprise", "urllib3", "urllib3.connectionpool", "requests", "gmqtt", "asyncua",
        "pymodbus", "amqtt", "transitions", "waitress", "waitress.queue",
    )  # fmt: skip
    levels = {name: logging.getLogger(name).level for name in libraries}
    path = tmp_path / "gateway.log"
    with open(path, "w", encoding="utf-8") as stream:
        setup_logging("debug", "json", stream)
        handler = root.handlers[0]
        # pytest's own capture handlers stay (it adds and removes them around each phase).
        root.handlers[:] = [*before, handler]
        for name in libraries:
            logging.getLogger(name).setLevel(logging.DEBUG)
        # Apprise's logger does not propagate (gateway.alerts.channels.via_apprise): its
        # own debug lines are searched too.
        logging.getLogger("apprise").addHandler(handler)
        try:
            yield path
        finally:
            logging.getLogger("apprise").removeHandler(handler)
            root.removeHandler(handler)
            root.setLevel(level)
            for name, old in levels.items():
                logging.getLogger(name).setLevel(old)


def _other_accounts(smtp_port: int, refused: int) -> list[AlertsConfig]:
    """Settings Apprise cannot use or servers that refuse them, sent by the same code."""
    sender = {"from_email": "gateway@plant.example"}
    return [
        AlertsConfig.model_validate(
            {"twilio": {"account_sid": S["bad_sid"], "auth_token": S["bad_sid_token"],
                        "from_phone": "+15550001111"}}
        ),
        AlertsConfig.model_validate(
            {"twilio": {"account_sid": S["bad_from_sid"], "auth_token": S["bad_from_token"],
                        "from_phone": "555-CALL-US"}}
        ),
        AlertsConfig.model_validate(
            {"smtp": {"host": "127.0.0.1", "port": refused, "username": S["smtp_user"],
                      "password": S["smtp_pass"], "security": "insecure", **sender}}
        ),
        AlertsConfig.model_validate(
            {"smtp": {"host": "127.0.0.1", "port": smtp_port, "username": S["smtp_user"],
                      "password": S["smtp_pass"], "security": "ssl",
                      "verify_certificate": False, **sender}}
        ),
    ]  # fmt: skip


def test_no_secret_in_any_log_line_of_a_run_where_every_channel_fails(
    tmp_path: Path, logged: Path
) -> None:
    smtp = SmtpReceiver(tmp_path, login=("the-right-user", "the-right-pass"), starttls=True)
    smtp.start()
    receiver = HttpReceiver(statuses=[401, 500, 500, 500]).start()
    refused = free_port()
    alerts = {
        "smtp": {
            "host": "127.0.0.1",
            "port": smtp.port,
            "username": S["smtp_user"],
            "password": S["smtp_pass"],
            "from_email": "gateway@plant.example",
            "verify_certificate": False,
        },
        "twilio": {"account_sid": S["sid"], "auth_token": S["token"], "from_phone": "+15550001111"},
        "delivery": {"attempt_timeout": 5},
        "allow_private_targets": "all",  # the test's receivers listen on loopback
    }
    config = {
        "alerts": alerts,
        "upstream": {"enabled": False, "username": "gw", "password": S["upstream_pass"]},
    }
    results = []
    try:
        with capture_http(_answer, hosts={"api.twilio.com", "hooks.slack.com"}) as captured:
            gw = RunningGateway(
                tmp_path / "data",
                assets=1,
                config=config,
                web={"metrics_token": S["metrics_token"]},
            ).start()
            try:
                h = gw.admin(PASSWORD)
                body = {
                    "enableNotifications": True,
                    "faultActions": _targets(refused, receiver.port),
                }
                saved = requests.post(gw.url + "/settings", headers=h, json=body, timeout=30)
                assert saved.status_code == 200, saved.text
                for target in body["faultActions"]:
                    r = requests.post(
                        gw.url + "/test-notification", headers=h, json={"id": target["id"]},
                        timeout=90,
                    )  # fmt: skip
                    assert r.status_code == 200, r.text
                    results.append(r.json())
                notice = messages.make_test_notice(time.time())
                for other in _other_accounts(smtp.port, refused):
                    for target in (
                        Target("sms", "+15551234567"),
                        Target("email", "o@plant.example"),
                    ):
                        results.append({"other": Sender(other).send(target, notice).detail})
                # A Slack token as the channel (as the seed's settings may hold it).
                token = Target("slack", S["slack_channel_token"])
                results.append({"other": Sender(AlertsConfig()).send(token, notice).detail})
            finally:
                gw.stop()
    finally:
        smtp.stop()
        receiver.stop()
    text = logged.read_text(encoding="utf-8")
    lines = text.splitlines()
    leaks = {
        name: [line[:200] for line in lines if any(f in line for f in _forms(secret))][:2]
        for name, secret in S.items()
    }
    assert not any(leaks.values()), {k: v for k, v in leaks.items() if v}
    answers = json.dumps(results)
    assert not [n for n, s in S.items() if any(f in answers for f in _forms(s))]
    # Every failure happened, and was logged (else this test could not fail).
    assert all(r.get("success") is False for r in results if "other" not in r), results
    assert "Could not load Twilio" in text and "Unparseable URL" in text, "Apprise"
    assert "AuthResult(success=False" in text, "the SMTP server refused the login"
    assert any("twilio" in c.url for c in captured) and any("slack" in c.url for c in captured)
    assert len(lines) > 100


def test_third_party_records_are_redacted_before_any_handler(tmp_path: Path, logged: Path) -> None:
    """gmqtt's, asyncua's, urllib3's records: whatever they print, the secret is gone."""
    from gateway.logs import REDACTOR

    secret = _secret("brokerpass")
    REDACTOR.add([secret])
    seen: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(f"{record.getMessage()} {record.args} {record.exc_text}")

    keep = Keep()
    logging.getLogger().addHandler(keep)
    try:
        for name in ("gmqtt", "asyncua.client", "urllib3.connectionpool", "requests"):
            logging.getLogger(name).warning(
                "connect failed with %s (%r)", f"pw={secret}", {"password": secret},
                extra={"ctx": secret},
            )  # fmt: skip
        try:
            raise ValueError(f"refused {secret}")
        except ValueError:
            logging.getLogger("gmqtt").exception("boom")
    finally:
        logging.getLogger().removeHandler(keep)
    # The gateway's log (context fields included), and what any other handler is given.
    text = logged.read_text(encoding="utf-8") + "\n".join(seen)
    assert secret not in text and text.count("********") >= 18, text


def test_one_masking_policy_for_the_gateway_and_the_web_ui(tmp_path: Path) -> None:
    """A Slack token typed as the channel: masked in the settings answer, in the alert
    records' target and in logs alike (webui/masking.py showed it, the gateway did not)."""
    from gateway.alerts.targets import from_action
    from tests.support.web import WebEnv

    token = S["slack_channel_token"]
    action = {"id": "s", "type": "slack", "enabled": True, "config": {"channel": token}}
    web = WebEnv(tmp_path)
    try:
        # As `aastreli import-seed` stores the seed's settings: a token as the channel.
        settings = {"enableNotifications": True, "faultActions": [action]}
        web.store.upsert("settings", settings, user_email="operator@example.com")
        r = web.client().get("/settings", headers=web.headers("operator"))
        assert r.status_code == 200, r.json
        shown = r.json["faultActions"][0]["config"]["channel"]
        target = from_action(action)
        assert target is not None
        assert token not in json.dumps(r.json)
        assert shown == target.shown == "********"
        # A channel name is no secret, for either side.
        plain = {**action, "config": {"channel": "#alerts"}}
        web.store.upsert("settings", {"faultActions": [plain]}, user_email="operator@example.com")
        r = web.client().get("/settings", headers=web.headers("operator"))
        target = from_action(plain)
        assert target is not None
        assert r.json["faultActions"][0]["config"]["channel"] == target.shown == "#alerts"
    finally:
        web.store.close()


def test_plain_words_of_a_target_url_stay_readable_in_later_log_lines() -> None:
    from gateway.logs import Redactor

    redactor = Redactor()
    token = "T0ABC12DEF/B0XYZ34UVW/" + "a1B2c3D4e5F6g7H8i9J0k1L2"
    redactor.add(
        [
            f"https://hooks.example.com/services/{token}",
            "https://api.plant.example/webhook?channel=alerts&token=s3cr3tvalue",
        ]
    )
    line = redactor.redact(
        "webhook: HTTP 200 for services; posting T0ABC12DEF, B0XYZ34UVW, "
        "a1B2c3D4e5F6g7H8i9J0k1L2 and s3cr3tvalue to alerts"
    )
    # The words are no secret: blanking them would blank them in every later line.
    assert line.startswith("webhook: HTTP 200 for services;")
    assert line.endswith(" to alerts")
    for piece in ("T0ABC12DEF", "B0XYZ34UVW", "a1B2c3D4e5F6g7H8i9J0k1L2", "s3cr3tvalue"):
        assert piece not in line
