import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .releases import Release


def new_token() -> str:
    return secrets.token_urlsafe(24)


class StockAlertQuerySet(models.QuerySet):
    def live(self):
        """Alerts that have not been sent yet: confirmed or waiting for confirmation."""
        return self.filter(notified__isnull=True)

    def due(self):
        """Confirmed alerts still waiting for their record to come back."""
        return self.live().filter(confirmed__isnull=False)


class StockAlert(models.Model):
    """A shopper asked to be emailed once when a sold-out record is back in stock."""

    release = models.ForeignKey(
        Release, on_delete=models.CASCADE, related_name="stock_alerts", verbose_name=_("release")
    )
    email = models.EmailField(_("email"), help_text=_("Stored in lower case."))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    # Guests confirm by a link; signed-in shoppers are confirmed at once.
    confirmed = models.DateTimeField(_("confirmed"), null=True, blank=True)
    notified = models.DateTimeField(_("notified"), null=True, blank=True)
    # In the emailed links: confirming (signed with a timestamp) and unsubscribing.
    token = models.CharField(_("token"), max_length=40, unique=True, default=new_token)

    objects = StockAlertQuerySet.as_manager()

    class Meta:
        verbose_name = _("back-in-stock alert")
        verbose_name_plural = _("back-in-stock alerts")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                "release",
                Lower("email"),
                condition=models.Q(notified__isnull=True),
                name="one_live_stock_alert_per_email",
            )
        ]
        indexes = [
            models.Index(
                fields=["release"],
                condition=models.Q(notified__isnull=True, confirmed__isnull=False),
                name="stock_alert_due",
            )
        ]

    def __str__(self):
        return f"{self.email} · {self.release}"
