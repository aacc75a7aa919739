"""The ``webhook`` channel: the seed's exact JSON payload, POSTed with ``requests``.

Not through Apprise: its ``json://`` wraps the body in its own envelope (version, title,
message, type) and its extra fields are strings only, so it cannot send the seed's
payload with its nested ``fault_data``. Redirects are not followed: a 301/302 would turn
the POST into a GET without the body.
"""

from __future__ import annotations

import json
import re

from gateway import __version__
from gateway.alerts import messages
from gateway.alerts.channels.base import (
    DELIVERY_HEADER,
    FAILED_,
    RETRY,
    Channel,
    Outcome,
    http_status_outcome,
)
from gateway.alerts.messages import Notice
from gateway.alerts.targets import Target


class WebhookChannel(Channel):
    def send(self, target: Target, notice: Notice, key: str) -> Outcome:
        import requests

        timeout = self.shared.timeout
        url = target.address
        if not re.match(r"^https?://[^/\s]+", url):
            return Outcome(FAILED_, "not an http(s) URL")
        headers = {"Content-Type": "application/json", "User-Agent": f"Aastreli/{__version__}"}
        if key:
            headers[DELIVERY_HEADER] = key
        body = json.dumps(messages.webhook_payload(notice), ensure_ascii=False).encode()
        try:
            # No redirects: a 301/302 would turn the POST into a GET without the payload.
            r = requests.post(
                url,
                data=body,
                headers=headers,
                allow_redirects=False,
                timeout=(timeout, timeout),
            )
        except (
            requests.exceptions.InvalidURL,
            requests.exceptions.MissingSchema,
            requests.exceptions.InvalidSchema,
        ) as err:
            return Outcome(FAILED_, f"bad webhook URL: {type(err).__name__}")
        except requests.Timeout:
            return Outcome(RETRY, f"no answer within {timeout:g} s")
        except requests.RequestException as err:
            return Outcome(RETRY, f"connection failed: {type(err).__name__}")
        return http_status_outcome(r.status_code, "webhook")
