import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from .collections import Collection, Genre
from .people import Artist, Label
from .queries import ReleaseQuerySet, sold_out
from .translations import Translation


class Format(models.TextChoices):
    LP = "LP", "LP"
    DOUBLE_LP = "2xLP", "2×LP"
    SEVEN_INCH = '7"', "7″"
    TEN_INCH = '10"', "10″"
    TWELVE_INCH = '12"', "12″"
    CD = "CD", "CD"
    CASSETTE = "cassette", pgettext_lazy("format", "Cassette")


VINYL_FORMATS = {
    Format.LP,
    Format.DOUBLE_LP,
    Format.SEVEN_INCH,
    Format.TEN_INCH,
    Format.TWELVE_INCH,
}


class FormatDescription(models.TextChoices):
    ALBUM = "album", pgettext_lazy("format", "Album")
    COMPILATION = "compilation", pgettext_lazy("format", "Compilation")
    SINGLE = "single", pgettext_lazy("format", "Single")
    EP = "ep", pgettext_lazy("format", "EP")
    LIMITED = "limited", pgettext_lazy("format", "Limited Edition")
    REISSUE = "reissue", pgettext_lazy("format", "Reissue")
    REMASTERED = "remastered", pgettext_lazy("format", "Remastered")
    MONO = "mono", pgettext_lazy("format", "Mono")
    STEREO = "stereo", pgettext_lazy("format", "Stereo")
    GATEFOLD = "gatefold", pgettext_lazy("format", "Gatefold")
    HEAVYWEIGHT = "180g", pgettext_lazy("format", "180 g")
    NUMBERED = "numbered", pgettext_lazy("format", "Numbered")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year only")


class Availability(models.TextChoices):
    IN_STOCK = "in_stock", _("In stock")
    LOW_STOCK = "low_stock", _("Only a few left")
    OUT_OF_STOCK = "out_of_stock", _("Out of stock")
    # Every copy is held for an unpaid order: they come back if its payment window closes.
    RESERVED = "reserved", _("All copies reserved")
    PRE_ORDER = "pre_order", _("Pre-order")


class Release(models.Model):
    """One pressing that the shop sells: the thing on the product page."""

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    artists = models.ManyToManyField(
        Artist, through="ReleaseArtist", related_name="releases", verbose_name=_("artists")
    )
    label = models.ForeignKey(
        Label, on_delete=models.PROTECT, related_name="releases", verbose_name=_("label")
    )
    catalogue_number = models.CharField(_("catalogue number"), max_length=50, blank=True)
    format = models.CharField(_("format"), max_length=10, choices=Format, default=Format.LP)
    format_descriptions = models.JSONField(
        _("format descriptions"),
        default=list,
        blank=True,
        help_text=_("Album, Limited Edition, Reissue…"),
    )
    colour = models.CharField(
        _("colour"), max_length=60, blank=True, help_text=_("Vinyl colour, for example “Yellow”.")
    )
    country = CountryField(_("country"), blank=True)
    released = models.DateField(_("release date"), null=True, blank=True)
    released_precision = models.CharField(
        _("release date known to the"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    original_label = models.ForeignKey(
        Label,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="original_releases",
        verbose_name=_("original label"),
    )
    original_year = models.PositiveSmallIntegerField(
        _("original release year"), null=True, blank=True
    )
    genres = models.ManyToManyField(
        Genre, related_name="releases", blank=True, verbose_name=_("genres and styles")
    )
    collection = models.ForeignKey(
        Collection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="releases",
        verbose_name=_("collection"),
    )
    collection_position = models.PositiveSmallIntegerField(
        _("position in collection"), null=True, blank=True
    )
    barcode = models.CharField(_("barcode"), max_length=32, blank=True)
    notes = models.TextField(
        _("notes"),
        blank=True,
        help_text=_("Recording place and dates, original release and so on."),
    )
    description = models.TextField(_("description"), blank=True)
    price = models.DecimalField(
        _("price"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("In the shop's base currency."),
    )
    sale_price = models.DecimalField(
        _("sale price"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("When set, shown instead of the price, which is struck through."),
    )
    # The price a shopper pays: the one definition of the sale rule, kept by the database
    # so that browse can sort and filter on it and an index can serve the sort.
    current_price = models.GeneratedField(
        expression=Coalesce("sale_price", "price"),
        output_field=models.DecimalField(max_digits=8, decimal_places=2),
        db_persist=True,
        verbose_name=_("current price"),
    )
    # Copies for sale. Changed only through catalog.stock, which records every change
    # as a StockMovement: the movements of a release always add up to its stock.
    stock = models.PositiveIntegerField(_("stock"), default=0)
    held = models.PositiveIntegerField(
        _("held in checkouts"),
        default=0,
        editable=False,
        help_text=_("Copies taken out of stock for orders that are not paid yet."),
    )
    max_per_order = models.PositiveSmallIntegerField(
        _("limit per order"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Most copies one order may hold; blank for the shop's default."),
    )
    published = models.BooleanField(_("published"), default=False)
    restocked = models.DateTimeField(
        _("back in stock since"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when copies arrive for a record that had sold out."),
    )
    # Normalised text for search; see catalog.search. Rebuilt whenever staff save.
    search_text = models.TextField(editable=False, default="")
    search_headline = models.TextField(editable=False, default="")
    created = models.DateTimeField(_("added"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("release")
        verbose_name_plural = _("releases")
        ordering = ["-created"]
        indexes = [
            models.Index(fields=["published", "-created"], name="release_published_created"),
            models.Index(fields=["catalogue_number"], name="release_catalogue_number"),
            # Browse sorted by price: published records in current-price order.
            models.Index(fields=["published", "current_price"], name="release_published_price"),
            # Newest first with sold-out records last: browse's default order and the home
            # page's new arrivals, read in order instead of sorting every published record.
            models.Index(
                sold_out(),
                models.F("created").desc(),
                models.F("id").desc(),
                name="release_sold_out_newest",
                condition=models.Q(published=True),
            ),
            # The home page's "Back in stock", latest first.
            models.Index(
                models.F("restocked").desc(),
                models.F("id").desc(),
                name="release_restocked",
                condition=models.Q(restocked__isnull=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sale_price__isnull=True)
                | models.Q(sale_price__lt=models.F("price")),
                name="sale_price_below_price",
                violation_error_message=_("The sale price must be lower than the price."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("catalog:release", kwargs={"slug": self.slug})

    def clean(self):
        if self.original_year and not 1880 <= self.original_year <= timezone.now().year + 1:
            raise ValidationError({"original_year": _("Enter a year between 1880 and next year.")})

    @property
    def artist_line(self):
        """ "Stan Getz & João Gilberto": the title artists, from prefetched data."""
        return " & ".join(credit.artist.name for credit in self.release_artists.all())

    @property
    def full_title(self):
        """ "Miles Davis – Ascenseur Pour L'Echafaud", as on the sleeve and the page title."""
        return f"{self.artist_line} – {self.title}" if self.artist_line else self.title

    @property
    def cover(self):
        """The first image, from prefetched data, or None."""
        images = self.images.all()
        return images[0] if images else None

    @property
    def is_vinyl(self):
        return self.format in VINYL_FORMATS

    @property
    def on_sale(self):
        return self.sale_price is not None

    @property
    def limit_per_order(self):
        return self.max_per_order or settings.MAX_COPIES_PER_ORDER

    @property
    def availability(self):
        if self.stock == 0 and self.held:
            return Availability.RESERVED
        if self.stock == 0:
            return Availability.OUT_OF_STOCK
        if self.released and self.released > datetime.date.today():
            return Availability.PRE_ORDER
        if self.stock <= settings.LOW_STOCK_THRESHOLD:
            return Availability.LOW_STOCK
        return Availability.IN_STOCK

    @property
    def decade(self):
        """1950 for a record first out in 1958: what the list's decade filter reads."""
        year = self.original_year or (self.released.year if self.released else None)
        return year // 10 * 10 if year else None

    @property
    def edition_badges(self):
        """What sets this pressing apart, for badges beside the price: limited, the
        vinyl's colour, reissue (kind, text)."""
        badges = []
        if FormatDescription.LIMITED in self.format_descriptions:
            badges.append(("limited", FormatDescription.LIMITED.label))
        if self.localized_colour and self.is_vinyl:
            colour = self.localized_colour
            badges.append(
                ("colour", pgettext_lazy("badge", "%(colour)s vinyl") % {"colour": colour})
            )
        if FormatDescription.REISSUE in self.format_descriptions:
            badges.append(("reissue", FormatDescription.REISSUE.label))
        return badges

    @property
    def localized_colour(self):
        """The vinyl colour in the page's language when the release was read with
        for_product_page (its `colour_text`, with a fallback to English), else `colour`."""
        return getattr(self, "colour_text", self.colour)

    def format_parts(self):
        """The format line's parts: "Vinyl", "LP", "Album", …, "Yellow"."""
        medium = [pgettext_lazy("medium", "Vinyl")] if self.is_vinyl else []
        descriptions = [
            FormatDescription(code).label
            for code in self.format_descriptions
            if code in FormatDescription.values
        ]
        colour = [self.localized_colour] if self.localized_colour else []
        return [*medium, self.get_format_display(), *descriptions, *colour]


class ReleaseArtist(models.Model):
    """An artist credited on the release's title, in order."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="release_artists")
    artist = models.ForeignKey(
        Artist, on_delete=models.PROTECT, related_name="release_credits", verbose_name=_("artist")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("release artist")
        verbose_name_plural = _("release artists")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["release", "artist"], name="unique_release_artist")
        ]

    def __str__(self):
        return str(self.artist)


class ReleaseTranslation(Translation):
    """The release's texts in another language; an empty one falls back to the default."""

    parent = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="translations")
    description = models.TextField(_("description"), blank=True)
    colour = models.CharField(
        _("colour"), max_length=60, blank=True, help_text=_("For example “Жовтий”.")
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(fields=["parent", "language"], name="unique_release_language")
        ]

    def __str__(self):
        return f"{self.parent} ({self.language})"
