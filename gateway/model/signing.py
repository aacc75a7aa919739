"""Signed model packages: a package is code, so the gateway can insist on who made it.

A package's C source (the shim included) is compiled and loaded into the gateway's
process, which runs as root on most devices: whoever may install a package may run
anything there. With ``model.trusted_keys`` set, only packages signed by one of those
Ed25519 keys are accepted at upload, at activation and at start.

What is signed: the exact bytes of ``manifest.json``. The signature lives beside it in
``manifest.sig``. The manifest holds the sha256 of every source file (``source.files``,
and their combined ``source.sha256``), of the XGBoost model (``model_sha256``) and of the
golden file (``golden.sha256``), and the loader checks each of them, so the signature
covers the C, the model and the golden file; the library is built on the device from
that verified source (uploaded packages never bring their own ``lib/``), and its build
record ties it to the source checksum. ``build.cflags`` is in the signed manifest too,
and flags outside an allow-list never reach the compiler anyway (``gateway.model.build``).

``manifest.sig`` is JSON: ``{"algorithm": "ed25519", "key_id": "<16 hex>", "signature":
"<base64>"}``. ``key_id`` is the start of the sha256 of the raw public key; it only
picks the key to try, the signature decides. A trusted key is given as
``ed25519:<base64 of the 32 raw bytes>`` or as the path of a PEM public key file.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gateway.model.errors import ModelError
from gateway.model.package import MANIFEST

SIGNATURE = "manifest.sig"
ALGORITHM = "ed25519"


def _ed25519() -> Any:
    from cryptography.hazmat.primitives.asymmetric import ed25519

    return ed25519


def _raw_public(key: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    raw: bytes = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw


def key_id(public_key: Any) -> str:
    return hashlib.sha256(_raw_public(public_key)).hexdigest()[:16]


def public_key_text(public_key: Any) -> str:
    """The ``ed25519:<base64>`` form of a public key (what ``model.trusted_keys`` takes)."""
    return f"{ALGORITHM}:{base64.b64encode(_raw_public(public_key)).decode()}"


def load_public_key(spec: str, base: Path | None = None) -> Any:
    """A trusted key from its ``ed25519:<base64>`` text or a PEM file path."""
    ed25519 = _ed25519()
    spec = spec.strip()
    if spec.startswith(f"{ALGORITHM}:"):
        try:
            raw = base64.b64decode(spec.split(":", 1)[1], validate=True)
            return ed25519.Ed25519PublicKey.from_public_bytes(raw)
        except (binascii.Error, ValueError) as err:
            raise ModelError(f"trusted key {spec[:40]!r}: not an Ed25519 public key") from err
    from cryptography.hazmat.primitives import serialization

    path = Path(spec)
    if not path.is_absolute() and base is not None and not path.exists():
        path = base / path
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except OSError as err:
        raise ModelError(f"trusted key file {path}: {err.strerror or err}") from err
    except ValueError as err:
        raise ModelError(f"trusted key file {path}: not a PEM public key") from err
    if not isinstance(key, ed25519.Ed25519PublicKey):
        raise ModelError(f"trusted key file {path}: not an Ed25519 key")
    return key


def load_trusted_keys(specs: Sequence[str], base: Path | None = None) -> list[Any]:
    return [load_public_key(s, base) for s in specs]


def generate_key_pair(private_path: Path, public_path: Path) -> Any:
    """A new Ed25519 pair: the private key as PEM (mode 0600), the public one as PEM."""
    from cryptography.hazmat.primitives import serialization

    private = _ed25519().Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    public = private.public_key()
    public_path.write_bytes(
        public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return public


def load_private_key(path: Path) -> Any:
    from cryptography.hazmat.primitives import serialization

    try:
        key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as err:
        raise ModelError(f"{path}: not a readable unencrypted PEM private key: {err}") from err
    if not isinstance(key, _ed25519().Ed25519PrivateKey):
        raise ModelError(f"{path}: not an Ed25519 private key")
    return key


def sign_package(package_dir: Path, private_key: Any) -> Path:
    """Write ``manifest.sig`` for the package's manifest as it is now."""
    package_dir = Path(package_dir)
    data = (package_dir / MANIFEST).read_bytes()
    public = private_key.public_key()
    doc = {
        "algorithm": ALGORITHM,
        "key_id": key_id(public),
        "signature": base64.b64encode(private_key.sign(data)).decode(),
    }
    path = package_dir / SIGNATURE
    path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    return path


def verify_package(package_dir: Path, trusted_keys: Sequence[Any]) -> str | None:
    """Check the package's signature against the trusted keys; the key id that signed it.

    With no trusted keys, nothing is required (None). Otherwise a package without
    ``manifest.sig``, with a malformed one, or signed by another key or over other
    manifest bytes is refused with ModelError.
    """
    if not trusted_keys:
        return None
    from cryptography.exceptions import InvalidSignature

    package_dir = Path(package_dir)
    sig_path = package_dir / SIGNATURE
    try:
        doc = json.loads(sig_path.read_text(encoding="utf-8"))
        signature = base64.b64decode(str(doc["signature"]), validate=True)
        if doc.get("algorithm") != ALGORITHM:
            raise ValueError(f"algorithm {doc.get('algorithm')!r}")
    except FileNotFoundError:
        raise ModelError(
            f"{package_dir}: the package is not signed (no {SIGNATURE}) and model.trusted_keys "
            "is set: sign it with `aastreli model sign` using a trusted key"
        ) from None
    except (OSError, ValueError, KeyError, TypeError, binascii.Error) as err:
        raise ModelError(f"{package_dir}: unreadable {SIGNATURE}: {err}") from None
    try:
        data = (package_dir / MANIFEST).read_bytes()
    except OSError as err:
        raise ModelError(f"{package_dir}: cannot read {MANIFEST}: {err}") from None
    for key in trusted_keys:
        try:
            key.verify(signature, data)
        except InvalidSignature:
            continue
        return key_id(key)
    raise ModelError(
        f"{package_dir}: the signature does not match the manifest with any trusted key "
        f"(signed by key {str(doc.get('key_id', '?'))[:16]}): the package was changed after "
        "it was signed, or signed by a key that model.trusted_keys does not list"
    )
