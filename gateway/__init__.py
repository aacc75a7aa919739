"""Aastreli Edge Gateway: field protocols in, compiled fault model, alerts and upstream out."""

from pathlib import Path

__version__ = "0.1.0"

# Relative paths in the config (model package, trusted keys) not found from the working
# folder are looked up from the repository (or install) root.
REPO_ROOT = Path(__file__).resolve().parent.parent
