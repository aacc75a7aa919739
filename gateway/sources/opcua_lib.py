"""asyncua for the OPC UA client: its package loaded without the server and PubSub parts.

``import asyncua`` runs the package's ``__init__``, which imports the client, the server
and through it PubSub and the XML importer: about 2.3 MB of resident memory a gateway (an
OPC UA client) never uses. When asyncua is not loaded yet, this module loads the package
object without running that ``__init__``, then imports what it defines in the same order
(``Node`` and ``uamethod``, then ``Client``: asyncua's modules import each other in that
order); ``asyncua.Server`` is still there, imported on first use. Every other
``asyncua.*`` module imports as usual. If something loaded asyncua before (the simulated
plant's server in the same process, a test), its package is used as it is; if this
way of loading fails (another asyncua version), the whole package is loaded as usual.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import sys
from types import ModuleType
from typing import Any

_LAZY = ("Server",)  # asyncua.__init__'s names that wait for their first use
_LAZY_MODULES = ("server", "pubsub")  # and its subpackages that importing it loaded


def _lazy_attribute(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module("asyncua.server"), name)
    if name in _LAZY_MODULES:
        return importlib.import_module(f"asyncua.{name}")
    raise AttributeError(f"module 'asyncua' has no attribute {name!r}")


def _load_client_only() -> None:
    spec = importlib.util.find_spec("asyncua")
    if spec is None:
        raise ImportError("asyncua is not installed")
    package: ModuleType = importlib.util.module_from_spec(spec)
    package.__version__ = importlib.metadata.version("asyncua")  # type: ignore[attr-defined]
    package.__getattr__ = _lazy_attribute  # type: ignore[method-assign]
    sys.modules["asyncua"] = package
    try:
        common = importlib.import_module("asyncua.common")
        package.Node = common.Node  # type: ignore[attr-defined]
        package.uamethod = common.uamethod  # type: ignore[attr-defined]
        package.Client = importlib.import_module("asyncua.client").Client  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        # Another asyncua than the pinned one orders its imports otherwise: forget the
        # partial load, and the imports below load the whole package as usual.
        for name in [m for m in sys.modules if m == "asyncua" or m.startswith("asyncua.")]:
            del sys.modules[name]


if "asyncua" not in sys.modules:
    _load_client_only()

from asyncua import Client, ua  # noqa: E402
from asyncua.client.ua_client import UaClient  # noqa: E402
from asyncua.crypto import cert_gen, security_policies, uacrypto  # noqa: E402

__all__ = ["Client", "UaClient", "cert_gen", "security_policies", "ua", "uacrypto"]
