"""Text encodings of department exports: BOMs, UTF-16 without BOM, UTF-8, GBK/GB18030, and
files that mix them (refused, naming the line)."""

from __future__ import annotations

import codecs
from pathlib import Path

from core import SourceError

__all__ = ["SNIFF", "NotUtf8", "detect_encoding", "first_decode_error", "line_of", "sniff_encoding"]


SNIFF = 1 << 20


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when a BOM-less sample looks like UTF-16 text (NULs in every
    other byte for ASCII, none in the other half), else None."""
    n = len(head) - len(head) % 2
    if n < 4:
        return None
    even, odd = head[0:n:2], head[1:n:2]
    zero_even, zero_odd = even.count(0), odd.count(0)
    half = n // 2
    if zero_odd >= 0.3 * half and zero_even <= 0.02 * half:
        return "utf-16-le"
    if zero_even >= 0.3 * half and zero_odd <= 0.02 * half:
        return "utf-16-be"
    return None


def line_of(path: Path, offset: int) -> int:
    """1-based line number of a byte offset."""
    line = 1
    done = 0
    with open(path, "rb") as fh:
        while done < offset and (chunk := fh.read(min(SNIFF, offset - done))):
            line += chunk.count(b"\n")
            done += len(chunk)
    return line


def first_decode_error(path: Path, encoding: str) -> int | None:
    """Byte offset of the first byte that does not decode in ``encoding`` (None: all decode)."""
    dec = codecs.getincrementaldecoder(encoding)()
    offset = 0  # bytes fed to the decoder so far
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(SNIFF)
            pending = len(dec.getstate()[0])  # bytes of an incomplete sequence held back
            try:
                dec.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                return max(0, offset - pending + exc.start)
            if not chunk:
                return None
            offset += len(chunk)


def _reads_as_utf8_text(line: bytes, text: str) -> bool:
    """Whether a line that decodes as UTF-8 is evidence of UTF-8 text in a file that is not all
    UTF-8. GBK/GB18030 characters whose two bytes happen to form a 2-byte UTF-8 sequence (卢, 鲁,
    陆, 路, 芦 ... leads 0xC2-0xDF, trails 0x80-0xBF) make whole GBK lines valid UTF-8, read as Latin,
    Greek or Cyrillic letters; Chinese written in UTF-8 takes 3 bytes per character. So a line that
    also decodes as GB18030 counts only when its UTF-8 reading holds a character of 3 bytes or more."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if len(non_ascii) < 2:
        return False
    if any(ord(c) >= 0x800 for c in non_ascii):
        return True
    try:
        line.decode("gb18030")
    except UnicodeDecodeError:
        return True
    return False


def _non_utf8_lines(path: Path) -> tuple[int | None, int | None, int | None]:
    """(first line of non-ASCII UTF-8 text, first line that is not UTF-8, first line that is
    neither UTF-8 nor GB18030) of a file that failed to decode as UTF-8."""
    utf8_line = other_line = invalid_line = None
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            if line.isascii():
                continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                other_line = other_line or n
                try:
                    line.decode("gb18030")
                except UnicodeDecodeError:
                    invalid_line = invalid_line or n
            else:
                if _reads_as_utf8_text(line, text):
                    utf8_line = utf8_line or n
            if utf8_line and other_line and invalid_line:
                break
    return utf8_line, other_line, invalid_line


class NotUtf8(SourceError):
    """A file read as UTF-8 on the evidence of its first MiB (:func:`sniff_encoding`) held other
    bytes further on: whatever was read of it is discarded and it is read again with the encoding
    :func:`detect_encoding` finds (or the error it raises)."""


def sniff_encoding(path: Path) -> tuple[str, bool]:
    """The encoding of a file and whether it is provisional: as :func:`detect_encoding`, except
    that a file whose first MiB is UTF-8 is taken as UTF-8 without decoding the rest (a reader
    that validates UTF-8 as it goes raises :class:`NotUtf8` if the rest is not): the whole-file
    check was a pass of its own over a big export."""
    with open(path, "rb") as fh:
        head = fh.read(SNIFF)
        whole = not fh.read(1)
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head[:4096]):
        return detect_encoding(path), False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=whole)
    except UnicodeDecodeError:
        return detect_encoding(path), False
    return "utf-8", not whole


def detect_encoding(path: Path) -> str:
    """utf-8-sig / utf-16 by BOM, UTF-16 without BOM by its NUL pattern, utf-8 if the file
    decodes, else gb18030 (a superset of GBK). A file mixing UTF-8 and another encoding, or
    holding bytes valid in neither, is refused naming the line."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if (utf16 := _utf16_without_bom(head)) is not None:
        return utf16
    if first_decode_error(path, "utf-8") is None:
        return "utf-8"
    utf8_line, other_line, invalid_line = _non_utf8_lines(path)
    if invalid_line is not None:
        raise SourceError(
            f"{path.name}: line {invalid_line} holds bytes that are neither UTF-8 nor GB18030",
            hint="re-export the file as UTF-8 (or name its encoding in the manifest source)",
        )
    if utf8_line is not None and other_line is not None:
        raise SourceError(
            f"{path.name}: line {other_line} is not UTF-8 but line {utf8_line} is: the file mixes text encodings",
            hint="re-export the whole file in one encoding (UTF-8 preferred)",
        )
    bad = first_decode_error(path, "gb18030")
    if bad is None:
        return "gb18030"
    raise SourceError(
        f"{path.name}: line {line_of(path, bad)} (byte offset {bad}) holds bytes that are neither UTF-8 nor GB18030",
        hint="re-export the file as UTF-8 (or name its encoding in the manifest source)",
    )
