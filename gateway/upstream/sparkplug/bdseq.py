"""The edge node's bdSeq, kept in the data folder: one number per MQTT CONNECT, across restarts.

Sparkplug 3.0 asks that the bdSeq in the will of each CONNECT be the previous
CONNECT's plus one (255 wraps to 0), starting at zero
(``tck-id-topics-nbirth-bdseq-increment``: "MUST start at zero and increment by one on
every new MQTT CONNECT packet"; ``...-will-message-payload-bdSeq``: "incremented by one
from the value in the previous MQTT CONNECT packet"), and that the NBIRTH of the
session carry the same number. So:

- a number is taken only when a CONNECT packet is about to be written: the TCP (and
  TLS) connection is up (``UpstreamClient.will``); a TCP connect that fails takes none;
- a CONNECT that was written counts even if no CONNACK follows (the broker may hold
  its will): the next one takes the next number;
- the number is on disk (temp file, fsync, rename, fsync the folder) before the
  CONNECT is written, so a restart continues from it: a kill at any point never
  repeats a number; a kill between the write and the CONNECT (microseconds, nothing
  awaited in between) skips one.

A missing file starts at 0. An unreadable one starts at 0 too, with an error logged
(the host then sees the number go back, as after a first start).
"""

from __future__ import annotations

import logging
from pathlib import Path

from gateway.state.storage import atomic_write

log = logging.getLogger("gateway.upstream.sparkplug")

BDSEQ_FILE = "sparkplug-bdseq"


class BdSeq:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.last: int | None = None  # the bdSeq of the last CONNECT written
        try:
            text = path.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as err:
            log.error("sparkplug bdSeq file %s unreadable (%s): starting at 0", path, err)
            return
        if text.isdigit() and int(text) <= 255:
            self.last = int(text)
        else:
            log.error("sparkplug bdSeq file %s holds %r: starting at 0", path, text[:20])

    def peek(self) -> int:
        """The number the next CONNECT will take."""
        return 0 if self.last is None else (self.last + 1) % 256

    def take(self) -> int:
        """The next number, on disk before it is returned (raises OSError when it cannot be)."""
        n = self.peek()
        atomic_write(self.path, f"{n}\n".encode(), mode=0o600)
        self.last = n
        return n
