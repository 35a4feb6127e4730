from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .translations import Translation


class Collection(models.Model):
    """A series of releases sold together, such as a label's reissue line."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    featured = models.BooleanField(
        _("featured on the home page"),
        default=False,
        help_text=_("Shown on the home page; without one, the largest collection is."),
    )
    created = models.DateTimeField(_("added"), auto_now_add=True, null=True)

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog:collection", kwargs={"slug": self.slug})


class CollectionTranslation(Translation):
    parent = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="translations")
    description = models.TextField(_("description"))

    class Meta:
        verbose_name = _("description translation")
        verbose_name_plural = _("description translations")
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "language"], name="unique_collection_language"
            )
        ]

    def __str__(self):
        return f"{self.parent} ({self.language})"


class Genre(models.Model):
    """A genre (Jazz) or, when it has a parent, one of its styles (Cool Jazz)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="styles",
        verbose_name=_("genre"),
        help_text=_("Leave empty for a genre; set it to make this a style of that genre."),
    )

    class Meta:
        verbose_name = _("genre or style")
        verbose_name_plural = _("genres and styles")
        ordering = ["name"]

    def __str__(self):
        return f"{self.parent} › {self.name}" if self.parent_id else self.name

    @property
    def is_style(self):
        return self.parent_id is not None


class GenreTranslation(Translation):
    parent = models.ForeignKey(Genre, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("name translation")
        verbose_name_plural = _("name translations")
        constraints = [
            models.UniqueConstraint(fields=["parent", "language"], name="unique_genre_language")
        ]

    def __str__(self):
        return self.name
