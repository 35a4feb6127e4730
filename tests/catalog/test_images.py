from pathlib import Path

from django.conf import settings
from PIL import Image

from catalog.images import make_renditions
from catalog.models import CoverImage
from catalog.models.images import rendition_name
from tests.factories import image_file, make_release


def rendition_path(cover, width):
    return Path(settings.MEDIA_ROOT) / cover.rendition_url(width).removeprefix(settings.MEDIA_URL)


def test_renditions_are_webp_at_each_width(db):
    cover = CoverImage.objects.create(release=make_release(), image=image_file(size=(1200, 1000)))

    assert make_renditions(cover) == [240, 480, 960]

    with Image.open(rendition_path(cover, 480)) as rendition:
        assert rendition.format == "WEBP"
        assert rendition.size == (480, 400)
    assert cover.srcset.count("w,") == 2
    assert cover.display_url.endswith("-480w.webp")


def test_small_images_are_never_upscaled(db):
    cover = CoverImage.objects.create(release=make_release(), image=image_file(size=(300, 300)))

    assert make_renditions(cover) == [240]
    assert cover.url_for_width(960).endswith("-240w.webp")


def test_remaking_renditions_replaces_the_files(db):
    cover = CoverImage.objects.create(release=make_release(), image=image_file(size=(500, 500)))
    make_renditions(cover)
    make_renditions(cover)

    folder = rendition_path(cover, 240).parent
    assert sorted(p.name for p in folder.glob(f"{Path(cover.image.name).stem}-*")) == [
        f"{Path(cover.image.name).stem}-240w.webp",
        f"{Path(cover.image.name).stem}-480w.webp",
    ]


def test_an_image_without_renditions_uses_the_original(db):
    cover = CoverImage.objects.create(release=make_release(), image=image_file())
    assert cover.display_url == cover.image.url


def test_two_covers_with_one_name_in_two_formats_keep_their_own_renditions(db):
    jpeg = CoverImage.objects.create(
        release=make_release(title="Kind of Blue"),
        image=image_file("front.jpg", colour="#0000ff", image_format="JPEG"),
    )
    png = CoverImage.objects.create(
        release=make_release(title="Blue Train"), image=image_file("front.png", colour="#ff0000")
    )
    make_renditions(jpeg)
    make_renditions(png)

    assert rendition_name(jpeg.image.name, 240) != rendition_name(png.image.name, 240)
    with Image.open(Path(settings.MEDIA_ROOT) / rendition_name(jpeg.image.name, 240)) as blue:
        assert blue.convert("RGB").getpixel((10, 10))[2] > 200  # still the blue cover
