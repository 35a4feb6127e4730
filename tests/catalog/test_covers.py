"""The drawn demo covers: every letter of the demo data is drawn, and long names fit."""

import io

import pytest
from PIL import Image

from catalog.demo import catalogue
from catalog.demo.covers import (
    ARTIST_FACE,
    MARGIN,
    SIZE,
    TEXT_BOTTOM,
    TEXT_TOP,
    TITLE_FACE,
    draw_cover,
    font,
    text_lines,
)

UKRAINIAN_ALPHABET = "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмнопрстуфхцчшщьюя’"
# A code point no text font has: FreeType draws its "missing" box for it.
MISSING = "\U0010fffd"


def sleeves():
    """(artist line, title) of every demo record, as the loader draws them."""
    names = {slug: artist["name"] for slug, artist in catalogue.ARTISTS.items()}
    return [
        (" & ".join(names[slug] for slug in release["artists"]), release["title"])
        for release in catalogue.RELEASES
    ]


def demo_text():
    """Every artist name and title in the demo data, in every language it has."""
    names = [
        value
        for artist in catalogue.ARTISTS.values()
        for key, value in artist.items()
        if key.startswith("name") and isinstance(value, str)
    ]
    titles = [
        value
        for release in catalogue.RELEASES
        for key, value in release.items()
        if key.startswith("title") and isinstance(value, str)
    ]
    return names + titles


def has_glyph(face, character):
    """Whether the font draws the character itself rather than its "missing" box."""
    typeface = font(face, 48)
    drawn, missing = typeface.getmask(character), typeface.getmask(MISSING)
    return (drawn.size, bytes(drawn)) != (missing.size, bytes(missing))


def test_the_glyph_check_tells_a_missing_letter_from_a_real_one():
    assert has_glyph(TITLE_FACE, "ã")
    assert not has_glyph(TITLE_FACE, "漢")  # Open Sans has no Chinese


@pytest.mark.parametrize("face", [ARTIST_FACE, TITLE_FACE], ids=["artist", "title"])
def test_the_font_draws_every_letter_of_the_demo_names_and_titles(face):
    text = "".join(demo_text()) + UKRAINIAN_ALPHABET
    letters = {c for c in text + text.upper() if not c.isspace()}
    assert {"ã", "é", "ô", "“"} <= letters
    assert sorted(c for c in letters if not has_glyph(face, c)) == []


def test_long_names_wrap_or_shrink_inside_the_sleeve_and_keep_every_word():
    for artist, title in sleeves():
        lines = text_lines(artist=artist, title=title)
        for line in lines:
            left, top, right, bottom = line.box()
            # A letter's side bearing may reach a few pixels into the left margin.
            assert left >= MARGIN - 10 and right <= SIZE - MARGIN, line.text
            assert top >= TEXT_TOP - 20 and bottom <= TEXT_BOTTOM, line.text
        drawn = " ".join(line.text for line in lines)
        assert drawn == f"{artist.upper()} {title}"


def test_the_longest_demo_names_take_more_than_one_line():
    longest = max(sleeves(), key=lambda sleeve: len(sleeve[1]))
    assert longest[1] == "I Never Loved a Man the Way I Love You"
    assert len(text_lines(artist=longest[0], title=longest[1])) >= 3
    blakey = next(sleeve for sleeve in sleeves() if "Messengers" in sleeve[0])
    assert text_lines(artist=blakey[0], title=blakey[1])[0].text.endswith("MESSENGERS")


def test_a_word_too_long_for_any_size_is_broken_between_letters_not_cut():
    word = "Ω" * 80
    lines = text_lines(artist="Вася", title=word)
    assert "".join(line.text for line in lines[1:]) == word
    assert all(line.box()[2] <= SIZE - MARGIN for line in lines)


def test_cover_is_a_square_jpeg():
    data = draw_cover(slug="x", artist="Stan Getz & João Gilberto", title="Getz/Gilberto")
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("JPEG", (SIZE, SIZE))
