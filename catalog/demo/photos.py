"""The other pictures of a demo record, drawn like its sleeve (catalog.demo.covers): the
back of the sleeve with the tracklist, and the vinyl out of it with its centre label,
so that the product page's gallery has something to show."""

import io

from PIL import Image, ImageDraw

from .covers import ARTIST_FACE, MARGIN, PAPER, SIZE, TITLE_FACE, font, wrap

INK = "#1d1b16"
# Vinyl colours by the names staff write on the release; black vinyl otherwise.
VINYL_COLOURS = {"yellow": "#f4c430", "red": "#b3261e", "blue": "#1f5fa8", "clear": "#d8dde0"}
BLACK_VINYL = "#151515"


def draw_back(*, artist: str, title: str, sides: list[tuple[str, list[str]]]) -> bytes:
    """The back of the sleeve: the names, then each side's tracks in two columns."""
    image = Image.new("RGB", (SIZE, SIZE), PAPER)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for text, face, size in ((artist.upper(), ARTIST_FACE, 40), (title, TITLE_FACE, 56)):
        for line in wrap(text, font(face, size), SIZE - 2 * MARGIN, break_words=True):
            draw.text((MARGIN, y), line, font=font(face, size), fill=INK)
            y += round(size * 1.3)
    y += 30
    draw.line((MARGIN, y, SIZE - MARGIN, y), fill=INK, width=3)
    column_width = (SIZE - 3 * MARGIN) // 2
    track_font = font(ARTIST_FACE, 26)
    for column, (side, titles) in enumerate(sides[:2]):
        x, line_y = MARGIN + column * (column_width + MARGIN), y + 40
        draw.text((x, line_y), side, font=font(TITLE_FACE, 34), fill=INK)
        line_y += 56
        for number, track in enumerate(titles, start=1):
            for piece in wrap(f"{number}. {track}", track_font, column_width, break_words=True):
                if line_y > SIZE - MARGIN - 30:
                    break
                draw.text((x, line_y), piece, font=track_font, fill=INK)
                line_y += 36
    return _jpeg(image)


def draw_vinyl(*, title: str, colour: str) -> bytes:
    """The record out of its sleeve, in its colour, with the title on the centre label."""
    vinyl = VINYL_COLOURS.get(colour.strip().lower(), BLACK_VINYL)
    image = Image.new("RGB", (SIZE, SIZE), "#e9e4d8")
    draw = ImageDraw.Draw(image)
    centre, radius = SIZE / 2, SIZE * 0.46
    _disc(draw, centre, radius, vinyl)
    for groove in range(12, 29, 2):
        r = radius * groove / 30
        draw.ellipse(_circle(centre, r), outline=_shade(vinyl), width=2)
    label = radius * 0.36
    draw.ellipse(_circle(centre, label), fill=PAPER)
    # The title sits above the spindle hole, the side's letter below it.
    label_font = font(TITLE_FACE, 26)
    lines = wrap(title, label_font, label * 1.5, break_words=True)[:3]
    top = centre - 28 - 32 * len(lines)
    for line in lines:
        width = label_font.getlength(line)
        draw.text((centre - width / 2, top), line, font=label_font, fill=INK)
        top += 32
    draw.text((centre - 10, centre + label * 0.45), "A", font=font(TITLE_FACE, 34), fill=INK)
    draw.ellipse(_circle(centre, radius * 0.025), fill="#222222")
    return _jpeg(image)


def _disc(draw, centre, radius, fill):
    draw.ellipse(_circle(centre, radius), fill=fill)


def _circle(centre, radius):
    return (centre - radius, centre - radius, centre + radius, centre + radius)


def _shade(hex_colour):
    """A groove: the vinyl's colour, a little darker (or lighter on black)."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    if max(red, green, blue) < 60:
        return "#3a3a3a"
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 0.85) for c in (red, green, blue)))


def _jpeg(image):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()
