from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class CurrencyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Currency(models.Model):
    """A currency shoppers can pay in, with the staff-maintained rate from the base currency."""

    code = models.CharField(
        _("code"),
        max_length=3,
        primary_key=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", _("Use the three-letter ISO code, like USD."))],
    )
    rate = models.DecimalField(
        _("rate"),
        max_digits=14,
        decimal_places=6,
        validators=[MinValueValidator(Decimal("0.000001"))],
        help_text=_("How much of this currency one unit of the base currency buys."),
    )
    rate_set = models.DateTimeField(_("rate set"), auto_now=True)
    active = models.BooleanField(_("offered to shoppers"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = CurrencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("currency")
        verbose_name_plural = _("currencies")
        ordering = ["position", "code"]

    def __str__(self):
        return self.code

    def clean(self):
        if self.code == settings.BASE_CURRENCY and self.rate != 1:
            raise ValidationError({"rate": _("The base currency's rate is always 1.")})
        if self.code == settings.BASE_CURRENCY and not self.active:
            raise ValidationError({"active": _("The base currency is always offered.")})
