"""Process memory housekeeping after start-up: the C heap it freed given back, what it
built kept out of the garbage collector's way."""

from __future__ import annotations

import ctypes
import gc

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


# Allocations of container objects between two young collections (CPython: 700).
GC_YOUNG_THRESHOLD = 10_000


def freeze_startup_objects() -> None:
    """Move everything start-up built (modules, classes, config: a few hundred thousand
    objects) out of the collector's reach, and collect the young generation less often.

    The pipeline allocates several container objects per reading, which keep the
    collector busy: under a flood of 20,000 readings/s it took about 10 % of the event
    loop's time, half of it in full collections, each of which walked every object of
    the process. Frozen objects are never walked again (they live as long as the process
    anyway), and most of a reading's objects are freed by reference counting before a
    young collection of 10,000 allocations comes round.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
