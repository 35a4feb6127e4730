"""Sleeve artwork for the demo catalogue, drawn with Pillow since no photos ship."""

import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

SIZE = 1000
# Muted sleeve colours; the vinyl itself is the collection's yellow.
PALETTE = ["#1f3a4d", "#5b2a2a", "#2f4a36", "#3b3356", "#6b4b1e", "#233b3b", "#4a1f3d", "#2b2b2b"]
VINYL = "#f4c430"
PAPER = "#fbf8f1"


def draw_cover(*, slug: str, artist: str, title: str) -> bytes:
    """A JPEG sleeve: a coloured field, the yellow record peeking out, and the names."""
    colour = PALETTE[int(hashlib.sha256(slug.encode()).hexdigest(), 16) % len(PALETTE)]
    image = Image.new("RGB", (SIZE, SIZE), colour)
    draw = ImageDraw.Draw(image)
    _draw_record(draw, centre=(SIZE * 0.68, SIZE * 0.42), radius=SIZE * 0.3)
    _draw_text(draw, artist=artist, title=title)
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


def _draw_text(draw, *, artist, title):
    margin = SIZE * 0.07
    artist_font = ImageFont.load_default(size=56)
    title_font = _fitting_font(draw, title, max_width=SIZE - 2 * margin, start=84)
    draw.text((margin, SIZE * 0.78), artist.upper(), font=artist_font, fill=PAPER)
    draw.text((margin, SIZE * 0.85), title, font=title_font, fill=VINYL)


def _fitting_font(draw, text, *, max_width, start):
    size = start
    while size > 28:
        font = ImageFont.load_default(size=size)
        if draw.textlength(text, font=font) <= max_width:
            return font
        size -= 4
    return ImageFont.load_default(size=size)
