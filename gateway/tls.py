"""TLS client contexts for the MQTT links (plant broker and cloud broker) from one config shape."""

from __future__ import annotations

import ssl

from gateway.config.sources import TlsConfig


def client_context(tls: TlsConfig) -> ssl.SSLContext:
    """A verifying client context with the CA and client certificate of ``tls``.

    Raises OSError or ssl.SSLError when a file cannot be read or loaded; each adapter
    translates that into its own error at its edge.
    """
    ctx = ssl.create_default_context(cafile=tls.ca_file)
    if tls.cert_file and tls.key_file:
        ctx.load_cert_chain(tls.cert_file, tls.key_file)
    if tls.insecure_skip_verify:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx
