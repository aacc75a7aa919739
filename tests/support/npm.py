"""Test-only JavaScript packages: ``npm ci`` into a folder of tests/support when missing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def npm_ci(folder: Path, package: str) -> bool:
    """Install the folder's locked packages unless ``package`` is there; False without npm."""
    if (folder / "node_modules" / package).exists():
        return True
    npm = shutil.which("npm")
    if npm is None:
        return False
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
        cwd=folder,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return True
