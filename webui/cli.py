"""``aastreli user ...`` and ``aastreli import-seed``: accounts from a shell, and the seed's data.

These commands open the state store of the configured data folder themselves. TinyDB is
not safe across processes, so they take the data folder's lock like a gateway does: while
the gateway runs they stop with a message (stop the service first, or use the web UI's
Users page, which works on the running gateway).

``import-seed`` reads ``mongoexport`` output of the seed's ``users`` and ``user_settings``
collections (JSON lines, or one array with ``--jsonArray``; MongoDB extended JSON such as
``{"$oid": ...}`` and ``{"$date": ...}`` is understood). bcrypt hashes are kept as they are:
they verify at the next login and are then upgraded to Argon2id.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from gateway.facade import (
    ConfigError,
    DataDirBusy,
    DataDirLock,
    StateViews,
    StoreError,
    User,
    UserExists,
    load_config,
    open_state,
    secure_data_dir,
)
from gateway.facade import FaultAction as FaultActionRecord
from webui import accounts
from webui.accounts import AccountError
from webui.passwords import PasswordHashing
from webui.ratelimit import clear_account
from webui.schemas import EMAIL_RE, ROLES, USERNAME_RE, FaultAction

EXIT_OK, EXIT_FAIL, EXIT_CONFIG = 0, 1, 2
HASH_PREFIXES = ("$2a$", "$2b$", "$2y$", "$argon2id$")


class CliError(Exception):
    """A command that cannot go on; the message is printed as it is."""


@contextmanager
def open_store(config_path: str | None) -> Iterator[StateViews]:
    try:
        cfg = load_config(config_path)
    except ConfigError as err:
        raise CliError(str(err)) from None
    # As the gateway at start: the folder holds secrets, 0700 whatever the umask.
    secure_data_dir(cfg.data_path)
    lock = DataDirLock(cfg.data_path)
    try:
        lock.acquire()
    except DataDirBusy as err:
        raise CliError(
            f"{err}.\nThe gateway keeps its accounts in that folder and must not share it: stop "
            "the service first (systemctl stop aastreli, or stop the container on balena), or "
            "use the web UI's Users page while it runs."
        ) from None
    state: StateViews | None = None
    try:
        state = open_state(cfg.data_path)
        yield state
    except StoreError as err:
        raise CliError(f"the state store refused: {err}") from None
    finally:
        if state is not None:
            state.close()
        lock.release()


def _read_password(args: argparse.Namespace, prompt: str = "Password") -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise CliError("no password on standard input")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CliError("standard input is not a terminal: use --password-stdin")
    first = getpass.getpass(f"{prompt}: ")
    if getpass.getpass(f"{prompt} again: ") != first:
        raise CliError("the passwords differ")
    return first


def _run(fn: Any, args: argparse.Namespace) -> int:
    try:
        return int(fn(args))
    except CliError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_FAIL
    except AccountError as err:
        print(f"error: {err.field}: {err.message}", file=sys.stderr)
        return EXIT_FAIL


# -- user -------------------------------------------------------------------------------


def cmd_user_add(args: argparse.Namespace) -> int:
    email = args.email.strip().lower()
    if not EMAIL_RE.match(email):
        raise CliError(f"{args.email!r} is not an email address")
    username = args.username or email.split("@")[0]
    if not USERNAME_RE.match(username):
        raise CliError("username: 3 to 32 letters, digits, '.', '_' or '-'")
    password = _read_password(args)
    with open_store(args.config) as state:
        user = accounts.create_user(
            state,
            PasswordHashing(concurrency=1),
            email=email,
            username=username,
            password=password,
            full_name=args.full_name,
            role=args.role,
        )
        state.audit.record("user_created", email=user.email, role=args.role, by="cli")
    print(f"created {args.role} {user.email} (username {user.username})")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    with open_store(args.config) as state:
        users = [accounts.public_user(u) for u in state.users.all()]
    if not users:
        print(
            "no accounts yet: create the admin with `aastreli user add --role admin ...` "
            "or the setup page"
        )
        return EXIT_OK
    print(f"{'email':32} {'username':20} {'role':9} {'state':9} created")
    for u in users:
        shown = "disabled" if u["disabled"] else "active"
        print(f"{u['email']:32} {u['username']:20} {u['role']:9} {shown:9} {u['created_at'] or ''}")
    return EXIT_OK


def _find(state: StateViews, login: str) -> User:
    user = state.users.find(login)
    if user is None:
        raise CliError(f"no account {login!r}")
    return user


def cmd_user_disable(args: argparse.Namespace) -> int:
    with open_store(args.config) as state:
        user = _find(state, args.login)
        enable = args.enable
        if (
            not enable
            and user.role == "admin"
            and not user.disabled
            and state.users.enabled_admins() <= 1
        ):
            raise CliError("this is the only enabled admin; add another admin first")
        if enable:
            state.users.enable(user.email)
        else:
            accounts.bump_epoch(state, user.email, disabled=True)
        state.audit.record("user_updated", email=user.email, disabled=not enable, by="cli")
    print(f"{user.email} {'enabled' if enable else 'disabled; its sessions were signed out'}")
    return EXIT_OK


def cmd_user_reset_password(args: argparse.Namespace) -> int:
    password = _read_password(args, "New password")
    with open_store(args.config) as state:
        user = _find(state, args.login)
        accounts.set_password(state, PasswordHashing(concurrency=1), user, password)
        clear_account(state, user.email)  # the owner is back in at once
        state.audit.record("password_reset", email=user.email, by="cli")
    print(f"password of {user.email} set; its sessions were signed out")
    return EXIT_OK


# -- import-seed ------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """MongoDB extended JSON to plain values; dates become epoch seconds."""
    if isinstance(value, list):
        return [plain(v) for v in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        key, inner = next(iter(value.items()))
        if key == "$oid":
            return str(inner)
        if key == "$date":
            return _epoch(inner)
        if key in ("$numberLong", "$numberInt"):
            return int(inner)
        if key == "$numberDouble":
            return float(inner)
    return {k: plain(v) for k, v in value.items()}


def _epoch(value: Any) -> float | None:
    if isinstance(value, dict):
        value = plain(value)
    if isinstance(value, int | float):
        return float(value) / 1000.0  # extended JSON counts milliseconds
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except ValueError:
            return None
    return None


def _seconds(value: Any) -> float | None:
    """A time after ``plain``: epoch seconds already, or an ISO string (a non-extended export)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        return _epoch(value)
    return None


def read_export(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise CliError(f"{path}: cannot read: {err.strerror}") from None
    try:
        if text.lstrip().startswith("["):
            docs = json.loads(text)
        else:
            docs = [json.loads(line) for line in text.splitlines() if line.strip()]
    except ValueError as err:
        raise CliError(f"{path}: not mongoexport JSON: {err}") from None
    if not isinstance(docs, list) or not all(isinstance(d, dict) for d in docs):
        raise CliError(f"{path}: expected JSON objects, one per line or in one array")
    return [plain(d) for d in docs]


class SeedImport:
    def __init__(self, state: StateViews, role: str, admins: set[str], dry_run: bool) -> None:
        self.state = state
        self.role = role
        self.admins = admins
        self.dry_run = dry_run
        self.lines: list[str] = []
        self.counts = {"users": 0, "settings": 0, "skipped": 0}

    def skip(self, what: str) -> None:
        self.counts["skipped"] += 1
        self.lines.append(f"  skipped {what}")

    def _username_taken(self, name: str) -> bool:
        return self.state.users.by_username(name) is not None

    def user(self, doc: dict[str, Any]) -> None:
        email = str(doc.get("email", "")).strip().lower()
        hashed = doc.get("hashed_password")
        if not EMAIL_RE.match(email):
            return self.skip(f"user {email or '(no email)'}: not an email address")
        if not isinstance(hashed, str) or not hashed.startswith(HASH_PREFIXES):
            return self.skip(f"user {email}: no bcrypt or Argon2 hash")
        if self.state.users.by_email(email) is not None:
            return self.skip(f"user {email}: an account with this email exists")
        username = str(doc.get("username") or email.split("@")[0])
        if not USERNAME_RE.match(username):
            username = "".join(c if c.isalnum() or c in "._-" else "_" for c in username)[
                :32
            ].ljust(3, "_")
        base, n = username, 1
        while self._username_taken(username):
            n += 1
            username = f"{base[:29]}-{n}"
        role = "admin" if email in self.admins else self.role
        if not self.dry_run:
            try:
                self.state.users.create(
                    email=email,
                    username=username,
                    hashed_password=hashed,
                    full_name=doc.get("full_name"),
                    role=role,
                    disabled=bool(doc.get("disabled", False)),
                    created_at=_seconds(doc.get("created_at")) or time.time(),
                )
            except UserExists as err:
                return self.skip(f"user {email}: {err}")
            self.state.audit.record("user_imported", email=email, role=role, by="import-seed")
        self.counts["users"] += 1
        renamed = f" (username {username})" if username != doc.get("username") else ""
        self.lines.append(f"  user {email} as {role}{renamed}")
        return None

    def settings(self, doc: dict[str, Any]) -> None:
        email = str(doc.get("user_email", "")).strip().lower()
        if self.state.users.by_email(email) is None and not self.dry_run:
            return self.skip(f"settings of {email}: no account with this email")
        actions: list[FaultActionRecord] = []
        for i, raw in enumerate(doc.get("faultActions") or []):
            try:
                a = FaultAction.model_validate(raw)
            except ValidationError as err:
                first = err.errors(include_url=False)[0]["msg"]
                self.lines.append(f"  settings of {email}: dropped fault action {i}: {first}")
                continue
            actions.append(FaultActionRecord(a.id, a.type, a.enabled, a.config))

        def number(key: str, default: float, lo: float, hi: float) -> float:
            try:
                return min(hi, max(lo, float(doc.get(key, default))))
            except (TypeError, ValueError):
                return default

        # The seed's fields; what this UI added beside them is kept as it was.
        record = replace(
            self.state.settings.of(email),
            auto_refresh=bool(doc.get("autoRefresh", True)),
            refresh_interval=int(number("refreshInterval", 5, 1, 3600)),
            anomaly_threshold=number("anomalyThreshold", 0.7, 0.0, 1.0),
            enable_notifications=bool(doc.get("enableNotifications", False)),
            fault_actions=tuple(actions),
        )
        if not self.dry_run:
            self.state.settings.save(record, _seconds(doc.get("updated_at")) or time.time())
            self.state.audit.record(
                "settings_imported", email=email, targets=len(actions), by="import-seed"
            )
        self.counts["settings"] += 1
        self.lines.append(f"  settings of {email}: {len(actions)} fault action(s)")
        return None


def cmd_import_seed(args: argparse.Namespace) -> int:
    docs = [(path, d) for path in args.files for d in read_export(Path(path))]
    users = [d for _, d in docs if "hashed_password" in d]
    settings = [d for _, d in docs if "user_email" in d and "hashed_password" not in d]
    other = len(docs) - len(users) - len(settings)
    admins = {a.strip().lower() for a in args.admin or []}
    with open_store(args.config) as state:
        job = SeedImport(state, args.role, admins, args.dry_run)
        for d in users:  # accounts first: settings attach to them
            job.user(d)
        for d in settings:
            job.settings(d)
        has_admin = state.users.enabled_admins() > 0
    for _ in range(other):
        job.skip("a document that is neither a user nor user settings")
    print("\n".join(job.lines))
    c = job.counts
    verb = "would import" if args.dry_run else "imported"
    print(f"{verb} {c['users']} user(s) and {c['settings']} settings; skipped {c['skipped']}")
    if c["users"] and not has_admin and not args.dry_run:
        print(
            "note: no imported account is an admin; give one with --admin EMAIL, or use "
            "`aastreli user add --role admin`"
        )
    return EXIT_OK


# -- wiring -----------------------------------------------------------------------------


def _config_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--config",
        "-c",
        help="gateway config file (default: $AASTRELI_CONFIG); "
        "its gateway.data_dir holds the accounts",
    )


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("user", help="manage web UI accounts (the gateway must be stopped)")
    usub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    a = usub.add_parser("add", help="create an account")
    _config_arg(a)
    a.add_argument("--email", required=True)
    a.add_argument("--username", help="default: the email's local part")
    a.add_argument("--full-name")
    a.add_argument("--role", choices=ROLES, default="viewer")
    a.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    a.set_defaults(func=lambda ns: _run(cmd_user_add, ns))

    a = usub.add_parser("list", help="list the accounts")
    _config_arg(a)
    a.set_defaults(func=lambda ns: _run(cmd_user_list, ns))

    a = usub.add_parser("disable", help="disable an account and sign it out everywhere")
    _config_arg(a)
    a.add_argument("login", help="email or username")
    a.add_argument("--enable", action="store_true", help="enable it again instead")
    a.set_defaults(func=lambda ns: _run(cmd_user_disable, ns))

    a = usub.add_parser("reset-password", help="set a new password and sign the account out")
    _config_arg(a)
    a.add_argument("login", help="email or username")
    a.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    a.set_defaults(func=lambda ns: _run(cmd_user_reset_password, ns))

    p = subparsers.add_parser(
        "import-seed", help="import the seed's users and user_settings (mongoexport JSON)"
    )
    _config_arg(p)
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--role",
        choices=ROLES,
        default="operator",
        help="role of imported accounts (the seed had none; default operator)",
    )
    p.add_argument("--admin", action="append", metavar="EMAIL", help="make this account an admin")
    p.add_argument("--dry-run", action="store_true", help="show what would be imported")
    p.set_defaults(func=lambda ns: _run(cmd_import_seed, ns))
