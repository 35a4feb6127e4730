from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .rounding import PriceRounding


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
    rounding = models.CharField(
        _("price rounding"),
        max_length=5,
        choices=PriceRounding,
        default=PriceRounding.MINOR_UNIT,
        help_text=_(
            "How prices converted into this currency are rounded, on the shop's pages, "
            "in carts and in orders alike."
        ),
    )

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
        if not self.active and DefaultCurrency.objects.filter(currency=self.pk).exists():
            message = _("A language's default currency is always offered: choose another first.")
            raise ValidationError({"active": message})


class DefaultCurrency(models.Model):
    """The currency a shopper who has chosen none sees prices in, by UI language."""

    language = models.CharField(
        _("language"), max_length=10, primary_key=True, choices=settings.LANGUAGES
    )
    currency = models.ForeignKey(
        Currency,
        on_delete=models.CASCADE,
        related_name="default_for",
        verbose_name=_("currency"),
        limit_choices_to={"active": True},
    )

    class Meta:
        verbose_name = _("default currency for a language")
        verbose_name_plural = _("default currencies for languages")
        ordering = ["language"]

    def __str__(self):
        return f"{self.get_language_display()}: {self.currency_id}"


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


@dataclass(frozen=True)
class PageText:
    """A shop page's words in one language; each *_language says which language it fell
    back to, so the template can mark English text on a Ukrainian page."""

    title: str
    title_language: str
    body: str
    body_language: str
    description: str


class ShopPage(models.Model):
    """One of the shop's own pages (shipping, returns...), written by staff in plain text.

    English is required; the Ukrainian fields fall back to English when empty.
    """

    class Slug(models.TextChoices):
        # The labels are the short names the footer links with.
        SHIPPING = "shipping", _("Shipping")
        RETURNS = "returns", _("Returns")
        CONTACT = "contact", _("Contact us")
        ABOUT = "about", _("About us")
        PRIVACY = "privacy", _("Privacy")
        TERMS = "terms", _("Terms")

    slug = models.SlugField(_("page"), max_length=20, choices=Slug, unique=True)
    title = models.CharField(_("title"), max_length=120)
    description = models.CharField(
        _("meta description"),
        max_length=160,
        help_text=_("One or two sentences for search engines and link previews."),
    )
    body = models.TextField(
        _("text"),
        help_text=_(
            "Plain text: an empty line starts a new paragraph; a paragraph's first line "
            "ending in a colon is its heading; lines starting with '- ' are a list; web and "
            "email addresses become links. HTML is shown as typed."
        ),
    )
    title_uk = models.CharField(_("title in Ukrainian"), max_length=120, blank=True)
    description_uk = models.CharField(
        _("meta description in Ukrainian"), max_length=160, blank=True
    )
    body_uk = models.TextField(
        _("text in Ukrainian"), blank=True, help_text=_("Left empty, the English text is shown.")
    )
    published = models.BooleanField(_("published"), default=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("shop page")
        verbose_name_plural = _("shop pages")
        ordering = ["slug"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("page", args=[self.slug])

    def in_language(self, language: str) -> PageText:
        """The page's words in `language`, each falling back to English when empty."""
        english = settings.LANGUAGE_CODE
        local = language == "uk"
        title = (local and self.title_uk.strip()) or ""
        body = (local and self.body_uk.strip()) or ""
        return PageText(
            title=title or self.title,
            title_language=language if title else english,
            body=body or self.body,
            body_language=language if body else english,
            description=(local and self.description_uk.strip()) or self.description,
        )


class Account(models.Model):
    """A shopper's account details beyond Django's user: consents and the verified email.

    The user's email is the login, stored lower-cased and unique whatever its case
    (a unique index on lower(email), see migration 0005_accounts).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="account",
        verbose_name=_("user"),
    )
    email_verified = models.DateTimeField(_("email verified"), null=True, blank=True)
    privacy_accepted = models.DateTimeField(_("privacy notice accepted"), null=True, blank=True)
    news = models.BooleanField(_("wants news by email"), default=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("customer account")
        verbose_name_plural = _("customer accounts")

    def __str__(self):
        return self.user.email

    @property
    def verified(self) -> bool:
        return self.email_verified is not None
