from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .translations import Translation


class Artist(models.Model):
    name = models.CharField(pgettext_lazy("artist", "name"), max_length=200)
    sort_name = models.CharField(
        _("sort name"), max_length=200, blank=True, help_text=_("For example “Davis, Miles”.")
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    biography = models.TextField(_("biography"), blank=True)

    class Meta:
        verbose_name = _("artist")
        verbose_name_plural = _("artists")
        ordering = ["sort_name", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog:artist", kwargs={"slug": self.slug})


class ArtistTranslation(Translation):
    """The artist in another language: the name as spelt there, and the biography.

    The name is for finding the artist (search) and is shown beside the original on
    the artist's page; records and cards keep the name from the sleeve."""

    parent = models.ForeignKey(Artist, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(
        pgettext_lazy("artist", "name"),
        max_length=200,
        blank=True,
        help_text=_("For example “Майлз Девіс”."),
    )
    biography = models.TextField(_("biography"), blank=True)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(fields=["parent", "language"], name="unique_artist_language")
        ]

    def __str__(self):
        return f"{self.parent} ({self.language})"


class Label(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    profile = models.TextField(_("profile"), blank=True)

    class Meta:
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog:label", kwargs={"slug": self.slug})
