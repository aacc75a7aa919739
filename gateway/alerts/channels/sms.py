"""The ``sms`` channel: the seed's short text through Apprise's Twilio plugin.

The account comes from ``alerts.twilio`` (or the seed's ``TWILIO_*`` variables); without
one the delivery is skipped.
"""

from __future__ import annotations

from gateway.alerts import messages
from gateway.alerts.channels.base import FAILED_, Outcome
from gateway.alerts.channels.via_apprise import AppriseChannel
from gateway.alerts.messages import Notice
from gateway.alerts.targets import Target, phone


class SmsChannel(AppriseChannel):
    user_destination = False  # the configured server, whatever the address
    secret_address = False  # a phone number is shown as it is

    def send(self, target: Target, notice: Notice, key: str) -> Outcome:
        number = phone(target.address)
        if number is None:
            return Outcome(FAILED_, f"not a phone number: {target.address!r}")
        t = self.shared.twilio
        missing = t.missing()
        if missing:
            return self.skip(target, missing, messages.sms_text(notice))
        plugin = self.plugin(
            {
                "schema": "twilio",
                "account_sid": t.account_sid,
                "auth_token": t.auth_token,
                "source": t.from_phone,
                "targets": [number],
            }
        )
        # Twilio's plugin texts its own number when it dropped every target as invalid.
        if plugin is None or len(getattr(plugin, "targets", ())) != 1:
            return Outcome(FAILED_, "Twilio settings or the number were refused by Apprise")
        return self.notify(plugin, messages.sms_text(notice), "", "text", notice)
