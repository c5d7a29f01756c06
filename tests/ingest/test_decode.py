"""Decoding article bytes: UTF-8 first, then Windows-1251 or Windows-1252, binary refused."""

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.ingest.decode import CONTROL_CHARACTERS, NotText, decode, looks_binary

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"

RUSSIAN = [
    "Россия открыла учебный центр в Венесуэле, сообщил Ростех в понедельник.",
    "Путин встретился с Мадуро в Кремле.",
    "Москва",
    "Ваш",
    "# Россия и Венесуэла\n\nВ понедельник Путин встретился с Мадуро.\n",
    "«Новости» №5 — столица России",
]
WESTERN = [
    "Le président français a déclaré mercredi qu'il était prêt à négocier.",
    "El presidente Nicolás Maduro se reunió con su homólogo ruso en Moscú.",
    "Die Bundesregierung hat über die Größe der Maßnahmen entschieden.",
    "Café été",
    "Año nuevo en España",
    "Élysée",
    "été",
]


def test_utf8_is_the_fast_path():
    assert decode("Déjà vu в Москве".encode()) == ("Déjà vu в Москве", "utf-8")


def test_utf8_byte_order_mark_is_dropped():
    assert decode(codecs.BOM_UTF8 + b"# Title\r\n") == ("# Title\r\n", "utf-8-sig")


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_utf16_with_byte_order_mark(bom):
    codec = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    assert decode(bom + "# Заголовок\n".encode(codec)) == ("# Заголовок\n", "utf-16")


@pytest.mark.parametrize("text", RUSSIAN)
def test_windows_1251_cyrillic(text):
    assert decode(text.encode("cp1251")) == (text, "cp1251")


@pytest.mark.parametrize("text", WESTERN)
def test_latin1_western(text):
    assert decode(text.encode("latin-1")) == (text, "cp1252")


def test_windows_1252_punctuation():
    text = "« L’Europe doit agir », a-t-il déclaré — c’est l’été."
    assert decode(text.encode("cp1252")) == (text, "cp1252")


def test_utf8_with_a_stray_byte_stays_utf8():
    data = "Déjà vu: Путин в Москве, ".encode() + b"\x92 said Peskov."
    assert decode(data) == ("Déjà vu: Путин в Москве, \ufffd said Peskov.", "utf-8")


def test_ascii_with_one_legacy_quote():
    text, _ = decode(b"Russia\x92s ministry")  # the same quote in Windows-1251 and -1252
    assert text == "Russia’s ministry"


def test_bytes_windows_1252_lacks_are_read_as_latin1():
    text = "Señor Núñez llegó a Madrid el martes por la mañana. \x81"
    assert decode(text.encode("latin-1")) == (text[:-1], "latin_1")  # the C1 control dropped


@pytest.mark.parametrize(
    "data",
    [
        b"\x00",
        b"text with a NUL\x00 byte",  # one NUL in a short text is too big a share
        (FIXTURES / "binary.bin").read_bytes(),
        (FIXTURES / "small_binary.jpg").read_bytes(),  # 200 random bytes
        bytes(range(1, 9)) * 20,
        codecs.BOM_UTF16_LE + b"\x00\xd8",  # a lone surrogate: not UTF-16 after all
        codecs.BOM_UTF16_LE + "\x01\x02\x03".encode("utf-16-le"),
    ],
)
def test_binary_is_refused(data):
    with pytest.raises(NotText, match="binary data, not text"):
        decode(data)


def test_a_few_control_bytes_are_still_text():
    assert not looks_binary(b"Old DOS text with a form feed\x0c and an end mark\x1a" * 3)


@pytest.mark.parametrize("stray", ["\x00", "\x1a", "\x1b", "\x7f", "\x85"])
def test_a_stray_control_character_in_text_is_dropped(stray):
    text = f"A normal paragraph about foreign affairs{stray}, with a stray byte in it."
    assert decode(text.encode()) == (text.replace(stray, ""), "utf-8")


@pytest.mark.parametrize("kept", ["\t", "\n", "\x0b", "\r", "\x0c"])
def test_tabs_line_ends_and_form_feeds_are_kept(kept):
    text = f"One line{kept}and another."
    assert decode(text.encode()) == (text, "utf-8")


def test_fixture_files_decode():
    assert decode((FIXTURES / "cp1251.txt").read_bytes())[1] == "cp1251"
    assert decode((FIXTURES / "latin1.txt").read_bytes())[1] == "cp1252"
    assert decode((FIXTURES / "bom_crlf.txt").read_bytes())[1] == "utf-8-sig"


@given(st.binary())
def test_any_bytes_decode_or_are_refused(data):
    try:
        text, encoding = decode(data)
    except NotText:
        return
    assert CONTROL_CHARACTERS.sub("", data.decode(encoding, "replace")) == text


@given(st.text(st.characters(blacklist_categories=["Cc", "Cs"])))
def test_any_utf8_text_comes_back_unchanged(text):
    assert decode(text.encode()) == (text, "utf-8")
