"""Structured logging: JSON lines off a terminal, readable text on one; no secret in any record.

Context goes in ``extra={...}`` (component, event, topic...) and lands as JSON fields, so
a log shipper can filter on them.

Every secret the gateway is given (SMTP and Twilio credentials, the parts of a
notification target that its mask hides, upstream and source passwords, tokens, the JWT
key) is registered with :data:`REDACTOR`, and every log record, whichever logger made it
(Apprise, urllib3, requests, gmqtt, asyncua included), has them replaced when the record
is made, before any handler or formatter sees it: its message with its arguments and its
traceback (a record factory); its context fields, which are set after the record is made,
are redacted by the gateway's handler before formatting. A library that prints a
settings dict it could not use (Apprise's "Could not load Twilio URL: {... 'auth_token':
...}") prints ``********``.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import threading
import time
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, quote_plus

from gateway.masking import MASK, URL_RE, mask_url, secret_parts

# Attributes every LogRecord has; anything else came from ``extra=`` and is context.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                out[key] = value
        if record.exc_text:
            out["exc"] = record.exc_text
        elif record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, default=str, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s: %(message)s", "%H:%M:%S")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        ctx = {
            k: v for k, v in record.__dict__.items() if k not in _STANDARD and not k.startswith("_")
        }
        if ctx:
            text += "  " + " ".join(f"{k}={v}" for k, v in ctx.items())
        return text


class Redactor:
    """The secrets to take out of log records, and the replacing (thread-safe)."""

    MAX_SECRETS = 10_000  # what users can type into targets is bounded; this bounds it again

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._shown: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None

    def add(self, values: Iterable[str | None]) -> None:
        """Register secrets; a URL is replaced by its masked form, its secret parts by MASK."""
        with self._lock:
            before = len(self._shown)
            for value in values:
                if isinstance(value, str) and len(value.strip()) >= 4:
                    self._add(value.strip())
            if len(self._shown) != before:
                self._pattern = None

    def _add(self, value: str) -> None:
        if len(self._shown) >= self.MAX_SECRETS:
            return
        parts = secret_parts(value) if URL_RE.match(value) else [value]
        for part in parts:
            shown = mask_url(part) if URL_RE.match(part) else MASK
            # As a library may quote it: in a URL or a form body.
            for form in {part, quote(part, safe=""), quote_plus(part)}:
                if len(form) >= 4:
                    self._shown.setdefault(form, shown)

    def redact(self, text: str) -> str:
        pattern = self._pattern
        if pattern is None:
            with self._lock:
                if not self._shown:
                    return text
                names = sorted(self._shown, key=len, reverse=True)
                pattern = self._pattern = re.compile("|".join(map(re.escape, names)))
        shown = self._shown
        return pattern.sub(lambda m: shown.get(m.group(0), MASK), text)

    def record(self, record: logging.LogRecord) -> logging.LogRecord:
        """Take every registered secret out of a record: message, context, traceback."""
        if not self._shown:
            return record
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a library's bad format string: keep both parts
            message = f"{record.msg!r} % {record.args!r}"
        record.msg, record.args = self.redact(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        for key, value in record.__dict__.items():
            if key not in _STANDARD and isinstance(value, str):
                record.__dict__[key] = self.redact(value)
        return record


REDACTOR = Redactor()
_factory_lock = threading.Lock()
_installed = False


def _redact_context(record: logging.LogRecord) -> bool:
    REDACTOR.record(record)
    return True


def install_redaction() -> None:
    """Make every log record of the process pass through :data:`REDACTOR` (once)."""
    global _installed
    with _factory_lock:
        if _installed:
            return
        make = logging.getLogRecordFactory()

        def redacted(*args: Any, **kwargs: Any) -> logging.LogRecord:
            return REDACTOR.record(make(*args, **kwargs))

        logging.setLogRecordFactory(redacted)
        _installed = True


def setup_logging(level: str = "info", fmt: str = "auto", stream: Any = None) -> None:
    install_redaction()
    stream = stream or sys.stderr
    use_json = fmt == "json" or (fmt == "auto" and not stream.isatty())
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter() if use_json else TextFormatter())
    # Context fields (``extra=``) are set after a record is made: redacted here too.
    handler.addFilter(_redact_context)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Protocol libraries log every reconnect attempt at INFO/WARNING; our supervisor
    # logs once down and once up, so theirs are kept for debugging only.
    # urllib3's debug lines print request paths, which hold webhook tokens.
    for noisy in (
        "asyncua",
        "pymodbus",
        "gmqtt",
        "amqtt",
        "transitions",
        "waitress.queue",
        "urllib3",
    ):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
    logging.getLogger("asyncua").setLevel(logging.ERROR)
    # waitress warns of its queue's depth at every request past its threads: a flood of
    # requests would be a flood of lines. webui.serverguard sums it up once a minute.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)


class RateLimited:
    """Log at most one message per key per ``interval`` seconds, counting the rest."""

    def __init__(self, logger: logging.Logger, interval: float = 10.0) -> None:
        self.logger = logger
        self.interval = interval
        self._last: dict[str, float] = {}
        self._suppressed: dict[str, int] = {}

    def warning(self, key: str, msg: str, *args: Any, **extra: Any) -> None:
        now = time.monotonic()
        last = self._last.get(key)
        if last is not None and now - last < self.interval:
            self._suppressed[key] = self._suppressed.get(key, 0) + 1
            return
        self._last[key] = now
        suppressed = self._suppressed.pop(key, 0)
        if suppressed:
            extra["suppressed"] = suppressed
        self.logger.warning(msg, *args, extra=extra)
