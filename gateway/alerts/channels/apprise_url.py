"""The ``apprise`` channel: the plain-text message to any Apprise URL (Teams, ntfy, ...)."""

from __future__ import annotations

from gateway.alerts import messages
from gateway.alerts.channels.base import FAILED_, Outcome
from gateway.alerts.channels.via_apprise import AppriseChannel
from gateway.alerts.messages import Notice
from gateway.alerts.targets import Target


class AppriseUrlChannel(AppriseChannel):
    def send(self, target: Target, notice: Notice, key: str) -> Outcome:
        plugin = self.plugin(target.address) if target.address else None
        if plugin is None:
            return Outcome(FAILED_, "not a valid Apprise URL")
        return self.notify(
            plugin, messages.email_text(notice), messages.email_subject(notice), "text", notice
        )
