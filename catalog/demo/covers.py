"""Sleeve artwork for the demo catalogue, drawn with Pillow since no photos ship.

The names are set in Open Sans (from the ttf-opensans package, Apache-2.0), which has
the accented Latin and the Cyrillic letters of the demo data. Long names wrap onto
more lines and, if they still do not fit, shrink: nothing is ever cut off.
"""

import functools
import hashlib
import io
from dataclasses import dataclass

import ttf_opensans
from PIL import Image, ImageDraw, ImageFont

SIZE = 1000
# Muted sleeve colours; the vinyl itself is the collection's yellow.
PALETTE = ["#1f3a4d", "#5b2a2a", "#2f4a36", "#3b3356", "#6b4b1e", "#233b3b", "#4a1f3d", "#2b2b2b"]
VINYL = "#f4c430"
PAPER = "#fbf8f1"

ARTIST_FACE = ttf_opensans.OPENSANS_SEMIBOLD
TITLE_FACE = ttf_opensans.OPENSANS_BOLD
# The text sits in the band under the record, inside the margins.
MARGIN = round(SIZE * 0.07)
TEXT_TOP = round(SIZE * 0.75)
TEXT_BOTTOM = round(SIZE * 0.95)
ARTIST_SIZE, TITLE_SIZE = 52, 80
SMALLEST = 0.3  # of the full sizes: the demo's longest names stay far above it
GAP = 0.15  # between the artist and the title, in lines of the title


@dataclass(frozen=True)
class Line:
    text: str
    font: ImageFont.FreeTypeFont
    xy: tuple[int, int]
    fill: str

    def box(self):
        """The pixels the line covers on the sleeve: (left, top, right, bottom)."""
        left, top, right, bottom = self.font.getbbox(self.text, anchor="la")
        x, y = self.xy
        return (x + left, y + top, x + right, y + bottom)


def draw_cover(*, slug: str, artist: str, title: str) -> bytes:
    """A JPEG sleeve: a coloured field, the yellow record peeking out, and the names."""
    colour = PALETTE[int(hashlib.sha256(slug.encode()).hexdigest(), 16) % len(PALETTE)]
    image = Image.new("RGB", (SIZE, SIZE), colour)
    draw = ImageDraw.Draw(image)
    _draw_record(draw, centre=(SIZE * 0.68, SIZE * 0.42), radius=SIZE * 0.3)
    for line in text_lines(artist=artist, title=title):
        draw.text(line.xy, line.text, font=line.font, fill=line.fill, anchor="la")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88, optimize=True)
    return buffer.getvalue()


def _draw_record(draw, *, centre, radius):
    x, y = centre
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=VINYL)
    for groove in range(6, 28, 5):
        r = radius * groove / 30
        draw.ellipse((x - r, y - r, x + r, y + r), outline="#d9a916", width=2)
    label = radius * 0.33
    draw.ellipse((x - label, y - label, x + label, y + label), fill=PAPER)
    hole = radius * 0.03
    draw.ellipse((x - hole, y - hole, x + hole, y + hole), fill="#222222")


def text_lines(*, artist: str, title: str) -> list[Line]:
    """The artist (in capitals) over the title, at the largest size whose lines all fit."""
    steps = 15
    for step in range(steps + 1):
        scale = 1 - (1 - SMALLEST) * step / steps
        lines = _set(artist.upper(), title, scale)
        if lines is not None:
            return lines
    # Past the smallest size, a word too long for a line is broken between letters.
    return _set(artist.upper(), title, SMALLEST, break_words=True) or []


def _set(artist, title, scale, break_words=False):
    """Lines laid out at `scale`, or None if they do not fit the band."""
    artist_font = font(ARTIST_FACE, round(ARTIST_SIZE * scale))
    title_font = font(TITLE_FACE, round(TITLE_SIZE * scale))
    width = SIZE - 2 * MARGIN
    artist_lines = wrap(artist, artist_font, width, break_words)
    title_lines = wrap(title, title_font, width, break_words)
    if artist_lines is None or title_lines is None:
        return None
    lines, y = [], TEXT_TOP
    for texts, face, fill in ((artist_lines, artist_font, PAPER), (title_lines, title_font, VINYL)):
        for text in texts:
            lines.append(Line(text, face, (MARGIN, y), fill))
            y += _line_height(face)
        y += round(_line_height(title_font) * GAP)
    return lines if lines[-1].box()[3] <= TEXT_BOTTOM or break_words else None


def wrap(text, face, width, break_words=False):
    """Words greedily filled into lines no wider than `width`; None if a word is too wide."""
    lines = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and face.getlength(candidate) <= width:
            lines[-1] = candidate
        elif face.getlength(word) <= width:
            lines.append(word)
        elif break_words:
            lines.extend(_break(word, face, width))
        else:
            return None
    return lines


def _break(word, face, width):
    pieces = [""]
    for letter in word:
        if pieces[-1] and face.getlength(pieces[-1] + letter) > width:
            pieces.append("")
        pieces[-1] += letter
    return pieces


def _line_height(face):
    ascent, descent = face.getmetrics()
    return ascent + descent


@functools.cache
def font(face, size):
    return ImageFont.truetype(str(face.path), size)
