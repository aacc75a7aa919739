"""``aastreli notify-test TYPE VALUE``: one test notification through the real delivery path.

It builds the same outbox, sender and worker the gateway runs (in a temporary folder,
so it never touches a running gateway's data) and reports the one attempt's outcome.
Exit code 0 when the message was accepted, 1 when it failed or was skipped, 2 for a
bad config.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path
from typing import Any

from gateway.alerts.targets import ADDRESS_KEYS, TYPES
from gateway.config import ConfigError, GatewayConfig, load_config

EXIT_OK, EXIT_FAIL, EXIT_CONFIG = 0, 1, 2


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "notify-test",
        help="send a test notification to one target and report the outcome",
        description="Send a test notification through the gateway's alert delivery path "
        "(Apprise, or HTTP for webhooks). SMTP and Twilio settings come from the config "
        "file and the SMTP_* / TWILIO_* environment variables.",
    )
    p.add_argument("type", choices=TYPES, help="target type")
    p.add_argument(
        "value",
        help="email address, phone number, webhook URL, Slack webhook URL "
        "or any Apprise URL (e.g. 'ntfy://topic')",
    )
    p.add_argument("--config", "-c", help="gateway config file (default: $AASTRELI_CONFIG)")
    p.set_defaults(func=cmd_notify_test)


def cmd_notify_test(args: argparse.Namespace) -> int:
    try:
        cfg = load_config(args.config)
    except ConfigError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_CONFIG
    from gateway.logs import setup_logging

    setup_logging("warning", "text")
    target = {"type": args.type, "config": {ADDRESS_KEYS[args.type]: args.value}}
    result = asyncio.run(notify_test(cfg, target))
    line = f"{result['type']} {result['target']}: {result['state']}"
    if result["detail"]:
        line += f" ({result['detail']})"
    print(line)
    return EXIT_OK if result["ok"] else EXIT_FAIL


async def notify_test(cfg: GatewayConfig, target: dict[str, Any]) -> dict[str, Any]:
    from gateway.alerts.actions import send_test
    from gateway.alerts.delivery import DeliveryWorker, Sender
    from gateway.alerts.outbox import DeliveryQueue
    from gateway.health import ComponentHealth

    acfg = cfg.alerts
    with tempfile.TemporaryDirectory(prefix="aastreli-notify-") as tmp:
        outbox = DeliveryQueue(Path(tmp), max_age=acfg.delivery.max_age)
        worker = DeliveryWorker(outbox, Sender(acfg), acfg, ComponentHealth("notify-test", "sink"))
        task = asyncio.create_task(worker.run(), name="notify-test")
        try:
            limit = acfg.delivery.attempt_timeout + 5
            return await send_test(outbox, worker, target, limit=limit)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            await worker.drain(1.0)
            worker.close()
            outbox.close()
