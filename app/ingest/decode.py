"""Turn an article file's bytes into text, and say which encoding they were in."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# Control characters text has no use for: all but tab, line feed, vertical tab (Word's line
# break), form feed and carriage return, with DEL and the C1 controls. A few are a corrupted
# byte or a DOS end mark and are dropped; more than one character in MAX_CONTROL_SHARE is
# binary data. Random bytes are one in nine C0 controls (one in five read as Latin-1), so
# even 200 of them are refused.
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
_TEXT_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_SHARE = 33  # 3 %
_SAMPLE = 65536  # bytes looked at to judge a file; plenty for any article's character
# A word with both Latin and Cyrillic letters is what the wrong codepage makes of real text:
# French "Café" read as Windows-1251 becomes "Cafй".
_MIXED_SCRIPT_WORD = re.compile(
    r"[A-Za-z\u00c0-\u024f][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z\u00c0-\u024f]"
)
# What surrogateescape makes of bytes that are not UTF-8, and of everything else non-ASCII.
_BAD_BYTE = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


class NotText(ValueError):
    """The bytes are not text; the message says so in words a person understands."""


def decode(data: bytes) -> tuple[str, str]:
    """Return the text of data, without control characters, and the codec it was decoded with.

    UTF-8 (with or without a byte-order mark) is tried first; otherwise the text is read as
    Windows-1251 (Cyrillic) or Windows-1252 (Western; Latin-1 when it has bytes Windows-1252
    lacks), unless it is mostly UTF-8 with a few bad bytes, which become U+FFFD. Raise
    NotText for binary data.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _decode_utf16(data)
    else:
        text, encoding = _decode_bytes(data)
    return _without_controls(text), encoding


def _decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode anything but UTF-16, refusing binary data before looking for its encoding."""
    if looks_binary(data):
        raise NotText("binary data, not text")
    utf8 = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data, utf8 = data[len(codecs.BOM_UTF8) :], "utf-8-sig"
    try:
        return data.decode("utf-8"), utf8
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        # A UTF-8 file with a few stray bytes: read as a legacy codepage, every accented
        # letter would turn to mojibake; instead keep the text and mark the bad bytes.
        return data.decode("utf-8", "replace"), utf8
    encoding = _guess_legacy(data)
    return data.decode(encoding), encoding


def _without_controls(text: str) -> str:
    """Drop a few stray control characters; raise NotText for more than a tiny share."""
    if not CONTROL_CHARACTERS.search(text):
        return text
    kept = CONTROL_CHARACTERS.sub("", text)
    if (len(text) - len(kept)) * MAX_CONTROL_SHARE > len(text):
        raise NotText("binary data, not text")
    return kept


def looks_binary(data: bytes) -> bool:
    """Tell whether data is binary by the share of control bytes near its start."""
    sample = data[:_SAMPLE]
    # Deleting every text byte leaves the control bytes (and is much faster than a regex).
    return len(sample.translate(None, _TEXT_BYTES)) * MAX_CONTROL_SHARE > len(sample)


def _decode_utf16(data: bytes) -> tuple[str, str]:
    """Decode UTF-16 with a byte-order mark (Notepad's "Unicode")."""
    try:
        return data.decode("utf-16"), "utf-16"
    except UnicodeDecodeError:
        raise NotText("binary data, not text") from None


def _mostly_utf8(data: bytes) -> bool:
    """Tell whether invalid UTF-8 has more well-formed non-ASCII characters than bad bytes."""
    text = data.decode("utf-8", "surrogateescape")
    return len(_NON_ASCII.findall(text)) > len(_BAD_BYTE.findall(text))


def _guess_legacy(data: bytes) -> str:
    """Return the single-byte encoding the (non-UTF-8) bytes most plausibly are in."""
    western = "cp1252" if _decodes(data, "cp1252") else "latin_1"
    candidates = [enc for enc in ("cp1251", western) if _decodes(data, enc)]
    sample = data[:_SAMPLE]
    # The detector's statistics need more text than a headline gives, so first drop any
    # reading that mixes alphabets inside words, then let it choose among what is left.
    clean = [enc for enc in candidates if not _MIXED_SCRIPT_WORD.search(sample.decode(enc))]
    candidates = clean or candidates
    if len(candidates) > 1:
        best = from_bytes(sample, cp_isolation=candidates).best()
        if best is not None:
            return best.encoding
    # Undecided: a text with no Latin letter next to an accented one is most likely Cyrillic.
    return candidates[0]


def _decodes(data: bytes, encoding: str) -> bool:
    """Tell whether data is valid in encoding."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
