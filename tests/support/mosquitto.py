"""A real mosquitto broker on a free loopback port, started and stopped by a test.

``Mosquitto(tmp_path).start()`` writes a config (plain listener, optional TLS listener
with the given certificate files, optional password file) and runs ``mosquitto -c``.
``stop()``/``start()`` again on the same ports simulate an outage: the ports it chose
stay held for the object's life (``reserve_port``), so no other process can take one
while the broker is down, and ``start()`` fails with mosquitto's log if it exits.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import weakref
from pathlib import Path

from tests.support.net import reserve_port, wait_listening
from tests.support.proc import stop_process

MOSQUITTO = shutil.which("mosquitto") or "/usr/sbin/mosquitto"

log = logging.getLogger("tests.mosquitto")


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
        self.port = port or self._hold()
        self.tls = tls  # {"ca_file", "cert_file", "key_file", optional "require_certificate"}
        self.tls_port = self._hold() if tls else None
        self.password_file = password_file
        self.extra = extra
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = self.workdir / f"mosquitto-{self.port}.log"

    def _hold(self) -> int:
        held = reserve_port()
        weakref.finalize(self, held.close)  # the port is free again with this object
        return int(held.getsockname()[1])

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
        try:
            for port in (self.port, self.tls_port):
                if port:
                    wait_listening(port, proc=self.proc)
        except RuntimeError as err:
            tail = self.log_path.read_text(errors="replace")[-1500:]
            raise RuntimeError(f"mosquitto did not start: {err}; its log ends:\n{tail}") from err
        return self

    def stop(self) -> None:
        if stop_process(self.proc):
            # Killed, mosquitto saved no persistence database: its sessions and queued
            # messages are gone after a restart.
            log.warning("mosquitto on port %s did not stop on SIGTERM: killed", self.port)
        self.proc = None

    def __enter__(self) -> Mosquitto:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
