"""Cover image renditions: resized WebP copies served through srcset."""

import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

from .models import CoverImage
from .models.images import rendition_name

RENDITION_WIDTHS = (240, 480, 960)
WEBP_QUALITY = 82


def make_renditions(cover: CoverImage) -> list[int]:
    """(Re)write the cover's renditions to storage and record their widths.

    Widths larger than the original are skipped, so nothing is upscaled; the
    smallest is always made so that every image has at least one rendition.
    """
    with cover.image.open("rb") as source, Image.open(source) as original:
        original = ImageOps.exif_transpose(original).convert("RGB")
        widths = [w for w in RENDITION_WIDTHS if w <= original.width] or [RENDITION_WIDTHS[0]]
        for width in widths:
            _store(rendition_name(cover.image.name, width), _resized(original, width))
    cover.rendition_widths = widths
    cover.save(update_fields=["rendition_widths"])
    return widths


def _resized(image: Image.Image, width: int) -> bytes:
    height = max(1, round(image.height * width / image.width))
    buffer = io.BytesIO()
    image.resize((width, height), Image.Resampling.LANCZOS).save(
        buffer, "WEBP", quality=WEBP_QUALITY, method=4
    )
    return buffer.getvalue()


def _store(name: str, data: bytes) -> None:
    """Write a rendition under exactly `name`, replacing an older one.

    Storage never overwrites (on disk or in a bucket, each upload keeps a name of its
    own), so the older rendition goes first. Pages link `name` itself: were the storage
    to pick another name, they would show the old image, so that is an error.
    """
    if default_storage.exists(name):
        default_storage.delete(name)
    stored = default_storage.save(name, ContentFile(data))
    if stored != name:
        raise RuntimeError(f"{name!r} was written again while its rendition was remade.")
