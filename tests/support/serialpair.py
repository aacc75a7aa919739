"""A pair of connected pseudo-terminals made by socat: a serial cable for RTU tests.

``SerialPair(tmp_path).start()`` runs ``socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B``
and waits until both links exist; bytes written to ``.a`` come out of ``.b`` and back.
The gateway opens one end, pymodbus's serial server the other. The ptys ignore the baud
rate, so frames move at memory speed; timing tests measure ratios, not milliseconds.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

from tests.support.proc import stop_process

SOCAT = shutil.which("socat") or "/usr/bin/socat"


class SerialPair:
    def __init__(self, workdir: Path, name: str = "tty") -> None:
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.a = str(self.workdir / f"{name}A")
        self.b = str(self.workdir / f"{name}B")
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 5.0) -> SerialPair:
        self.proc = subprocess.Popen(
            [SOCAT, f"pty,raw,echo=0,link={self.a}", f"pty,raw,echo=0,link={self.b}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while not (Path(self.a).exists() and Path(self.b).exists()):
            if self.proc.poll() is not None:
                raise RuntimeError(f"socat exited with {self.proc.returncode}")
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError("socat did not create the pty pair")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        stop_process(self.proc)
        self.proc = None

    def __enter__(self) -> SerialPair:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
