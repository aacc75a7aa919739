"""The ``slack`` channel: a Block Kit message through Apprise's Slack plugin.

The address is an incoming-webhook URL (``https://hooks.slack.com/services/...``) or a
``slack://`` URL; its token is in the path, so it is never shown.
"""

from __future__ import annotations

from typing import Any

from gateway.alerts import messages
from gateway.alerts.channels.base import FAILED_, Outcome
from gateway.alerts.channels.via_apprise import AppriseChannel
from gateway.alerts.messages import Notice
from gateway.alerts.targets import Target


class SlackChannel(AppriseChannel):
    def send(self, target: Target, notice: Notice, key: str) -> Outcome:
        plugin: Any = self.plugin(target.address) if target.address else None
        if plugin is None or plugin.service_name != "Slack":
            return Outcome(
                FAILED_, "not a Slack webhook URL (https://hooks.slack.com/services/...)"
            )
        # Block Kit: a header with the title, a mrkdwn section, the colour of the kind.
        plugin.use_blocks = True
        plugin.include_image = False
        return self.notify(
            plugin,
            messages.slack_markdown(notice),
            messages.slack_title(notice),
            "markdown",
            notice,
        )
