"""The ``aastreli`` command: run, demo, config check, and the subcommands of each area.

Exit codes: 0 success, 1 runtime failure, 2 bad usage or bad configuration (nothing
was started).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
import sys
from collections.abc import Sequence

from gateway import __version__
from gateway.config import ConfigError, GatewayConfig, load_config

log = logging.getLogger("gateway.cli")

EXIT_OK, EXIT_FAIL, EXIT_CONFIG = 0, 1, 2

# Areas that add their own subcommands with ``register(subparsers)``.
AREAS = (
    "gateway.simulator.cli",
    "gateway.model.cli",
    "gateway.alerts.cli",
    "webui.cli",
)

# Commands defined here. ``aastreli run`` and ``aastreli demo`` build a parser without
# the areas: importing their command modules (the simulator's servers, the model and
# alert tools) would only add to the memory of the long-running gateway.
CORE_COMMANDS = ("run", "demo", "config")


def _load(path: str | None) -> GatewayConfig | None:
    try:
        return load_config(path)
    except ConfigError as err:
        print(f"error: {err}", file=sys.stderr)
        return None


def cmd_config_check(args: argparse.Namespace) -> int:
    bad = 0
    for path in args.files:
        try:
            cfg = load_config(path)
        except ConfigError as err:
            print(f"error: {err}", file=sys.stderr)
            bad += 1
            continue
        problems = _check_trusted_keys(path, cfg.model.trusted_keys)
        if problems:
            for problem in problems:
                print(f"error: {path}: model.trusted_keys: {problem}", file=sys.stderr)
            bad += 1
            continue
        kinds = ", ".join(f"{s.name} ({s.kind})" for s in cfg.sources) or "none"
        print(f"{path}: ok (sources: {kinds})")
    return EXIT_CONFIG if bad else EXIT_OK


def _check_trusted_keys(config: str | None, specs: Sequence[str]) -> list[str]:
    """Problems with the trusted keys this machine can check.

    An ``ed25519:`` key and a key file that is here must be an Ed25519 public key. An
    absolute path that is not here is a path on the device the config is for (an image's
    ``/etc/aastreli/keys/...``): noted, not an error; the gateway refuses to start
    without it. A relative path is looked up as the gateway does (the working folder,
    then the gateway's install folder), so one found nowhere is an error.
    """
    from pathlib import Path

    from gateway.model.errors import ModelError
    from gateway.model.signing import load_public_key

    root = Path(__file__).resolve().parent.parent  # gateway.runtime.REPO_ROOT, not imported
    problems = []
    for spec in specs:
        path = Path(spec.strip())
        if not spec.strip().startswith("ed25519:") and path.is_absolute() and not path.exists():
            print(
                f"note: {config}: trusted key {path} is not on this machine (checked at start)",
                file=sys.stderr,
            )
            continue
        try:
            load_public_key(spec, base=root)
        except ModelError as err:
            problems.append(str(err))
    return problems


def cmd_config_schema(args: argparse.Namespace) -> int:
    import json

    text = json.dumps(GatewayConfig.model_json_schema(), indent=2, sort_keys=True) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    cfg = _load(args.config)
    if cfg is None:
        return EXIT_CONFIG
    from gateway.logs import setup_logging

    setup_logging(args.log_level or cfg.gateway.log_level, cfg.gateway.log_format)
    return run_gateway(cfg)


def run_gateway(cfg: GatewayConfig) -> int:
    from gateway.errors import StartupError
    from gateway.runtime import Gateway
    from gateway.state.datadir import DataDirBusy
    from gateway.state.store import StoreError

    try:
        asyncio.run(Gateway(cfg).run())
    except (StartupError, DataDirBusy, StoreError) as err:
        log.error("cannot start: %s", err)
        print(f"error: {err}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from gateway.demo import run_demo

    return run_demo(args)


def record_activation(args: argparse.Namespace, package: object, model: object) -> int:
    """``aastreli model activate``: swap in the running gateway, or record for the next start."""
    from pathlib import Path

    from gateway import control
    from gateway.state.datadir import DataDirBusy, DataDirLock
    from gateway.state.store import Store

    cfg = _load(args.config)
    if cfg is None:
        return EXIT_CONFIG
    path = str(Path(str(package)).resolve())
    answer = control.request(cfg.data_path, "model.activate", path=path)
    if answer is not None:
        if not answer.get("ok"):
            print(f"error: the running gateway refused: {answer.get('error')}", file=sys.stderr)
            return EXIT_FAIL
        print(f"active in the running gateway: {answer['model']['name']}")
        return EXIT_OK
    try:
        with DataDirLock(cfg.data_path):
            store = Store(cfg.data_path)
            store.put_meta("active_model", path)
            store.audit("model.activated", name=getattr(model, "name", path), via="cli")
            store.close()
    except DataDirBusy as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_FAIL
    print(f"recorded: the gateway on {cfg.data_path} starts with {path}")
    return EXIT_OK


def build_parser(areas: Sequence[str] = AREAS) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aastreli", description="Aastreli edge gateway for pumps and motors."
    )
    parser.add_argument("--version", action="version", version=f"aastreli {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("run", help="run the gateway service")
    p.add_argument("--config", "-c", help="config file (default: $AASTRELI_CONFIG)")
    p.add_argument("--log-level", choices=["debug", "info", "warning", "error"])
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("demo", help="simulated plant + gateway + web UI in one command")
    p.add_argument(
        "--config", "-c", default=None, help="gateway config (default: config/gateway.yaml)"
    )
    p.add_argument("--data-dir", default=None, help="data folder (default: ./data/demo)")
    p.add_argument("--port", type=int, default=None, help="web UI port (default 8080)")
    p.add_argument("--duration", type=float, default=None, help="stop after N seconds")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("config", help="configuration tools")
    csub = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    c = csub.add_parser("check", help="validate config files without connecting to anything")
    c.add_argument("files", nargs="+")
    c.set_defaults(func=cmd_config_check)
    c = csub.add_parser("schema", help="print the JSON schema of the config file")
    c.add_argument("--output", "-o", help="write to this file (config/schema.json)")
    c.set_defaults(func=cmd_config_schema)

    for module in areas:
        area = importlib.import_module(module)
        if module == "gateway.model.cli":
            area.register(sub, on_activate=record_activation)
        else:
            area.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(() if words[:1] and words[0] in CORE_COMMANDS else AREAS)
    args = parser.parse_args(words)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_CONFIG
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
