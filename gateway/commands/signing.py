"""Signed command requests: an envelope around the request's exact bytes.

A signed request travels as ``{"signed": "<the request as JSON text>", "signature":
"<base64>"}``: the signature covers the UTF-8 bytes of the ``signed`` string exactly as
sent, so neither side has to agree on a canonical JSON form (number formats and key
order differ between languages). ``hmac-sha256`` uses a key both sides hold;
``ed25519`` a key pair whose private half stays with the cloud (the gateway holds
``ed25519:<base64>`` or a PEM public key file, as ``model.trusted_keys`` takes).

``sign`` is what a cloud client does (and the tests and the docs' example use).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from gateway.config.commands import SignatureConfig
from gateway.logs import REDACTOR


class SignatureError(Exception):
    """A request's signature is missing, malformed or does not verify."""


class KeyProblem(Exception):
    """The configured key cannot be used (unreadable file, not a key)."""


def sign(request: dict[str, Any], kind: str, key: Any) -> bytes:
    """The payload of a signed request: ``key`` is the shared text (hmac-sha256) or an
    Ed25519 private key (cryptography)."""
    text = json.dumps(request, separators=(",", ":"))
    data = text.encode()
    if kind == "hmac-sha256":
        mac = hmac.new(str(key).encode(), data, hashlib.sha256).digest()
    elif kind == "ed25519":
        mac = key.sign(data)
    else:
        raise ValueError(f"unknown signature kind {kind!r}")
    return json.dumps({"signed": text, "signature": base64.b64encode(mac).decode()}).encode()


class Verifier:
    """Checks envelopes against the configured key; built once at start (no I/O after)."""

    def __init__(self, config: SignatureConfig, *, base: Path | None = None) -> None:
        self.kind = config.kind
        self._secret = b""
        self._public: Any = None
        if self.kind == "none":
            return
        if self.kind == "hmac-sha256":
            text = config.key if config.key is not None else _read(config.key_file, base)
            self._secret = text.strip().encode()
            if len(self._secret) < 16:
                raise KeyProblem("the shared key must be at least 16 characters")
            # Its config field is ``key``, which the config's redaction leaves to public keys.
            REDACTOR.add([text.strip()])
            return
        from gateway.model.errors import ModelError
        from gateway.model.signing import load_public_key

        spec = config.key.strip() if config.key is not None else str(config.key_file)
        try:
            self._public = load_public_key(spec, base)
        except ModelError as err:
            raise KeyProblem(str(err)) from err

    @property
    def required(self) -> bool:
        return self.kind != "none"

    def open(self, doc: dict[str, Any]) -> dict[str, Any]:
        """The request inside an envelope, once its signature verifies."""
        signed, signature = doc.get("signed"), doc.get("signature")
        if not isinstance(signed, str) or not isinstance(signature, str):
            raise SignatureError(f"a signed envelope is required ({self.kind})")
        try:
            mac = base64.b64decode(signature, validate=True)
        except (binascii.Error, ValueError):
            raise SignatureError("the signature is not base64") from None
        data = signed.encode()
        if not self._check(data, mac):
            raise SignatureError("the signature does not match the request")
        try:
            request = json.loads(signed)
        except ValueError:
            raise SignatureError("the signed request is not JSON") from None
        if not isinstance(request, dict):
            raise SignatureError("the signed request is not a JSON object")
        return request

    def _check(self, data: bytes, mac: bytes) -> bool:
        if self.kind == "hmac-sha256":
            expected = hmac.new(self._secret, data, hashlib.sha256).digest()
            return hmac.compare_digest(expected, mac)
        from cryptography.exceptions import InvalidSignature

        try:
            self._public.verify(mac, data)
        except InvalidSignature:
            return False
        return True


def _read(path: str | None, base: Path | None) -> str:
    assert path is not None
    p = Path(path)
    if not p.is_absolute() and base is not None and not p.exists():
        p = base / p
    try:
        return p.read_text(encoding="utf-8")
    except OSError as err:
        raise KeyProblem(f"signature key file {p}: {err.strerror or err}") from err
