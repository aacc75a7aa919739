"""Process memory housekeeping: giving back the C heap that start-up freed."""

from __future__ import annotations

import ctypes

# Seconds after the gateway is ready before the start-up's freed C heap is returned: the
# sources connect (and free their handshake buffers) just after ``ready``.
TRIM_DELAY = 5.0


def release_startup_memory() -> None:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``; elsewhere
    nothing): start-up (config validation, schema building, handshakes) frees about half
    a MB that glibc would otherwise keep mapped."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim.argtypes = [ctypes.c_size_t]
    trim(0)
