"""The ``email`` channel: the seed's HTML and plain-text email through Apprise's SMTP plugin.

Apprise is built from ``alerts.smtp`` (or the seed's ``SMTP_*`` variables) given as
fields (``mailtos://user:pass@domain:port?smtp=host&from=...&mode=starttls``), so no
password needs URL quoting. Without an SMTP server, or with a username but no password,
the delivery is skipped.
"""

from __future__ import annotations

from email.utils import formataddr

from gateway.alerts import messages
from gateway.alerts.channels.base import DELIVERY_HEADER, FAILED_, Outcome
from gateway.alerts.channels.via_apprise import AppriseChannel
from gateway.alerts.messages import Notice
from gateway.alerts.targets import Target, is_email


class EmailChannel(AppriseChannel):
    user_destination = False  # the configured server, whatever the address
    secret_address = False  # an email address is shown as it is

    def send(self, target: Target, notice: Notice, key: str) -> Outcome:
        if not is_email(target.address):
            return Outcome(FAILED_, f"not an email address: {target.address!r}")
        s = self.shared.smtp
        missing = s.missing()
        if missing:
            return self.skip(target, missing, messages.email_subject(notice))
        assert s.host is not None
        sender = s.from_email or s.username or ""
        plugin = self.plugin(
            {
                "schema": "mailto" if s.security == "insecure" else "mailtos",
                "host": sender.rsplit("@", 1)[1],
                "port": s.port,
                "smtp_host": s.host,
                "user": s.username,
                "password": s.password,
                "from_addr": formataddr((s.from_name, sender)),
                "targets": [target.address],
                "secure_mode": s.security,
                "verify": s.verify_certificate,
                "headers": {DELIVERY_HEADER: key} if key else {},
            }
        )
        if plugin is None:
            return Outcome(FAILED_, "Apprise could not build the email settings")
        return self.notify(
            plugin, messages.email_html(notice), messages.email_subject(notice), "html", notice
        )
