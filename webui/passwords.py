"""Password hashing (Argon2id, seed bcrypt hashes verified and upgraded) and the password policy.

Argon2id at OWASP's minimum (m=19 MiB, t=2, p=1) takes ≈50 ms on the x86 build machine
and a few hundred on a Raspberry Pi 4: well under a second. Each hash holds 19 MiB while
it runs, so at most ``concurrency`` run at once; a login flood waits for a slot (and
gets 503 after ``wait`` seconds) instead of exhausting the device's memory.

The seed stored passlib bcrypt hashes (``$2b$12$...``). They verify unchanged and the
caller re-hashes with Argon2id at the next successful login (``needs_upgrade``).
passlib truncated passwords at bcrypt's 72-byte limit; bcrypt 5 raises on longer ones,
so the same truncation is applied when checking a seed hash.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

import bcrypt
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 8
MAX_LENGTH = 128
COMMON_FILE = Path(__file__).with_name("data") / "common-passwords.txt"

# OWASP Password Storage Cheat Sheet, Argon2id option 5 (the lightest it accepts).
ARGON2_TIME_COST = 2
ARGON2_MEMORY_KIB = 19456
ARGON2_PARALLELISM = 1

_BCRYPT_PREFIXES = ("$2a$", "$2b$", "$2y$")


class HashingBusy(Exception):
    """Every hashing slot stayed taken for the whole wait: the caller should answer 503."""


class PasswordHashing:
    """Argon2id hashing with a cap on concurrent hashes; verifies seed bcrypt hashes too."""

    def __init__(self, concurrency: int = 2, wait: float = 10.0) -> None:
        self._hasher = PasswordHasher(
            time_cost=ARGON2_TIME_COST,
            memory_cost=ARGON2_MEMORY_KIB,
            parallelism=ARGON2_PARALLELISM,
            hash_len=32,
            salt_len=16,
            type=Type.ID,
        )
        self._slots = threading.BoundedSemaphore(concurrency)
        self._wait = wait
        # A hash of a random password, verified when the account does not exist, so that
        # a login for an unknown email costs as much time as one for a known email.
        self._dummy = self._hasher.hash("dummy password for unknown accounts")

    def _slot(self) -> threading.BoundedSemaphore:
        if not self._slots.acquire(timeout=self._wait):
            raise HashingBusy("too many logins at once; try again in a few seconds")
        return self._slots

    def hash(self, password: str) -> str:
        slots = self._slot()
        try:
            return self._hasher.hash(password)
        finally:
            slots.release()

    def verify(self, stored: str | None, password: str) -> bool:
        """True when ``password`` matches ``stored`` (Argon2id or seed bcrypt)."""
        slots = self._slot()
        try:
            if not stored:
                self._verify_argon2(self._dummy, password)
                return False
            if stored.startswith(_BCRYPT_PREFIXES):
                return _verify_bcrypt(stored, password)
            return self._verify_argon2(stored, password)
        finally:
            slots.release()

    def _verify_argon2(self, stored: str, password: str) -> bool:
        try:
            return bool(self._hasher.verify(stored, password))
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_upgrade(self, stored: str) -> bool:
        """A seed bcrypt hash, or an Argon2 hash with weaker parameters than today's."""
        if stored.startswith(_BCRYPT_PREFIXES):
            return True
        try:
            return bool(self._hasher.check_needs_rehash(stored))
        except InvalidHashError:
            return True


def _verify_bcrypt(stored: str, password: str) -> bool:
    secret = password.encode("utf-8")[:72]  # passlib's truncation, see the module docstring
    try:
        return bcrypt.checkpw(secret, stored.encode("ascii"))
    except ValueError:
        return False


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    # Loaded on the first password change, not at start: most runs never need it.
    with COMMON_FILE.open(encoding="utf-8") as f:
        return frozenset(
            line.strip().lower() for line in f if line.strip() and not line.startswith("#")
        )


def password_problems(password: str, *, email: str = "", username: str = "") -> list[str]:
    """Reasons the password is refused (empty when it is acceptable)."""
    problems = []
    n = len(password)
    if n < MIN_LENGTH:
        problems.append(f"must be at least {MIN_LENGTH} characters")
    if n > MAX_LENGTH:
        problems.append(f"must be at most {MAX_LENGTH} characters")
    if problems:
        return problems
    if any(unicodedata.category(c) == "Cc" for c in password):
        return ["must not contain control characters"]
    low = password.lower()
    if low in _common_passwords():
        problems.append("is on the list of common passwords; choose a less guessable one")
    elif len(set(low)) <= 2:
        problems.append("uses too few different characters")
    else:
        for ident in (email.lower(), email.lower().split("@")[0], username.lower()):
            if len(ident) >= 4 and ident in low:
                problems.append("must not contain your email or username")
                break
    return problems
