"""A file that Arrow's streaming CSV reader may read only a bounded distance ahead of its consumer.

pyarrow's ``open_csv`` reads its input on a background I/O thread up to 32 blocks ahead of the
batches taken from it, as fast as the disk allows: with 32 MiB blocks a whole file of up to 1 GiB
sat in memory while the batches were written (peak grew with rows). :class:`PacedFile` blocks
that thread until the consumer has asked for the next batch: memory stays flat in rows.

It also notes, on the bytes as they pass (``scan=True``; for encodings in which the bytes ``"`` and
NUL are always those characters), the number of double quotes and whether any NUL byte was read:
the CSV reader's checks for an unclosed quote and for NUL bytes then need no pass of their own."""

from __future__ import annotations

import threading
from pathlib import Path

__all__ = ["PacedFile"]

#: a stalled read waits this long for the consumer before it proceeds anyway (liveness only: the
#: reader makes one batch per block, so in practice a read never waits while the consumer does)
_STALL_S = 10.0


class PacedFile:
    """A binary file whose reads stop ``(batches + 1 + ahead) * block * ratio`` bytes in, where
    ``batches`` counts :meth:`advance` calls (one per batch taken) and ``ratio`` is the most raw
    bytes one byte of the reader's UTF-8 text can take (2 for UTF-16)."""

    def __init__(self, path: Path, block: int, *, ahead: int = 1, ratio: int = 1, scan: bool = False) -> None:
        self._fh = open(path, "rb")  # noqa: SIM115 -- closed by close()
        self._scan = scan
        #: with ``scan``: double quotes read so far, whether a NUL byte was read, end of file reached
        self.quotes = 0
        self.nul = False
        self.eof = False
        self._step = block * ratio
        self._budget = (1 + ahead) * self._step
        self._read = 0
        self._waiting = False
        self._closed = False
        self._cv = threading.Condition()

    def read(self, n: int = -1) -> bytes:
        with self._cv:
            while not self._closed and self._read >= self._budget:
                if not self._cv.wait(_STALL_S) and self._waiting:
                    break  # the consumer waits for a batch that needs more text: never deadlock
            if self._closed:
                return b""
            data = self._fh.read(n)
            self._read += len(data)
            if self._scan:
                self.quotes += data.count(b'"')
                self.nul = self.nul or b"\x00" in data
            if not data and n != 0:
                self.eof = True
            return data

    def advance(self) -> None:
        """The consumer is done with a batch: one more block may be read."""
        with self._cv:
            self._budget += self._step
            self._cv.notify_all()

    def waiting(self, flag: bool) -> None:
        """The consumer is (or no longer is) waiting for the reader's next batch."""
        with self._cv:
            self._waiting = flag

    def close(self) -> None:
        """Stop reading (the reader sees end of file) and close the file."""
        with self._cv:
            self._closed = True
            self._cv.notify_all()
            self._fh.close()

    @property
    def closed(self) -> bool:
        return self._closed

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def writable(self) -> bool:
        return False
