"""The seed's templates, the config of alerts, and target handling (pure functions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from apprise.common import NotifyFormat
from apprise.conversion import convert_between

from gateway.alerts import messages as m
from gateway.alerts.targets import Target, from_action, mask, mask_url, phone
from gateway.config import ConfigError, load_config, parse_config
from gateway.config.alerts import SmtpConfig, TwilioConfig

ROOT = Path(__file__).resolve().parent.parent

SEED_TS = 1769955930.123  # 2026-02-01T14:25:30.123Z, the seed's example


def seed_notice(kind: str = m.FAULT, **kw: object) -> m.Notice:
    data = m.fault_data(
        timestamp=SEED_TS,
        fault_type="pump_bearing_cage_defect",
        confidence=0.853,
        sensor_id="industrial_sensor_1",
        values={"motor_data.DE_temp": 46.39, "pump_data.DE_temp": 41.5, "pump_data.flow": 12.0},
    )
    return m.Notice(kind, data, **kw)  # type: ignore[arg-type]


def test_fault_data_is_the_seeds_object() -> None:
    assert seed_notice().fault_data == {
        "timestamp": "2026-02-01T14:25:30.123Z",
        "fault_type": "pump_bearing_cage_defect",
        "confidence": 0.853,
        "sensor_id": "industrial_sensor_1",
        "motor_temp": 46.39,
        "pump_temp": 41.5,
    }


def test_missing_temperatures_are_null_and_na() -> None:
    data = m.fault_data(timestamp=SEED_TS, fault_type="imbalance", confidence=0.7, sensor_id="s")
    n = m.Notice(m.FAULT, data)
    assert data["motor_temp"] is None and data["pump_temp"] is None
    assert "Motor Temperature: n/a" in m.email_text(n)
    assert json.loads(json.dumps(m.webhook_payload(n)))["fault_data"]["pump_temp"] is None


def test_email_matches_the_seed_template() -> None:
    n = seed_notice()
    assert m.email_subject(n) == "🚨 Fault Alert: pump_bearing_cage_defect"
    assert m.email_text(n) == (
        "🚨 FAULT DETECTED\n"
        "\n"
        "Fault Type: pump_bearing_cage_defect\n"
        "Confidence: 85.3%\n"
        "Sensor ID: industrial_sensor_1\n"
        "Timestamp: 2026-02-01T14:25:30.123Z\n"
        "\n"
        "Motor Temperature: 46.39°C\n"
        "Pump Temperature: 41.5°C\n"
        "\n"
        "Please investigate immediately."
    )


@pytest.mark.parametrize("kind", [m.FAULT, m.REPEAT, m.RESOLVED, m.TEST])
def test_apprise_text_part_of_the_html_is_our_plain_text(kind: str) -> None:
    # Apprise builds the text/plain part from the HTML; it must say what email_text says.
    n = seed_notice(kind, opened_at="2026-02-01T14:20:00.000Z", repeat=2)
    assert convert_between(NotifyFormat.HTML, NotifyFormat.TEXT, m.email_html(n)) == m.email_text(n)


def test_html_escapes_values() -> None:
    data = m.fault_data(timestamp=SEED_TS, fault_type="x", confidence=0.9, sensor_id="<b>&")
    page = m.email_html(m.Notice(m.FAULT, data))
    assert "&lt;b&gt;&amp;" in page and "<b>&" not in page


def test_sms_matches_the_seed_template() -> None:
    assert m.sms_text(seed_notice()) == (
        "🚨 Fault: pump_bearing_cage_defect (85% conf) on industrial_sensor_1. "
        "Check Aastreli dashboard."
    )


def test_webhook_payload_exactly() -> None:
    """The seed's three fields, and ``explanation`` (null without one)."""
    payload = m.webhook_payload(seed_notice())
    assert list(payload) == ["alert_type", "fault_data", "message", "explanation"]
    assert payload["explanation"] is None
    assert payload["alert_type"] == "fault_detected"
    assert list(payload["fault_data"]) == [
        "timestamp",
        "fault_type",
        "confidence",
        "sensor_id",
        "motor_temp",
        "pump_temp",
    ]
    assert payload["message"] == m.email_text(seed_notice())


WHY = [
    {
        "feature": "pump_data.NDE_vib_kurtosis",
        "label": "Pump NDE vibration kurtosis",
        "value": 7.81,
        "unit": "",
        "contribution": 2.412,
    },
    {
        "feature": "pump_data.NDE_vib_peak",
        "label": "Pump NDE vibration peak",
        "value": 9.3,
        "unit": "mm/s",
        "contribution": 1.05,
    },
    {
        "feature": "pump_data.NDE_temp",
        "label": "Pump NDE bearing temperature",
        "value": None,
        "unit": "°C",
        "contribution": 0.3,
    },
]


def test_every_message_says_why_with_values_and_units() -> None:
    n = seed_notice(explanation=WHY)
    text = m.email_text(n)
    assert text.endswith(
        "Pump Temperature: 41.5°C\n"
        "\n"
        "Why (top contributors, in log-odds):\n"
        "Pump NDE vibration kurtosis: 7.81 (+2.41)\n"
        "Pump NDE vibration peak: 9.3 mm/s (+1.05)\n"
        "Pump NDE bearing temperature: missing (+0.30)\n"
        "\n"
        "Please investigate immediately."
    )
    assert convert_between(NotifyFormat.HTML, NotifyFormat.TEXT, m.email_html(n)) == text
    assert "Pump NDE vibration peak: 9.3 mm/s (+1.05)" in m.slack_markdown(n)
    assert m.sms_text(n) == (
        "🚨 Fault: pump_bearing_cage_defect (85% conf) on industrial_sensor_1. Why: Pump NDE "
        "vibration kurtosis 7.81, Pump NDE vibration peak 9.3 mm/s, Pump NDE bearing "
        "temperature missing. Check Aastreli dashboard."
    )
    payload = m.webhook_payload(n)
    assert payload["explanation"] == WHY and payload["message"] == text
    assert m.Notice.from_dict(json.loads(json.dumps(n.to_dict()))) == n


def test_resolution_variant() -> None:
    n = seed_notice(m.RESOLVED, opened_at="2026-02-01T14:20:00.000Z")
    assert m.email_subject(n) == "✅ Fault Resolved: pump_bearing_cage_defect"
    assert m.webhook_payload(n)["alert_type"] == "fault_resolved"
    assert m.email_text(n).startswith("✅ FAULT RESOLVED\n")
    assert "Opened At: 2026-02-01T14:20:00.000Z" in m.email_text(n)
    assert m.slack_title(n) == "✅ Aastreli Fault Resolved"
    assert m.sms_text(n).startswith("✅ Resolved: pump_bearing_cage_defect on industrial_sensor_1")


def test_repeat_keeps_the_fault_templates_and_says_since_when() -> None:
    n = seed_notice(m.REPEAT, opened_at="2026-02-01T14:20:00.000Z", repeat=3)
    assert m.email_subject(n) == "🚨 Fault Alert: pump_bearing_cage_defect"
    assert m.webhook_payload(n)["alert_type"] == "fault_detected"
    assert "Open Since: 2026-02-01T14:20:00.000Z (reminder 3)" in m.email_text(n)


def test_test_notice_cannot_be_taken_for_a_fault() -> None:
    n = m.make_test_notice(SEED_TS)
    assert m.webhook_payload(n)["alert_type"] == "test_notification"
    assert "no fault was detected" in m.email_text(n)


def test_slack_layout() -> None:
    n = seed_notice()
    assert m.slack_title(n) == "🚨 Aastreli Fault Detected"
    lines = m.slack_markdown(n).split("\n")
    assert lines[:4] == [
        "**Fault Type:** pump_bearing_cage_defect",
        "**Confidence:** 85.3%",
        "**Sensor ID:** industrial_sensor_1",
        "**Timestamp:** 2026-02-01T14:25:30.123Z",
    ]


def test_notice_round_trips_through_json() -> None:
    n = seed_notice(m.REPEAT, alert_id=4, opened_at="x", repeat=2)
    assert m.Notice.from_dict(json.loads(json.dumps(n.to_dict()))) == n


# -- targets ----------------------------------------------------------------------------


def test_targets_from_the_seeds_fault_actions() -> None:
    t = from_action(
        {"id": "1", "type": "email", "enabled": True, "config": {"email": " Ops@Plant.example "}},
        "u@x",
    )
    assert t == Target("email", "Ops@Plant.example", "u@x")
    assert t.key == "email:ops@plant.example"
    sms = from_action({"type": "sms", "config": {"phone": "+1 (555) 010-0000"}})
    assert sms is not None and sms.key == "sms:+15550100000"
    assert from_action(
        {"type": "slack", "config": {"channel": "https://hooks.slack.com/x"}}
    ) == Target("slack", "https://hooks.slack.com/x")
    assert from_action({"type": "pager", "config": {}}) is None
    assert from_action({"type": "webhook", "config": None}) == Target("webhook", "")


def test_phone_numbers() -> None:
    assert phone("+1 555-010-0000") == "+15550100000"
    assert phone("call me") is None and phone("123") is None


def test_secrets_are_masked() -> None:
    slack = "https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnopqrstuvwx"
    shown = mask("slack", slack)
    assert shown == "https://hooks.slack.com/********"
    tg = mask("apprise", "tgram://123456789:AAHsecretsecretsecretsecret/-100123")
    assert "AAHsecretsecretsecretsecret" not in tg
    assert (
        mask_url("https://user:pw@hooks.example.com:8443/api/hook/s3cr3t?token=abc")
        == "https://user:********@hooks.example.com:8443/********?token=********"
    )
    # Apprise's +Header values (the review's json://...?+X-Api-Key=SECRET) are masked too.
    assert (
        mask("apprise", "json://h.example/p?+X-Api-Key=SECRETKEY&format=json")
        == "json://h.example/********?+X-Api-Key=********&format=********"
    )
    assert mask_url("http://10.0.0.5/") == "http://10.0.0.5/"
    assert mask_url("not a url") == "********"
    assert mask("email", "ops@plant.example") == "ops@plant.example"


# -- config -----------------------------------------------------------------------------


def test_smtp_and_twilio_fall_back_to_the_seeds_environment() -> None:
    env = {
        "SMTP_HOST": "smtp.gmail.com",
        "SMTP_PORT": "2525",
        "SMTP_USERNAME": "a@gmail.com",
        "SMTP_PASSWORD": "pw",
        "SMTP_FROM_EMAIL": "alerts@gmail.com",
        "TWILIO_ACCOUNT_SID": "AC1",
        "TWILIO_AUTH_TOKEN": "tok",
        "TWILIO_FROM_PHONE": "+1555",
    }
    s = SmtpConfig().resolve(env)
    assert (s.host, s.port, s.username, s.password, s.from_email, s.security) == (
        "smtp.gmail.com",
        2525,
        "a@gmail.com",
        "pw",
        "alerts@gmail.com",
        "starttls",
    )
    assert s.missing() is None
    assert SmtpConfig(host="relay", from_email="x@y").resolve(env).host == "relay"
    t = TwilioConfig().resolve(env)
    assert (t.account_sid, t.auth_token, t.from_phone) == ("AC1", "tok", "+1555")
    assert t.missing() is None


def test_missing_credentials_say_what_is_missing() -> None:
    assert "SMTP_HOST" in (SmtpConfig().resolve({}).missing() or "")
    assert SmtpConfig().resolve({}).port == 587
    assert SmtpConfig(security="ssl").resolve({}).port == 465
    half = SmtpConfig(host="h", username="a@b").resolve({})
    assert "SMTP_PASSWORD" in (half.missing() or "")
    assert SmtpConfig(host="relay", from_email="gw@plant").resolve({}).missing() is None
    assert "TWILIO_ACCOUNT_SID" in (TwilioConfig().resolve({}).missing() or "")


def test_alert_config_errors_name_the_key() -> None:
    with pytest.raises(ConfigError) as info:
        parse_config({"alerts": {"debounce": {"k": 6, "n": 5}, "smtp": {"hots": "x"}}})
    paths = [p for p, _ in info.value.problems]
    assert "alerts.debounce" in paths and "alerts.smtp.hots" in paths


def test_example_config_loads() -> None:
    cfg = load_config(ROOT / "config" / "examples" / "alerts.yaml", environ={})
    assert (cfg.alerts.debounce.k, cfg.alerts.debounce.n) == (3, 5)
    assert cfg.alerts.smtp.security == "starttls"
    assert cfg.alerts.delivery.attempt_timeout == 10


def loss_notice(kind: str = m.DATA_LOSS, fault_type: str = "asset_stale") -> m.Notice:
    data = m.fault_data(
        timestamp=SEED_TS, fault_type=fault_type, confidence=None, sensor_id="industrial_sensor_2"
    )
    details = {
        "problem": "asset stale: no fresh reading for 3 s",
        "state": "stale",
        "source": "plant-modbus",
        "since": "2026-02-01T14:25:30.123Z",
        "since_ts": SEED_TS,
        "last_reading": "2026-02-01T14:25:27.120Z",
        "stale_after": 3.0,
        "open_faults": ["misalignment"],
    }
    return m.Notice(kind, data, 7, extra={"data_loss": details})


@pytest.mark.parametrize("kind", [m.DATA_LOSS, m.DATA_RESTORED])
def test_data_loss_html_text_part_is_our_plain_text(kind: str) -> None:
    n = loss_notice(kind)
    assert convert_between(NotifyFormat.HTML, NotifyFormat.TEXT, m.email_html(n)) == m.email_text(n)


def test_data_loss_notice_says_what_is_missing_and_never_a_confidence() -> None:
    n = loss_notice()
    assert m.email_subject(n) == "⚠️ Data Loss: industrial_sensor_2 (asset_stale)"
    assert m.email_text(n) == (
        "⚠️ DATA LOSS\n"
        "\n"
        "Problem: asset stale: no fresh reading for 3 s\n"
        "Sensor ID: industrial_sensor_2\n"
        "Source: plant-modbus\n"
        "Since: 2026-02-01T14:25:30.123Z\n"
        "Last Reading: 2026-02-01T14:25:27.120Z\n"
        "Open Fault Alerts: misalignment\n"
        "\n"
        "No fault can be detected on this equipment until its data returns. "
        "Check the device, its cable or its broker."
    )
    body = json.loads(json.dumps(m.webhook_payload(n)))
    assert body["alert_type"] == "data_loss"
    assert body["fault_data"]["confidence"] is None  # nothing was predicted
    assert body["data_loss"]["last_reading"] == "2026-02-01T14:25:27.120Z"
    assert m.sms_text(n).startswith("⚠️ Data loss: industrial_sensor_2 (asset_stale) since")
    back = loss_notice(m.DATA_RESTORED)
    assert m.email_subject(back) == "✅ Data Restored: industrial_sensor_2"
    assert m.webhook_payload(back)["alert_type"] == "data_restored"
    assert "Restored At: 2026-02-01T14:25:30.123Z" in m.email_text(back)
    assert m.slack_title(back) == "✅ Aastreli Data Restored"
    down = loss_notice(fault_type="source_down")
    assert "Source: industrial_sensor_2" in m.email_text(down)
    assert "Last Reading" not in m.email_text(down)
