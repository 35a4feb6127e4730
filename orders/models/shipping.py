import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from shop.models import Currency


class ShippingZone(models.Model):
    """Countries that share shipping prices, such as "Europe"."""

    name = models.CharField(_("name"), max_length=100)
    countries = CountryField(_("countries"), multiple=True, blank=True)
    rest_of_world = models.BooleanField(
        _("rest of the world"),
        default=False,
        help_text=_("Used for every country that no other zone lists. Only one zone may be."),
    )

    class Meta:
        verbose_name = _("shipping zone")
        verbose_name_plural = _("shipping zones")
        ordering = ["rest_of_world", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["rest_of_world"],
                condition=models.Q(rest_of_world=True),
                name="one_rest_of_world_zone",
                violation_error_message=_("Only one zone can cover the rest of the world."),
            )
        ]

    def __str__(self):
        return self.name


class ShippingMethod(models.Model):
    class Kind(models.TextChoices):
        STANDARD = "standard", _("Standard delivery")
        EXPRESS = "express", _("Express delivery")

    kind = models.CharField(_("method"), max_length=20, choices=Kind, unique=True)
    min_days = models.PositiveSmallIntegerField(_("fastest, in business days"))
    max_days = models.PositiveSmallIntegerField(_("slowest, in business days"))
    free_from = models.DecimalField(
        _("free from"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Orders whose subtotal reaches this amount ship free with this method."),
    )
    free_from_currency = models.ForeignKey(
        Currency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("currency of the free-shipping amount"),
    )
    active = models.BooleanField(_("offered"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("shipping method")
        verbose_name_plural = _("shipping methods")
        ordering = ["position", "kind"]

    def __str__(self):
        return self.get_kind_display()

    def clean(self):
        if (
            self.min_days is not None
            and self.max_days is not None
            and self.min_days > self.max_days
        ):
            raise ValidationError(
                {"max_days": _("The slowest delivery cannot be faster than the fastest.")}
            )
        if (self.free_from is None) != (self.free_from_currency_id is None):
            raise ValidationError(
                {
                    "free_from_currency": _(
                        "Give both the free-shipping amount and its currency, or neither."
                    )
                }
            )


class ShippingRate(models.Model):
    zone = models.ForeignKey(
        ShippingZone, on_delete=models.CASCADE, related_name="rates", verbose_name=_("zone")
    )
    method = models.ForeignKey(
        ShippingMethod, on_delete=models.CASCADE, related_name="rates", verbose_name=_("method")
    )
    price = models.DecimalField(
        _("price"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("In the shop's base currency."),
    )

    class Meta:
        verbose_name = _("shipping price")
        verbose_name_plural = _("shipping prices")
        constraints = [
            models.UniqueConstraint(fields=["zone", "method"], name="one_price_per_zone_method")
        ]

    def __str__(self):
        return f"{self.zone} – {self.method}"


class DispatchSettings(models.Model):
    """When the shop packs and ships: one row, edited by staff."""

    cutoff = models.TimeField(
        _("daily cut-off"),
        default=datetime.time(14, 0),
        help_text=_(
            "Orders paid after this time (shop time) are dispatched the next business day."
        ),
    )
    holiday_country = CountryField(_("public holidays of"), default="GB")
    holiday_subdivision = models.CharField(
        _("region for public holidays"),
        max_length=10,
        blank=True,
        default="ENG",
        help_text=_("For example ENG, SCT, WLS or NIR for the United Kingdom."),
    )

    class Meta:
        verbose_name = _("dispatch settings")
        verbose_name_plural = _("dispatch settings")

    def __str__(self):
        return str(_("Dispatch settings"))


class ClosureDay(models.Model):
    """A day the shop does not dispatch, beyond weekends and public holidays."""

    date = models.DateField(_("date"), unique=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("closure day")
        verbose_name_plural = _("closure days")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date} {self.reason}".strip()
