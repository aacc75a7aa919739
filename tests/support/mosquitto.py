"""A real mosquitto broker on a free loopback port, started and stopped by a test.

``Mosquitto(tmp_path).start()`` writes a config (plain listener, optional TLS listener
with the given certificate files, optional password file) and runs ``mosquitto -c``.
``stop()``/``start()`` again on the same ports simulate an outage.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.support.net import free_port, wait_listening
from tests.support.proc import stop_process

MOSQUITTO = shutil.which("mosquitto") or "/usr/sbin/mosquitto"


class Mosquitto:
    def __init__(
        self,
        workdir: Path,
        *,
        port: int | None = None,
        tls: dict[str, str] | None = None,
        password_file: str | None = None,
        extra: str = "",
    ) -> None:
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.tls = tls  # {"ca_file", "cert_file", "key_file", optional "require_certificate"}
        self.tls_port = free_port() if tls else None
        self.password_file = password_file
        self.extra = extra
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = self.workdir / f"mosquitto-{self.port}.log"

    def _conf(self) -> str:
        auth = (
            f"allow_anonymous false\npassword_file {self.password_file}\n"
            if self.password_file
            else "allow_anonymous true\n"
        )
        lines = [
            "per_listener_settings false",
            auth,
            f"listener {self.port} 127.0.0.1",
            "max_queued_messages 100000",
            "max_inflight_messages 0",
            "persistence false",
        ]
        if self.tls:
            lines += [
                f"listener {self.tls_port} 127.0.0.1",
                f"cafile {self.tls['ca_file']}",
                f"certfile {self.tls['cert_file']}",
                f"keyfile {self.tls['key_file']}",
            ]
            if self.tls.get("require_certificate"):
                lines.append("require_certificate true")
        # As root, mosquitto drops to its own user and then cannot read certificates,
        # password or ACL files in the test's private temporary folder.
        if os.geteuid() == 0 and "user " not in self.extra:
            lines.append("user root")
        lines.append(self.extra)
        return "\n".join(lines) + "\n"

    def start(self) -> Mosquitto:
        conf = self.workdir / f"mosquitto-{self.port}.conf"
        conf.write_text(self._conf())
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen([MOSQUITTO, "-c", str(conf)], stdout=log, stderr=log)
        wait_listening(self.port)
        if self.tls_port:
            wait_listening(self.tls_port)
        return self

    def stop(self) -> None:
        stop_process(self.proc)
        self.proc = None

    def __enter__(self) -> Mosquitto:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
