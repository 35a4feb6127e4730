import secrets

from django.core.files.storage import default_storage
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .releases import Release


def rendition_name(image_name, width):
    """covers/abc.jpg -> covers/renditions/abc-480w.webp"""
    folder, _slash, filename = image_name.rpartition("/")
    stem = filename.rsplit(".", 1)[0]
    return (
        f"{folder}/renditions/{stem}-{width}w.webp"
        if folder
        else f"renditions/{stem}-{width}w.webp"
    )


def cover_upload_to(_image, filename):
    """covers/<name>-<random>.<ext>. Renditions are named after the stem alone, so no two
    uploads may share one: not even front.jpg and front.png, which storage keeps apart."""
    stem, _dot, extension = filename.rpartition(".")
    return f"covers/{slugify(stem)[:60] or 'cover'}-{secrets.token_hex(4)}.{extension.lower()}"


class CoverImage(models.Model):
    """A photo or scan of the sleeve, labels or vinyl. The first one is the cover."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(
        _("image"),
        upload_to=cover_upload_to,
        width_field="width",
        height_field="height",
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"])],
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt_text = models.CharField(
        _("description for screen readers"),
        max_length=200,
        blank=True,
        help_text=_("For example “Front cover” or “Yellow vinyl, side A label”."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # Widths of the WebP renditions made for this image; see catalog.images.
    rendition_widths = models.JSONField(default=list, editable=False)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["position", "id"]

    def __str__(self):
        return self.alt_text or self.image.name

    def rendition_url(self, width):
        return default_storage.url(rendition_name(self.image.name, width))

    @property
    def srcset(self):
        return ", ".join(f"{self.rendition_url(w)} {w}w" for w in self.rendition_widths)

    @property
    def thumbnail_url(self):
        return self.url_for_width(240)

    @property
    def display_url(self):
        return self.url_for_width(480)

    def url_for_width(self, wanted):
        """The smallest rendition at least `wanted` px wide, else the largest, else the original."""
        if not self.rendition_widths:
            return self.image.url
        fitting = [w for w in self.rendition_widths if w >= wanted]
        return self.rendition_url(min(fitting) if fitting else max(self.rendition_widths))
