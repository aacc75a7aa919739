"""Stopping a helper process the tests started: terminate, then kill if it lingers."""

from __future__ import annotations

import subprocess


def stop_process(proc: subprocess.Popen[bytes] | None, timeout: float = 5.0) -> bool:
    """Stop ``proc``; True when it had to be killed (it saved nothing on the way out)."""
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return True
    return False
