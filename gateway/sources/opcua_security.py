"""OPC UA security: the client certificate, the server's certificate against its pin, the policy.

The client certificate is configured (``security.client_cert``/``client_key``) or made on
first start into the data folder (``opcua/<source>/``: key mode 0600, self-signed
certificate renewed when it expires or the host name changes). The server's
certificate comes from its endpoints (GetEndpoints needs no security) and must equal
``security.server_cert`` when that is set; without a pin any certificate is accepted and
a copy is kept beside the client's so an engineer can check and pin it.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from pathlib import Path

from cryptography import x509

from gateway.config.sources import OpcuaSourceConfig
from gateway.sources.base import SourceError
from gateway.sources.opcua_lib import Client, cert_gen, security_policies, ua, uacrypto

log = logging.getLogger("gateway.sources.opcua")

POLICIES: dict[str, type[security_policies.SecurityPolicy]] = {
    "Basic256Sha256": security_policies.SecurityPolicyBasic256Sha256,
    "Aes128Sha256RsaOaep": security_policies.SecurityPolicyAes128Sha256RsaOaep,
    "Aes256Sha256RsaPss": security_policies.SecurityPolicyAes256Sha256RsaPss,
}
MODES = {
    "Sign": ua.MessageSecurityMode.Sign,
    "SignAndEncrypt": ua.MessageSecurityMode.SignAndEncrypt,
}


class Security:
    """The secure channel of one source's sessions."""

    def __init__(
        self, config: OpcuaSourceConfig, data_dir: Path, warn: Callable[..., None]
    ) -> None:
        self.config = config
        self.folder = data_dir / "opcua" / safe_name(config.name)
        self._warn = warn

    async def apply(self, client: Client) -> None:
        """Set the configured policy and mode on a client that is not connected yet."""
        sec = self.config.security
        if sec.client_cert is not None and sec.client_key is not None:
            cert_path, key_path = Path(sec.client_cert), Path(sec.client_key)
            # The server checks that the application URI of the session matches the one
            # in the certificate, so a certificate made elsewhere dictates ours.
            uri = _certificate_uri(_load_certificate(cert_path))
            if uri:
                client.application_uri = uri
        else:
            cert_path, key_path = await self._own_certificate(client)
        server_cert = await self._server_certificate(client)
        cert = uacrypto.der_from_x509(_load_certificate(cert_path))
        key = _read(key_path, "private key")
        try:
            await client.set_security(
                POLICIES[sec.policy],
                uacrypto.CertProperties(cert, "der"),
                uacrypto.CertProperties(
                    key, "pem" if _is_pem(key) else "der", sec.client_key_password
                ),
                server_certificate=uacrypto.CertProperties(server_cert, "der"),
                mode=MODES[sec.mode],
            )
        except (ValueError, TypeError) as err:  # cryptography: unreadable or locked key
            raise SourceError(f"cannot use the private key {key_path}: {err}") from err

    async def _server_certificate(self, client: Client) -> bytes:
        """The server's certificate for the configured policy and mode, checked against
        the pinned one.

        GetEndpoints needs no security, so a wrong pin or a missing endpoint gets a clear
        error here instead of a secure channel the server cannot decrypt (a timeout).
        """
        sec = self.config.security
        endpoints = await client.connect_and_get_server_endpoints()
        uri, mode = POLICIES[sec.policy].URI, MODES[sec.mode]
        for ep in endpoints:
            if ep.SecurityPolicyUri == uri and ep.SecurityMode == mode and ep.ServerCertificate:
                offered = _first_certificate(ep.ServerCertificate)
                break
        else:
            offers = sorted(
                {
                    f"{e.SecurityPolicyUri.rpartition('#')[2]}/{e.SecurityMode.name}"
                    for e in endpoints
                }
            )
            raise SourceError(
                f"{self.config.url} offers no {sec.policy}/{sec.mode} endpoint "
                f"(it offers {', '.join(offers)})"
            )
        if sec.server_cert is not None:
            pinned = uacrypto.der_from_x509(_load_certificate(Path(sec.server_cert)))
            if pinned != offered:
                raise SourceError(
                    f"{self.config.url} presents a certificate other than "
                    f"security.server_cert ({sec.server_cert}); refusing it"
                )
        return offered

    async def _own_certificate(self, client: Client) -> tuple[Path, Path]:
        """The gateway's client certificate, generated on first start into the data folder.

        The key is written once with mode 0600; the self-signed certificate is
        regenerated when it expires or no longer matches the host name. The server's
        administrator trusts ``client-cert.der`` once (copy it into the server's
        trusted folder, or accept it in the server's UI).
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        key, cert = self.folder / "client-key.pem", self.folder / "client-cert.der"
        if not key.is_file():
            pem = cert_gen.dump_private_key_as_pem(cert_gen.generate_private_key())
            _write_private(key, pem)
        before = cert.stat().st_mtime_ns if cert.is_file() else None
        await client.setup_self_signed_certificate(
            key, cert, subject_attrs={"organizationName": "Aastreli gateway"}
        )
        if before is None or cert.stat().st_mtime_ns != before:
            log.info(
                "%s: generated the OPC UA client certificate %s; the server must trust it",
                self.config.name,
                cert,
                extra={"component": self.config.name},
            )
        return cert, key

    def keep_server_certificate(self, client: Client) -> None:
        """Without a configured server certificate, any certificate the server presents is
        accepted (the link is encrypted but the server not authenticated). Keep a copy so
        the engineer can check its fingerprint and pin it with ``security.server_cert``."""
        der = client.security_policy.peer_certificate
        if not der:
            return
        path = self.folder / "server-cert-seen.der"
        if not path.is_file() or path.read_bytes() != der:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(der)
        self._warn(
            "unpinned",
            "%s: server certificate of %s is not pinned "
            "(set security.server_cert); the one it presented is in %s",
            self.config.name,
            self.config.url,
            path,
        )


def _first_certificate(der: bytes) -> bytes:
    """A server may send its certificate chain; the first DER SEQUENCE is its own."""
    if len(der) > 4 and der[0] == 0x30 and der[1] == 0x82:
        return der[: int.from_bytes(der[2:4], "big") + 4]
    return der


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise SourceError(f"cannot read the {what} {path}: {err.strerror}") from err


def _is_pem(data: bytes) -> bool:
    return data.lstrip().startswith(b"-----BEGIN")


def _load_certificate(path: Path) -> x509.Certificate:
    """A certificate file in PEM or DER, whatever its name says."""
    data = _read(path, "certificate")
    try:
        if _is_pem(data):
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as err:
        raise SourceError(f"{path} is not a certificate (PEM or DER): {err}") from err


def _certificate_uri(cert: x509.Certificate) -> str | None:
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except x509.ExtensionNotFound:
        return None
    uris = san.value.get_values_for_type(x509.UniformResourceIdentifier)
    return uris[0] if uris else None


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name) or "opcua"
